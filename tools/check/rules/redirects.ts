/**
 * redirects: redirects.json parses, has no duplicate sources, self-loops, cycles or chains, points only at routes
 * that exist, never shadows a page, uses trailing slashes; and every docs URL that ever existed (git history) still
 * resolves to a page or a redirect.
 */
import type { History } from "../git.ts";
import { DOCS_DIR, pageRoute, type Project } from "../project.ts";
import { isExternal, isFileLike, nearest, splitUrl, withSlash } from "../routes.ts";
import { LineIndex } from "../text.ts";
import type { Finding } from "../types.ts";

const FILE = "redirects.json";

export type RedirectEntry = {
  from: string;
  to: string;
  line: number;
  column: number;
  toLine: number;
  toColumn: number;
};

/** Parses redirects.json keeping every key (duplicates included) with its place. Returns findings for what is malformed. */
export function parseRedirects(text: string): { entries: RedirectEntry[]; findings: Finding[] } {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const fail = (offset: number, message: string) =>
    findings.push({ path: FILE, ...lines.pos(offset), rule: "redirects", code: "syntax", severity: "error", message });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const offset = m ? Number(m[1]) : lc ? lines.offset(Number(lc[1]), Number(lc[2])) : text.length;
    fail(offset, `redirects.json is not valid JSON: ${msg.replace(/\s*\(line \d+ column \d+\)/, "")}`);
    return { entries: [], findings };
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    fail(0, 'redirects.json must be one object of "/old/": "/new/" pairs');
    return { entries: [], findings };
  }
  const entries: RedirectEntry[] = [];
  // Keys and values with their offsets; a key is a string followed by a colon.
  const re = /"((?:[^"\\]|\\.)*)"\s*:\s*("(?:[^"\\]|\\.)*"|[^,}\s]+)/g;
  for (const m of text.matchAll(re)) {
    const from = JSON.parse(`"${m[1]}"`) as string;
    const valueAt = m.index + m[0].length - m[2].length;
    if (!m[2].startsWith('"')) {
      fail(valueAt, `the target of "${from}" must be a string URL path`);
      continue;
    }
    entries.push({
      from,
      to: JSON.parse(m[2]) as string,
      ...lines.pos(m.index),
      toLine: lines.pos(valueAt).line,
      toColumn: lines.pos(valueAt).column,
    });
  }
  return { entries, findings };
}

export function checkRedirects(project: Project, history: History | null): Finding[] {
  const findings: Finding[] = [];
  const add = (line: number, column: number, code: string, message: string, suggestion?: string, path = FILE) =>
    findings.push({ path, line, column, rule: "redirects", code, severity: "error", message, suggestion });

  const { entries, findings: syntax } =
    project.redirectsText == null ? { entries: [], findings: [] } : parseRedirects(project.redirectsText);
  findings.push(...syntax);

  const bySource = new Map<string, RedirectEntry>();
  for (const e of entries) {
    for (const [url, line, column, what] of [
      [e.from, e.line, e.column, "source"],
      [e.to, e.toLine, e.toColumn, "target"],
    ] as const) {
      if (isExternal(url)) continue;
      const { path } = splitUrl(url);
      if (!path.startsWith("/"))
        add(
          line,
          column,
          "format",
          `redirect ${what} "${url}" must be a root-relative path starting with "/"`,
          `/${url}`,
        );
      else if (withSlash(path) !== path)
        add(
          line,
          column,
          "trailing-slash",
          `redirect ${what} "${url}" needs a trailing slash (the site uses trailingSlash: "always")`,
          url.replace(path, withSlash(path)),
        );
    }
    const from = withSlash(splitUrl(e.from).path);
    const first = bySource.get(from);
    if (first)
      add(e.line, e.column, "duplicate", `duplicate redirect source "${e.from}" (first defined on line ${first.line})`);
    else bySource.set(from, e);
  }

  const target = (e: RedirectEntry) => (isExternal(e.to) ? null : withSlash(splitUrl(e.to).path));
  for (const [from, e] of bySource) {
    if (project.routes.has(from) && !project.routes.get(from)!.startsWith("generated")) {
      add(
        e.line,
        e.column,
        "shadows-page",
        `redirect source "${e.from}" is an existing page (${project.routes.get(from)}): remove the redirect or the page`,
      );
    } else if (project.routes.has(from)) {
      add(
        e.line,
        e.column,
        "shadows-page",
        `redirect source "${e.from}" is a generated route (${project.routes.get(from)})`,
      );
    }
    const to = target(e);
    if (to == null) continue;
    if (to === from) {
      add(e.line, e.column, "self-loop", `redirect "${e.from}" points at itself`);
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
        if (path.includes(next)) {
          path.push(next);
          break;
        }
        path.push(next);
        cur = next;
      }
      const last = path[path.length - 1];
      if (path.indexOf(last) < path.length - 1) {
        add(e.line, e.column, "cycle", `redirect cycle: ${path.join(" → ")}`);
      } else {
        add(
          e.line,
          e.column,
          "chain",
          `redirect chain ${path.join(" → ")}: point "${e.from}" straight at "${last}"`,
          last,
        );
      }
      continue;
    }
    if (!project.routes.has(to)) {
      const near = nearest(to, project.routes.keys());
      add(
        e.toLine,
        e.toColumn,
        "missing-target",
        `redirect target "${e.to}" is not a page of the site${near ? `: did you mean "${near}"?` : ""}`,
        near,
      );
    }
  }

  // Coverage: every docs URL that ever existed resolves.
  if (history && !history.ok) add(1, 1, "history", history.error);
  if (history?.ok) {
    const ever = new Map<string, string>(); // route → file that once made it
    for (const ev of history.events) {
      for (const p of [ev.path, ev.to]) {
        if (
          p &&
          /\.mdx?$/.test(p) &&
          p.startsWith(`${DOCS_DIR}/`) &&
          !ever.has(pageRoute(p.slice(DOCS_DIR.length + 1)))
        ) {
          ever.set(pageRoute(p.slice(DOCS_DIR.length + 1)), p);
        }
      }
    }
    for (const [route, file] of ever) {
      if (project.routes.has(route) || bySource.has(route)) continue;
      const removal = history.events.find((ev) => (ev.status === "D" || ev.status === "R") && ev.path === file);
      const renamedTo =
        removal?.status === "R" && removal.to ? pageRoute(removal.to.slice(DOCS_DIR.length + 1)) : undefined;
      const to =
        renamedTo && project.routes.has(renamedTo)
          ? renamedTo
          : nearest(
              route,
              [...project.routes.keys()].filter((r) => !isFileLike(r)),
            );
      const when = removal
        ? `${removal.status === "R" ? "renamed" : "removed"} in commit ${removal.commit.slice(0, 10)} (${removal.date}, "${removal.subject}")`
        : "deleted in the working tree (not committed yet)";
      add(
        1,
        1,
        "removed-page",
        `the page ${route} (${file}) was ${when} and has no redirect: add "${route}": "${to ?? "/…/"}" to redirects.json`,
        to,
        file,
      );
    }
  }
  return findings;
}
