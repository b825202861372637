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

/** How many routes, at most, a missing path is compared with: its neighbours in sorted order. */
const WINDOW = 48;

/** The closest of the sorted `options` to `value`, looking only at `value`'s neighbours in sort order. */
function nearestSorted(value: string, sorted: readonly string[]): string | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return nearest(value, sorted.slice(Math.max(0, lo - WINDOW / 2), lo + WINDOW / 2));
}

/**
 * "Did you mean" for paths that are no route, with bounded work whatever the links: a path is compared only with
 * routes of its own folder (when the folder itself is misspelled, of the nearest folder), and there only with the
 * WINDOW routes next to it in sorted order (those sharing the longest prefix with it); each distinct path is looked
 * up once. Comparing every missing link with every route made `npm run check` quadratic on large sites.
 */
export class RouteSuggester {
  private readonly folders = new Map<string, { pages: string[]; all: string[] }>();
  private readonly folderNames: string[];
  private readonly memo = new Map<string, string | undefined>();

  constructor(routes: Iterable<string>) {
    for (const route of routes) {
      const folder = folderOf(route);
      let entry = this.folders.get(folder);
      if (!entry) this.folders.set(folder, (entry = { pages: [], all: [] }));
      entry.all.push(route);
      if (!isFileLike(route)) entry.pages.push(route);
    }
    for (const entry of this.folders.values()) {
      entry.all.sort();
      entry.pages.sort();
    }
    this.folderNames = [...this.folders.keys()].sort();
  }

  /** The closest route to `path` (a page for a page path; a file too for a file path), if one is close enough. */
  suggest(path: string): string | undefined {
    if (this.memo.has(path)) return this.memo.get(path);
    let folder: string | undefined = folderOf(path);
    if (!this.folders.has(folder)) folder = nearestSorted(folder, this.folderNames);
    const entry = folder === undefined ? undefined : this.folders.get(folder);
    const near = entry ? nearestSorted(path, isFileLike(path) ? entry.all : entry.pages) : undefined;
    this.memo.set(path, near);
    return near;
  }
}
