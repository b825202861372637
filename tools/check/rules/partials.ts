/**
 * partials: every <Render file="…"> names a partial that exists and passes only the params the partial declares; a
 * partial uses only declared params; a partial nothing renders is a warning. `affectedPages` answers `--changed`.
 */
import { partialId as idOf, type Project } from "../project.ts";
import { nearest } from "../routes.ts";
import type { FileFacts, Finding } from "../types.ts";

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
  const usedComponents = new Set([...project.pages, ...project.partials].flatMap((f) => f.componentUses.map((c) => c.name)));
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
  const changed = new Set(changedPartials.map((p) => idOf({ path: p })));
  return project.pages.flatMap((page) => {
    const via = (project.partialsOf.get(page.path) ?? []).filter((id) => changed.has(id));
    return via.length ? [{ page: page.path, route: page.route, via: via.map((id) => `partials/${id}.mdx`).sort() }] : [];
  });
}
