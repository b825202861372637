/**
 * HTML rendered once per build for each distinct key: the same code block (an example region, a recorded output, a
 * partial's sample) appears on many pages, and Expressive Code would highlight it again on each (40% of this site's
 * code blocks repeat another). The key must hold every input of the rendering (SampleCode.astro passes the code,
 * language, title and class). Entries are promises, so a block asked for while it renders waits for it.
 */
const remembered = new Map<string, Promise<string | undefined>>();
/** Enough for every distinct block of a large site; `astro dev` drops the oldest beyond it. */
const MAX_ENTRIES = 5000;

/**
 * Keeps `html` (a rendering in progress) under `key` for later uses, unless `keep` refuses the result or the rendering
 * fails (then the next use renders again). The first rendering for a key is kept.
 */
export function remember(key: string, html: Promise<string>, keep: (html: string) => boolean = () => true): void {
  if (remembered.has(key)) return;
  if (remembered.size >= MAX_ENTRIES) remembered.delete(remembered.keys().next().value!);
  const forget = () => {
    if (remembered.get(key) === entry) remembered.delete(key);
    return undefined;
  };
  const entry: Promise<string | undefined> = html.then((h) => (keep(h) ? h : forget()), forget);
  remembered.set(key, entry);
}

/** The HTML kept for `key`, or undefined: then the caller renders it (and may remember it). */
export async function rememberedHtml(key: string): Promise<string | undefined> {
  return remembered.get(key);
}

const pagesSeen = new WeakSet<object>();

/** True the first time it is asked about `page` (the Request of one page's rendering), false after. */
export function firstOnPage(page: object): boolean {
  if (pagesSeen.has(page)) return false;
  pagesSeen.add(page);
  return true;
}
