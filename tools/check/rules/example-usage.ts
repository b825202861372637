/**
 * style (cross-file part): a page shows an example that exists, and shows a deprecated example (one that calls the
 * gateway host) only on a deprecated page or inside <Deprecated>.
 */
import type { Project } from "../project.ts";
import { nearest } from "../routes.ts";
import type { Finding } from "../types.ts";

export function checkExampleUsage(project: Project): Finding[] {
  const findings: Finding[] = [];
  const index = project.exampleIndex;
  for (const f of [...project.pages, ...project.partials]) {
    for (const u of f.examples) {
      const at = { path: f.path, line: u.line, column: u.column, rule: "style" as const };
      const entry = index.get(u.example);
      if (!entry) {
        const near = nearest(u.example, index.keys());
        findings.push({
          ...at,
          code: "example-missing",
          severity: "error",
          message: `<${u.component} example="${u.example}"> names no file in examples/${near ? `: did you mean "${near}"?` : ""}`,
          suggestion: near,
        });
        continue;
      }
      if (u.region && !entry.regions.includes(u.region)) {
        findings.push({
          ...at,
          code: "example-region",
          severity: "error",
          message: `example "${u.example}" has no region "${u.region}" (regions: ${entry.regions.join(", ") || "none"})`,
        });
      }
      if (entry.deprecated && !u.deprecatedContext) {
        findings.push({
          ...at,
          code: "deprecated-endpoint",
          severity: "error",
          message: `example "${u.example}" calls a deprecated endpoint: show it only on a page marked \`deprecated:\` or inside <Deprecated>`,
        });
      }
    }
  }
  return findings;
}
