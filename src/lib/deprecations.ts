/**
 * Notices about old things, declared in docs frontmatter (`deprecated:`) or with <Deprecated> on a page.
 * `deprecated`: Cloudflare marks it deprecated. `superseded`: an older surface that still works and is not deprecated.
 */
export const NOTICE_STATUSES = ["deprecated", "superseded"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export type Deprecation = {
  status?: NoticeStatus;
  since?: string;
  sunset?: string;
  /** Where the dates come from. A date without a source is not shown as fact (and `npm run check` rejects it). */
  source?: string;
  replacement: string;
  what?: string;
  kind: "page" | "endpoint" | "header";
};

/** What the banner and /deprecations/ call each status. */
export const STATUS_LABEL: Record<NoticeStatus, string> = { deprecated: "Deprecated", superseded: "Older endpoint" };

/** Shown where a source gives no date. */
export const NOT_ANNOUNCED = "not announced";

export function deprecationsOf(data: { deprecated?: Deprecation | Deprecation[] }): Deprecation[] {
  const d = data.deprecated;
  return d === undefined ? [] : Array.isArray(d) ? d : [d];
}

/** The URL path of a docs entry id (`start/overview` → `/start/overview/`, `index` → `/`). */
export function docPath(id: string): string {
  return id === "index" ? "/" : `/${id}/`;
}

/** The dates of a notice that no source backs: `since`/`sunset` given without `source`. */
export function unbackedDates(d: Pick<Deprecation, "since" | "sunset" | "source">): ("since" | "sunset")[] {
  if (d.source && d.source.trim()) return [];
  return (["since", "sunset"] as const).filter((k) => !!d[k]);
}

/**
 * Problems with the notices of one page: a replacement that is not a page of the site (the banner and /deprecations/
 * would link nowhere), a date no source backs, or a sunset before the deprecation date. Each names the page's file.
 */
export function checkDeprecations(file: string, list: Deprecation[], exists: (path: string) => boolean): string[] {
  const problems: string[] = [];
  for (const d of list) {
    const path = d.replacement.replace(/#.*$/, "");
    if (d.replacement.startsWith("/") && !exists(path)) {
      problems.push(`${file}: deprecated.replacement "${d.replacement}" is not a page of this site`);
    }
    for (const k of unbackedDates(d))
      problems.push(`${file}: deprecated.${k} ${d[k]} has no deprecated.source: give the source of the date, or leave the date out (readers then see "${NOT_ANNOUNCED}")`);
    if (d.sunset && d.since && d.sunset < d.since) problems.push(`${file}: deprecated.sunset ${d.sunset} is before deprecated.since ${d.since}`);
  }
  return problems;
}
