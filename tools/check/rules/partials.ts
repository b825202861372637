/**
 * partials: every <Render file="…"> names a partial that exists and passes only the params the partial declares; a
 * partial uses only declared params; a partial nothing renders is a warning. `affectedPages` answers `--changed`.
 */
import { DOCS_DIR, pageRoute, type Project } from "../project.ts";
import { nearest } from "../routes.ts";
import type { FileFacts, Finding } from "../types.ts";

const idOf = (p: FileFacts) => p.path.replace(/^partials\//, "").replace(/\.mdx?$/, "");

export function checkPartials(project: Project): Finding[] {
  const findings: Finding[] = [];
  const byId = new Map(project.partials.map((p) => [idOf(p), p]));
  const used = new Set<string>();
  for (const f of [...project.pages, ...project.partials]) {
    for (const r of f.renders) {
      const part = byId.get(r.file);
      if (!part) {
        const near = nearest(r.file, byId.keys());
        findings.push({
          path: f.path,
          line: r.line,
          column: r.column,
          rule: "partials",
          code: "missing",
          severity: "error",
          message: `<Render file="${r.file}"> names no partial (partials/${r.file}.mdx)${near ? `: did you mean "${near}"?` : ""}`,
          suggestion: near,
        });
        continue;
      }
      if (part !== f) used.add(r.file);
      const declared = declaredParams(part);
      for (const p of r.params ?? []) {
        if (!declared.includes(p)) {
          findings.push({
            path: f.path,
            line: r.line,
            column: r.column,
            rule: "partials",
            code: "undeclared-param",
            severity: "error",
            message: `<Render file="${r.file}"> passes "${p}", which partials/${r.file} does not declare (params: ${declared.join(", ") || "none"})`,
          });
        }
      }
    }
  }
  // Partials rendered by a component count as used when the component is used somewhere.
  const usedComponents = new Set([...project.pages, ...project.partials].flatMap((f) => f.components));
  for (const [component, calls] of project.componentRenders) {
    for (const c of calls) {
      if (!byId.has(c.file)) {
        const near = nearest(c.file, byId.keys());
        findings.push({
          path: c.path,
          line: c.line,
          column: c.column,
          rule: "partials",
          code: "missing",
          severity: "error",
          message: `<Render file="${c.file}"> names no partial (partials/${c.file}.mdx)${near ? `: did you mean "${near}"?` : ""}`,
          suggestion: near,
        });
      } else if (usedComponents.has(component)) used.add(c.file);
    }
  }
  for (const p of project.partials) {
    const declared = declaredParams(p);
    for (const u of p.propsUsed) {
      if (!declared.includes(u.name)) {
        findings.push({
          path: p.path,
          line: u.line,
          column: u.column,
          rule: "partials",
          code: "undeclared-param",
          severity: "error",
          message: `the partial uses props.${u.name} but its frontmatter \`params\` does not declare it`,
        });
      }
    }
    if (!used.has(idOf(p))) {
      findings.push({
        path: p.path,
        line: 1,
        column: 1,
        rule: "partials",
        code: "unused",
        severity: "warning",
        message: `no page or partial renders this partial (<Render file="${idOf(p)}" />): use it or delete it`,
      });
    }
  }
  return findings;
}

function declaredParams(p: FileFacts): string[] {
  const params = p.frontmatter?.params;
  return Array.isArray(params) ? params.map(String) : [];
}

/** Pages that render any of `changedPartials` (paths under partials/), directly or through other partials. */
export function affectedPages(
  project: Project,
  changedPartials: string[],
): { page: string; route: string; via: string[] }[] {
  const changed = new Set(changedPartials.map((p) => p.replace(/^partials\//, "").replace(/\.mdx?$/, "")));
  const out: { page: string; route: string; via: string[] }[] = [];
  const byId = new Map(project.partials.map((p) => [idOf(p), p]));
  for (const page of project.pages) {
    const via = new Set<string>();
    const seen = new Set<string>();
    const walk = (f: FileFacts) => {
      const viaComponents = f.components.flatMap((c) => project.componentRenders.get(c) ?? []);
      for (const r of [...f.renders, ...viaComponents]) {
        if (changed.has(r.file)) via.add(`partials/${r.file}.mdx`);
        const part = byId.get(r.file);
        if (part && !seen.has(r.file)) {
          seen.add(r.file);
          walk(part);
        }
      }
    };
    walk(page);
    if (via.size)
      out.push({
        page: page.path,
        route: pageRoute(page.path.slice(DOCS_DIR.length + 1), page.frontmatter?.slug),
        via: [...via].sort(),
      });
  }
  return out;
}
