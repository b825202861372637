/**
 * redirects.json → dist/_redirects (Cloudflare's format: `source destination status`, one per line).
 * redirects.json is the one list of moved pages: `{ "/old/": "/new/" }`. Each entry becomes two 301 lines, one for the
 * canonical form with a trailing slash and one without it, so both old URLs a reader may hold answer a real 301.
 *
 *   node tools/redirects.ts [redirects.json] [dist]     (the build runs it too, from astro.config.mjs)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export class RedirectsError extends Error {}

/** Cloudflare's limit for static redirects in one _redirects file. */
export const MAX_STATIC_REDIRECTS = 2000;

const PATH = /^\/(?:[A-Za-z0-9._~%!$&'()+,;=@-]+\/)*$/;

/** Validates a parsed redirects.json; throws a RedirectsError listing every problem (with the file name). */
export function validateRedirects(raw: unknown, file = "redirects.json"): Map<string, string> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new RedirectsError(`${file}: expected an object mapping old paths to new ones, e.g. {"/start/introduction/": "/start/overview/"}`);
  }
  const problems: string[] = [];
  const map = new Map<string, string>();
  for (const [source, target] of Object.entries(raw)) {
    const at = `${file}: "${source}"`;
    if (typeof target !== "string") {
      problems.push(`${at}: the target must be a string path like "/start/overview/", got ${JSON.stringify(target)}`);
      continue;
    }
    if (!PATH.test(source)) {
      problems.push(`${at}: the source must be a site path that starts and ends with "/" (no query, hash, spaces or wildcards), e.g. "/start/introduction/"`);
    }
    const external = /^https:\/\/[^\s]+$/.test(target);
    if (!external && !/^\/(?:[^\s?#]*\/)?(?:#[A-Za-z0-9_-]+)?$/.test(target)) {
      problems.push(`${at}: the target "${target}" must be a site path that starts and ends with "/" (an optional #anchor may follow) or an https:// URL`);
    }
    if (source === target) problems.push(`${at}: redirects to itself`);
    map.set(source, target);
  }
  for (const [source, target] of map) {
    const next = map.get(target.replace(/#.*$/, ""));
    if (next !== undefined) {
      problems.push(`${file}: "${source}": its target "${target}" is itself redirected to "${next}"; point "${source}" straight at the final page`);
    }
  }
  if (map.size * 2 > MAX_STATIC_REDIRECTS) {
    problems.push(`${file}: ${map.size} redirects make ${map.size * 2} lines, more than Cloudflare's ${MAX_STATIC_REDIRECTS} static redirects`);
  }
  if (problems.length) throw new RedirectsError(`Invalid redirects:\n  ${problems.join("\n  ")}`);
  return map;
}

/** The text of a Cloudflare `_redirects` file: for each entry a 301 for `/old/` and for `/old`. */
export function compileRedirects(raw: unknown, file = "redirects.json"): string {
  const map = validateRedirects(raw, file);
  const lines = ["# Generated from redirects.json by tools/redirects.ts; edit redirects.json instead."];
  for (const [source, target] of [...map].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${source} ${target} 301`);
    if (source !== "/") lines.push(`${source.slice(0, -1)} ${target} 301`);
  }
  return lines.join("\n") + "\n";
}

/** Reads redirects.json (parse errors name the file). */
export function readRedirects(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new RedirectsError(`${path}: cannot read (${(e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RedirectsError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

/**
 * Writes `<dist>/_redirects`. With `pageExists`, also checks that every site-path target was built, so a redirect
 * never points at a 404.
 */
export function writeRedirects(jsonPath: string, dist: string, label = "redirects.json"): { count: number; file: string } {
  const raw = readRedirects(jsonPath);
  const text = compileRedirects(raw, label);
  const missing = [...validateRedirects(raw, label)]
    .filter(([, target]) => target.startsWith("/"))
    .filter(([, target]) => !existsSync(join(dist, target.replace(/#.*$/, ""), "index.html")))
    .map(([source, target]) => `${label}: "${source}": the target "${target}" is not a page of the built site`);
  // A source that is still a real page would be shadowed by the redirect on the edge host (Astro's own redirect stubs
  // are fine: they are the dev/preview form of the same redirect).
  for (const [source] of validateRedirects(raw, label)) {
    const page = join(dist, source, "index.html");
    if (existsSync(page) && !/<meta http-equiv="refresh"/i.test(readFileSync(page, "utf8").slice(0, 600))) {
      missing.push(`${label}: "${source}": a page still exists at this path; delete the page or the redirect`);
    }
  }
  if (missing.length) throw new RedirectsError(`Invalid redirects:\n  ${missing.join("\n  ")}`);
  const out = join(dist, "_redirects");
  writeFileSync(out, text);
  return { count: Object.keys(raw as object).length, file: out };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [jsonPath = "redirects.json", dist = "dist"] = process.argv.slice(2);
  try {
    const { count, file } = writeRedirects(jsonPath, dist, jsonPath);
    console.log(`${file}: ${count} redirect(s), ${count * 2} lines`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
