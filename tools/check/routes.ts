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
