/**
 * Partials: reusable MDX fragments in `partials/`, rendered with `<Render file="auth/rest-api" params={{ … }} />`.
 * This module holds the pure parts (checking a call, finding calls in MDX source) so that Render.astro,
 * `npm run partials` and the unit tests share one implementation.
 */

export type PartialInfo = { params: string[] };

export type RenderCall = {
  /** The page doing the rendering: its source file (src/content/docs/…) or, for generated pages, its URL path. */
  page: string;
  /** The partial id as written in `file=`: a path under partials/ without extension. */
  file: string;
  /** The params the page passes. */
  params: Record<string, unknown>;
};

/** `partials/<file>.mdx`, the path a reader can open. */
export function partialPath(file: string): string {
  return `partials/${file}.mdx`;
}

/**
 * Checks one `<Render>` call against the partial it names (`undefined` when no such partial exists).
 * Returns a list of problems; each names the page and the partial file. An empty list means the call is fine.
 * Rules: the partial must exist; every declared param must be passed (not undefined); a param the partial does not
 * declare is an error too, because it is almost always a typo of a declared one and would otherwise be dropped silently.
 */
export function checkRenderCall(call: RenderCall, partial: PartialInfo | undefined, known: readonly string[] = []): string[] {
  const where = `${call.page}: <Render file="${call.file}">`;
  if (typeof call.file !== "string" || call.file.trim() === "") {
    return [`${call.page}: <Render> needs a file="…" naming a partial under partials/ (e.g. file="auth/rest-api")`];
  }
  if (!partial) {
    const hint = closest(call.file, known);
    return [
      `${where}: partial ${partialPath(call.file)} does not exist` +
        (hint ? ` (did you mean "${hint}"?)` : known.length ? "" : " (no partials found)"),
    ];
  }
  const problems: string[] = [];
  const passed = call.params ?? {};
  for (const name of partial.params) {
    if (passed[name] === undefined) {
      problems.push(`${where}: partial ${partialPath(call.file)} declares param "${name}" but the page does not pass it (add params={{ ${name}: … }})`);
    }
  }
  for (const name of Object.keys(passed)) {
    if (!partial.params.includes(name)) {
      const declared = partial.params.length ? partial.params.map((p) => `"${p}"`).join(", ") : "none";
      problems.push(`${where}: param "${name}" is not declared by partial ${partialPath(call.file)} (declared: ${declared})`);
    }
  }
  return problems;
}

/** Throws one Error listing every problem of a `<Render>` call; used by Render.astro so the build fails. */
export function assertRenderCall(call: RenderCall, partial: PartialInfo | undefined, known: readonly string[] = []): void {
  const problems = checkRenderCall(call, partial, known);
  if (problems.length) throw new Error(problems.join("\n"));
}

/** The `file="…"` values of every `<Render …>` element in an MDX source, in order. */
export function findRenderFiles(source: string): string[] {
  const files: string[] = [];
  for (const m of source.matchAll(/<Render\b([^>]*?)\/?>/gs)) {
    const attr = /\bfile\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/.exec(m[1]);
    if (attr) files.push(attr[1] ?? attr[2] ?? attr[3]);
  }
  return files;
}

/**
 * For each partial, the pages that render it, directly or through other partials.
 * `pages` and `partials` map a source path / partial id to the partial ids its source renders.
 */
export function partialUsage(pages: Map<string, string[]>, partials: Map<string, string[]>): Map<string, string[]> {
  const usage = new Map<string, Set<string>>([...partials.keys()].map((id) => [id, new Set<string>()]));
  for (const [page, direct] of pages) {
    const seen = new Set<string>();
    const queue = [...direct];
    while (queue.length) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      if (!usage.has(id)) usage.set(id, new Set());
      usage.get(id)!.add(page);
      queue.push(...(partials.get(id) ?? []));
    }
  }
  return new Map([...usage].sort(([a], [b]) => a.localeCompare(b)).map(([id, set]) => [id, [...set].sort()]));
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** Levenshtein distance; small and local so this module stays dependency-free. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
