/** URL helpers shared by the redirects and links rules. */
import { closest, distance } from "fastest-levenshtein";

export const isExternal = (u: string) => /^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith("//");

/** A path that names a file (`/llms.txt`, `/favicon.svg`) rather than a page: those take no trailing slash. */
export const isFileLike = (path: string) => /\.[a-z0-9]+$/i.test(path);

/** With trailingSlash "always", every page URL ends in `/`. */
export function withSlash(path: string): string {
  return isFileLike(path) || path.endsWith("/") ? path : `${path}/`;
}

export function splitUrl(u: string): { path: string; hash: string | null } {
  const h = u.indexOf("#");
  const path = (h >= 0 ? u.slice(0, h) : u).replace(/\?.*$/, "");
  return { path, hash: h >= 0 ? decodeURIComponent(u.slice(h + 1)) : null };
}

export function nearest(value: string, options: Iterable<string>): string | undefined {
  const list = [...options];
  if (!list.length) return undefined;
  const near = closest(value, list);
  return distance(value, near) <= Math.max(3, Math.floor(value.length / 3)) ? near : undefined;
}

/** The folder of a site path: `/reference/run/` → `/reference/`, `/llms.txt` → `/`. */
const folderOf = (path: string) => path.replace(/[^/]+\/?$/, "") || "/";

/**
 * "Did you mean" for paths that are no route, with bounded work whatever the links: a path is compared with the routes
 * in its own folder only (when the folder itself is misspelled, with those of the nearest folder), and each distinct
 * path is looked up once. Comparing every missing link with every route made `npm run check` quadratic on large sites.
 */
export class RouteSuggester {
  private readonly folders = new Map<string, { pages: string[]; all: string[] }>();
  private readonly memo = new Map<string, string | undefined>();

  constructor(routes: Iterable<string>) {
    for (const route of routes) {
      const folder = folderOf(route);
      let entry = this.folders.get(folder);
      if (!entry) this.folders.set(folder, (entry = { pages: [], all: [] }));
      entry.all.push(route);
      if (!isFileLike(route)) entry.pages.push(route);
    }
  }

  /** The closest route to `path` (a page for a page path; a file too for a file path), if one is close enough. */
  suggest(path: string): string | undefined {
    if (this.memo.has(path)) return this.memo.get(path);
    let folder: string | undefined = folderOf(path);
    if (!this.folders.has(folder)) folder = nearest(folder, this.folders.keys());
    const entry = folder === undefined ? undefined : this.folders.get(folder);
    const near = entry ? nearest(path, isFileLike(path) ? entry.all : entry.pages) : undefined;
    this.memo.set(path, near);
    return near;
  }
}
