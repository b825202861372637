/**
 * Partials: reusable MDX fragments in `partials/`, rendered with `<Render file="auth/rest-api" params={{ … }} />`.
 * This module checks one call for Render.astro (the build). Which pages render which partial is the check's parsed
 * project (tools/check/project.ts), which `npm run partials` prints.
 */
import { nearest } from "../../tools/check/routes.ts";

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
    const hint = nearest(call.file, known);
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
