/**
 * links: internal links (`[x](/path/#anchor)`, `href` of JSX elements) in pages and partials point at a route of the
 * site and at a heading that exists there (slugs as Astro makes them, with github-slugger). Partials are checked in
 * the partial file itself.
 */
import { DOCS_DIR, pageRoute, type Project } from "../project.ts";
import { RouteSuggester, isExternal, nearest, splitUrl, withSlash } from "../routes.ts";
import { parseRedirects } from "./redirects.ts";
import type { FileFacts, Finding } from "../types.ts";

export function checkLinks(project: Project): Finding[] {
  const findings: Finding[] = [];
  const redirects = new Map(
    project.redirectsText
      ? parseRedirects(project.redirectsText).entries.map((e) => [withSlash(splitUrl(e.from).path), e.to])
      : [],
  );
  const suggester = new RouteSuggester(project.routes.keys());
  const partialId = (p: FileFacts) => p.path.replace(/^partials\//, "").replace(/\.mdx?$/, "");
  // Pages (routes) that render each partial, directly or through other partials.
  const hostsOf = new Map<string, Set<string>>();
  const renderers = [...project.pages, ...project.partials];
  const directHosts = (id: string) => renderers.filter((f) => f.renders.some((r) => r.file === id));
  const routeOf = (f: FileFacts) => pageRoute(f.path.slice(DOCS_DIR.length + 1), f.frontmatter?.slug);
  const hosts = (id: string, seen = new Set<string>()): Set<string> => {
    if (hostsOf.has(id)) return hostsOf.get(id)!;
    const out = new Set<string>();
    seen.add(id);
    for (const f of directHosts(id)) {
      if (f.kind === "page") out.add(routeOf(f));
      else if (!seen.has(partialId(f))) hosts(partialId(f), seen).forEach((r) => out.add(r));
    }
    hostsOf.set(id, out);
    return out;
  };

  for (const f of renderers) {
    const here = f.kind === "page" ? routeOf(f) : null;
    for (const l of f.links) {
      const report = (code: string, severity: Finding["severity"], message: string, suggestion?: string) =>
        findings.push({
          path: f.path,
          line: l.line,
          column: l.column,
          rule: "links",
          code,
          severity,
          message,
          suggestion,
        });
      if (!l.url || isExternal(l.url)) continue;
      let { path, hash } = splitUrl(l.url);
      if (path === "") {
        // Same-page anchor: in a partial, it must exist on every page that renders it (or in the partial).
        if (!hash) continue;
        const candidates = here
          ? [project.anchors.get(here) ?? new Set<string>()]
          : [...hosts(partialId(f))].map((r) => project.anchors.get(r) ?? new Set<string>());
        if (f.kind === "partial" && !candidates.length) candidates.push(new Set(f.anchors));
        const missing = candidates.some((set) => !set.has(hash!) && !f.anchors.includes(hash!));
        if (missing) {
          const near = nearest(hash, candidates[0] ?? []);
          report(
            "anchor",
            "error",
            `no heading with the anchor #${hash} on this page${near ? `: did you mean #${near}?` : ""}`,
            near && `#${near}`,
          );
        }
        continue;
      }
      if (!path.startsWith("/")) {
        if (!here) {
          report(
            "relative",
            "error",
            `relative link "${l.url}" in a partial resolves differently on each page that renders it: use a root-relative link (/group/page/)`,
          );
          continue;
        }
        path = new URL(path, `https://site${here}`).pathname;
      }
      if (withSlash(path) !== path) {
        const fixed = l.url.replace(splitUrl(l.url).path, withSlash(path));
        report("trailing-slash", "error", `link "${l.url}" needs a trailing slash (trailingSlash: "always")`, fixed);
        path = withSlash(path);
      }
      if (!project.routes.has(path)) {
        const redirected = redirects.get(path);
        if (redirected) {
          report(
            "redirected",
            "warning",
            `link "${l.url}" goes through a redirect: link to "${redirected}${hash ? `#${hash}` : ""}"`,
            redirected,
          );
          continue;
        }
        const near = suggester.suggest(path);
        report(
          "missing",
          "error",
          `link "${l.url}" points at no page of the site${near ? `: did you mean "${near}"?` : ""}`,
          near,
        );
        continue;
      }
      if (hash) {
        const anchors = project.anchors.get(path);
        if (anchors && !anchors.has(hash)) {
          const near = nearest(hash, anchors);
          report(
            "anchor",
            "error",
            `${path} has no heading with the anchor #${hash}${near ? `: did you mean #${near}?` : ""}`,
            near && `${path}#${near}`,
          );
        }
      }
    }
  }
  return findings;
}
