/** Deprecations declared in docs frontmatter, normalised to a list (a page may declare one or several). */
export type Deprecation = { since: string; replacement: string; sunset?: string; what?: string; kind: "page" | "endpoint" | "header" };

export function deprecationsOf(data: { deprecated?: Deprecation | Deprecation[] }): Deprecation[] {
  const d = data.deprecated;
  return d === undefined ? [] : Array.isArray(d) ? d : [d];
}
