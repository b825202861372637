/**
 * The one redirects module. redirects.json is the one list of moved pages, `{ "/old/": "/new/" }`; this module parses
 * it with each entry's place, validates it with one set of rules and messages, and compiles it to Cloudflare's
 * `_redirects` format. Its users:
 *  - astro.config.mjs, at load time: `loadRedirects()` (a bad file stops dev and build before anything renders), and
 *    Astro serves the entries in dev/preview;
 *  - the build (src/lib/edge-build.ts): `writeRedirects()` checks targets and sources against the built pages and
 *    writes dist/_redirects;
 *  - `npm run check` (tools/check/rules/redirects.ts): the same problems as findings against the site's routes, plus
 *    coverage of every page URL that ever existed.
 *
 *   node tools/redirects.ts [redirects.json] [dist]     writes <dist>/_redirects
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isExternal, nearest, splitUrl, withSlash } from "./check/routes.ts";
import { LineIndex } from "./check/text.ts";

export class RedirectsError extends Error {}

/** Cloudflare's limit for static redirects in one _redirects file. */
export const MAX_STATIC_REDIRECTS = 2000;

/** One `"from": "to"` pair with the places of its key and value (1-based). */
export type RedirectEntry = { from: string; to: string; line: number; column: number; toLine: number; toColumn: number };

/** One problem of redirects.json at one place; `code` is the check's `redirects/<code>`. */
export type RedirectProblem = { line: number; column: number; code: string; message: string; suggestion?: string };

/** A site path to redirect from: slashes on both ends, no query, hash, spaces or wildcards. */
const SOURCE = /^\/(?:[A-Za-z0-9._~%!$&'()+,;=@-]+\/)*$/;
/** A site path to redirect to: slashes on both ends, an optional #anchor. */
const TARGET = /^\/(?:[^\s?#]*\/)?(?:#[A-Za-z0-9_-]+)?$/;

/** Parses redirects.json keeping every key (duplicates included) with its place; malformed JSON is a problem. */
export function parseRedirects(text: string): { entries: RedirectEntry[]; problems: RedirectProblem[] } {
  const lines = new LineIndex(text);
  const problems: RedirectProblem[] = [];
  const fail = (offset: number, message: string) => problems.push({ ...lines.pos(offset), code: "syntax", message });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const offset = m ? Number(m[1]) : lc ? lines.offset(Number(lc[1]), Number(lc[2])) : text.length;
    fail(offset, `redirects.json is not valid JSON: ${msg.replace(/\s*\(line \d+ column \d+\)/, "")}`);
    return { entries: [], problems };
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    fail(0, 'redirects.json must be one object of "/old/": "/new/" pairs, e.g. {"/start/introduction/": "/start/overview/"}');
    return { entries: [], problems };
  }
  const entries: RedirectEntry[] = [];
  // Keys and values with their offsets; a key is a string followed by a colon.
  const re = /"((?:[^"\\]|\\.)*)"\s*:\s*("(?:[^"\\]|\\.)*"|[^,}\s]+)/g;
  for (const m of text.matchAll(re)) {
    const from = JSON.parse(`"${m[1]}"`) as string;
    const valueAt = m.index + m[0].length - m[2].length;
    if (!m[2].startsWith('"')) {
      fail(valueAt, `the target of "${from}" must be a string path like "/start/overview/", got ${m[2]}`);
      continue;
    }
    const to = lines.pos(valueAt);
    entries.push({ from, to: JSON.parse(m[2]) as string, ...lines.pos(m.index), toLine: to.line, toColumn: to.column });
  }
  return { entries, problems };
}

/**
 * Every problem of the entries: malformed paths, missing trailing slashes, duplicates, self-loops, chains, cycles and
 * too many lines for the edge host; with `routes` (route → what makes it), also targets that are not a route and
 * sources that are still a page.
 */
