/** Deprecations declared in docs frontmatter, normalised to a list (a page may declare one or several). */
export type Deprecation = { since: string; replacement: string; sunset?: string; what?: string; kind: "page" | "endpoint" | "header" };

export function deprecationsOf(data: { deprecated?: Deprecation | Deprecation[] }): Deprecation[] {
  const d = data.deprecated;
  return d === undefined ? [] : Array.isArray(d) ? d : [d];
}

/** The URL path of a docs entry id (`start/overview` → `/start/overview/`, `index` → `/`). */
export function docPath(id: string): string {
  return id === "index" ? "/" : `/${id}/`;
}

/**
 * Problems with the deprecations of one page: a replacement that is not a page of the site (the banner and
 * /deprecations/ would link nowhere), or a sunset before the deprecation date. Each names the page's file.
 */
export function checkDeprecations(file: string, list: Deprecation[], exists: (path: string) => boolean): string[] {
  const problems: string[] = [];
  for (const d of list) {
    const path = d.replacement.replace(/#.*$/, "");
    if (d.replacement.startsWith("/") && !exists(path)) {
      problems.push(`${file}: deprecated.replacement "${d.replacement}" is not a page of this site`);
    }
    if (d.sunset && d.sunset < d.since) problems.push(`${file}: deprecated.sunset ${d.sunset} is before deprecated.since ${d.since}`);
  }
  return problems;
}
