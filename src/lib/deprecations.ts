/**
 * Notices about old things, declared in docs frontmatter (`deprecated:`) or with <Deprecated> on a page: the schema
 * (src/content.config.ts extends the docs collection with it), its type, and the helpers the banner, /deprecations/,
 * `npm run check` and the browser tests share.
 * `deprecated`: Cloudflare marks it deprecated. `superseded`: an older surface that still works and is not deprecated.
 */
import { z } from "astro/zod";

export const NOTICE_STATUSES = ["deprecated", "superseded"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use an ISO date, YYYY-MM-DD");

/**
 * Frontmatter of a page about something old: what it is, its status, where readers should go instead, and dates only
 * where a source gives them (`source` says which). Pages with it get a banner under their title and a row on
 * /deprecations/. `status: deprecated` is for what Cloudflare itself marks deprecated; `superseded` for older surfaces
 * that still work and are not deprecated (the banner then says "Older endpoint").
 */
export const deprecatedSchema = z
  .object({
    status: z.enum(NOTICE_STATUSES).default("deprecated"),
    /** When it was deprecated: only with `source`; without a date the banner says "not announced". */
    since: isoDate.optional(),
    /** When it stops working: only with `source`. */
    sunset: isoDate.optional(),
    /** Where `since`/`sunset` come from (a URL or a named Cloudflare source); `npm run check` rejects a date without it. */
    source: z.string().min(1).optional(),
    replacement: z
      .string()
      .regex(/^\/(?:[^\s?#]*\/)?(?:#[\w-]+)?$|^https:\/\/\S+$/, "a site path with slashes on both ends (/start/overview/, an optional #anchor may follow) or an https:// URL"),
    /** What the notice is about, when it is not simply "this page" (e.g. "The /compat/chat/completions endpoint"). */
    what: z.string().optional(),
    /** What kind of thing it is; /deprecations/ groups by it. */
    kind: z.enum(["page", "endpoint", "header"]).default("page"),
  })
  .strict();

/** One notice, or several when a page covers several old things (e.g. two old headers). */
export const deprecatedField = z.union([deprecatedSchema, z.array(deprecatedSchema).min(1)]).optional();

/** One notice as the docs collection gives it (defaults applied). */
export type Deprecation = z.infer<typeof deprecatedSchema>;

/** A frontmatter value that may be one item or a list of them, as a list. */
export function asList<T>(value: T | T[] | undefined | null): T[] {
  return value == null ? [] : Array.isArray(value) ? value : [value];
}

/** What the banner and /deprecations/ call each status. */
export const STATUS_LABEL: Record<NoticeStatus, string> = { deprecated: "Deprecated", superseded: "Older endpoint" };

/** Shown where a source gives no date. */
export const NOT_ANNOUNCED = "not announced";

/** Notices declared in docs frontmatter, normalised to a list (a page may declare one or several). */
export function deprecationsOf(data: { deprecated?: Deprecation | Deprecation[] }): Deprecation[] {
  return asList(data.deprecated);
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
