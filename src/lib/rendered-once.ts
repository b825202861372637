/**
 * HTML rendered once per build for each distinct key: the same code block (an example region, a recorded output, a
 * partial's sample) appears on many pages, and Expressive Code would highlight it again on each (40% of this site's
 * code blocks repeat another). The key must hold every input of the rendering (RenderedOnce.astro's caller passes the
 * code, language and title). Entries are kept as promises, so blocks rendered at the same time share one rendering.
 */
const rendered = new Map<string, Promise<string>>();
/** Enough for every distinct block of a large site; `astro dev` drops the oldest beyond it. */
const MAX_ENTRIES = 5000;

export function renderOnce(key: string, render: () => Promise<string>): Promise<string> {
  let html = rendered.get(key);
  if (!html) {
    if (rendered.size >= MAX_ENTRIES) rendered.delete(rendered.keys().next().value!);
    html = render();
    // A failed rendering is not kept: the next page that shows the block reports the error too.
    html.catch(() => rendered.delete(key));
    rendered.set(key, html);
  }
  return html;
}