export function validateRedirects(entries: RedirectEntry[], routes?: ReadonlyMap<string, string>): RedirectProblem[] {
  const problems: RedirectProblem[] = [];
  const at = (e: RedirectEntry, end: "from" | "to") =>
    end === "from" ? { line: e.line, column: e.column } : { line: e.toLine, column: e.toColumn };

  const bySource = new Map<string, RedirectEntry>();
  for (const e of entries) {
    if (!SOURCE.test(e.from)) {
      const fixed = withSlash(e.from);
      if (e.from.startsWith("/") && SOURCE.test(fixed))
        problems.push({ ...at(e, "from"), code: "trailing-slash", message: `redirect source "${e.from}" needs a trailing slash (the site uses trailingSlash: "always")`, suggestion: fixed });
      else
        problems.push({ ...at(e, "from"), code: "format", message: `redirect source "${e.from}" must be a site path that starts and ends with "/" (no query, hash, spaces or wildcards), e.g. "/start/introduction/"` });
    }
    if (!isExternal(e.to) && !TARGET.test(e.to)) {
      const { path } = splitUrl(e.to);
      const fixed = e.to.replace(path, withSlash(path));
      if (e.to.startsWith("/") && TARGET.test(fixed))
        problems.push({ ...at(e, "to"), code: "trailing-slash", message: `redirect target "${e.to}" needs a trailing slash (the site uses trailingSlash: "always")`, suggestion: fixed });
      else
        problems.push({ ...at(e, "to"), code: "format", message: `redirect target "${e.to}" must be a site path that starts and ends with "/" (an optional #anchor may follow) or an https:// URL` });
    } else if (isExternal(e.to) && !/^https:\/\/\S+$/.test(e.to)) {
      problems.push({ ...at(e, "to"), code: "format", message: `redirect target "${e.to}" must be a site path or an https:// URL` });
    }
    const from = withSlash(splitUrl(e.from).path);
    const first = bySource.get(from);
    if (first) problems.push({ ...at(e, "from"), code: "duplicate", message: `duplicate redirect source "${e.from}" (first defined on line ${first.line})` });
    else bySource.set(from, e);
  }

  const target = (e: RedirectEntry) => (isExternal(e.to) ? null : withSlash(splitUrl(e.to).path));
  for (const [from, e] of bySource) {
    const made = routes?.get(from);
    if (made !== undefined)
      problems.push({ ...at(e, "from"), code: "shadows-page", message: `redirect source "${e.from}" is still a page (${made}): delete the page or the redirect` });
    const to = target(e);
    if (to == null) continue;
    if (to === from) {
      problems.push({ ...at(e, "from"), code: "self-loop", message: `redirect "${e.from}" points at itself` });
      continue;
    }
    if (bySource.has(to)) {
      // Follow the chain to its end, or to a cycle.
      const path = [from, to];
      let cur = to;
      while (bySource.has(cur)) {
        const next = target(bySource.get(cur)!);
        if (next == null) {
          path.push(bySource.get(cur)!.to);
          break;
        }
        path.push(next);
        if (path.indexOf(next) < path.length - 1) break;
        cur = next;
      }
      const last = path[path.length - 1];
      if (path.indexOf(last) < path.length - 1) problems.push({ ...at(e, "from"), code: "cycle", message: `redirect cycle: ${path.join(" → ")}` });
      else
        problems.push({ ...at(e, "from"), code: "chain", message: `redirect chain ${path.join(" → ")}: point "${e.from}" straight at "${last}"`, suggestion: last });
      continue;
    }
    if (routes && !routes.has(to)) {
      const near = nearest(to, routes.keys());
      problems.push({
        ...at(e, "to"),
        code: "missing-target",
        message: `redirect target "${e.to}" is not a page of the site${near ? `: did you mean "${near}"?` : ""}`,
        suggestion: near,
      });
    }
  }
  if (bySource.size * 2 > MAX_STATIC_REDIRECTS) {
    problems.push({ line: 1, column: 1, code: "too-many", message: `${bySource.size} redirects make ${bySource.size * 2} lines, more than Cloudflare's ${MAX_STATIC_REDIRECTS} static redirects` });
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The text of a Cloudflare `_redirects` file: for each entry a 301 for `/old/` and for `/old`. */
export function compileRedirects(entries: RedirectEntry[]): string {
  const lines = ["# Generated from redirects.json by tools/redirects.ts; edit redirects.json instead."];
  for (const { from, to } of [...entries].sort((a, b) => a.from.localeCompare(b.from))) {
    lines.push(`${from} ${to} 301`);
    if (from !== "/") lines.push(`${from.slice(0, -1)} ${to} 301`);
  }
  return lines.join("\n") + "\n";
}

/** Throws one RedirectsError listing every problem as `file:line:col  message`. */
function throwProblems(label: string, problems: RedirectProblem[]): void {
  if (problems.length)
    throw new RedirectsError(`Invalid redirects:\n  ${problems.map((p) => `${label}:${p.line}:${p.column}  ${p.message}`).join("\n  ")}`);
}

/** Reads, parses and validates redirects.json (without routes); throws a RedirectsError naming each place. */
export function loadRedirects(path: string, label = "redirects.json"): RedirectEntry[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new RedirectsError(`${label}: cannot read (${(e as Error).message})`);
  }
  const { entries, problems } = parseRedirects(text);
  throwProblems(label, [...problems, ...validateRedirects(entries)]);
  return entries;
}

/** The entries as Astro's `redirects` option takes them (dev and preview answer them with a meta refresh page). */
export function astroRedirects(entries: RedirectEntry[]): Record<string, string> {
  return Object.fromEntries(entries.map((e) => [e.from, e.to]));
}

/** The pages of a built site, route → `built <file>`; Astro's own redirect stubs (meta refresh) are not pages. */
function builtPages(dist: string): Map<string, string> {
  const pages = new Map<string, string>();
  if (!existsSync(dist)) return pages;
  for (const name of readdirSync(dist, { recursive: true, encoding: "utf8" })) {
    const file = name.split("\\").join("/");
    if (file !== "index.html" && !file.endsWith("/index.html")) continue;
    if (/<meta http-equiv="refresh"/i.test(readFileSync(join(dist, file), "utf8").slice(0, 600))) continue;
    pages.set(`/${file.replace(/index\.html$/, "")}`, `built ${file}`);
  }
  return pages;
}

/**
 * Writes `<dist>/_redirects`, after checking every entry against the built pages: a target must be a built page and a
 * source must no longer be one (the edge host would answer the redirect and hide the page).
 */
export function writeRedirects(jsonPath: string, dist: string, label = "redirects.json"): { count: number; file: string } {
  const entries = loadRedirects(jsonPath, label);
  throwProblems(label, validateRedirects(entries, builtPages(dist)));
  const out = join(dist, "_redirects");
  writeFileSync(out, compileRedirects(entries));
  return { count: entries.length, file: out };
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
