/**
 * The `deprecated:` frontmatter of docs pages: its schema (src/content.config.ts extends the docs collection with it),
 * its type, and the helpers the banner, /deprecations/, `npm run check` and the browser tests share.
 */
import { z } from "astro/zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use an ISO date, YYYY-MM-DD");

/**
 * Frontmatter of a deprecated page: since when, where readers should go instead, and (if known) when it stops working.
 * Pages with it get the Deprecated banner under their title and are listed on /deprecations/.
 */
export const deprecatedSchema = z
  .object({
    since: isoDate,
    replacement: z
      .string()
      .regex(/^\/(?:[^\s?#]*\/)?(?:#[\w-]+)?$|^https:\/\/\S+$/, "a site path with slashes on both ends (/start/overview/, an optional #anchor may follow) or an https:// URL"),
    sunset: isoDate.optional(),
    /** What is deprecated, when it is not simply "this page" (e.g. "The /compat/chat/completions endpoint"). */
    what: z.string().optional(),
    /** What kind of thing is deprecated; /deprecations/ groups by it. */
    kind: z.enum(["page", "endpoint", "header"]).default("page"),
  })
  .strict();

/** One deprecation, or several when a page covers several deprecated things (e.g. two old headers). */
export const deprecatedField = z.union([deprecatedSchema, z.array(deprecatedSchema).min(1)]).optional();

/** One deprecation as the docs collection gives it (defaults applied). */
export type Deprecation = z.infer<typeof deprecatedSchema>;

/** A frontmatter value that may be one item or a list of them, as a list. */
export function asList<T>(value: T | T[] | undefined | null): T[] {
  return value == null ? [] : Array.isArray(value) ? value : [value];
}

/** Deprecations declared in docs frontmatter, normalised to a list (a page may declare one or several). */
export function deprecationsOf(data: { deprecated?: Deprecation | Deprecation[] }): Deprecation[] {
  return asList(data.deprecated);
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
