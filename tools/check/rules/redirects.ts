/**
 * redirects: redirects.json passes the redirects module's rules (tools/redirects.ts, the same rules the config and the
 * build apply) against the site's routes; and every docs URL that ever existed (git history) still resolves to a page
 * or a redirect.
 */
import type { History } from "../git.ts";
import { DOCS_DIR, pageRoute, type Project } from "../project.ts";
import { isFileLike, nearest, splitUrl, withSlash } from "../routes.ts";
import { parseRedirects, validateRedirects } from "../../redirects.ts";
import type { Finding } from "../types.ts";

const FILE = "redirects.json";

export function checkRedirects(project: Project, history: History | null): Finding[] {
  const findings: Finding[] = [];
  const add = (line: number, column: number, code: string, message: string, suggestion?: string, path = FILE) =>
    findings.push({ path, line, column, rule: "redirects", code, severity: "error", message, suggestion });

  const { entries, problems } = project.redirectsText == null ? { entries: [], problems: [] } : parseRedirects(project.redirectsText);
  for (const p of [...problems, ...validateRedirects(entries, project.routes)]) add(p.line, p.column, p.code, p.message, p.suggestion);
  const sources = new Set(entries.map((e) => withSlash(splitUrl(e.from).path)));

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
      if (project.routes.has(route) || sources.has(route)) continue;
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
