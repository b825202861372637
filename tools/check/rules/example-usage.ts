/**
 * style (cross-file part): a page shows an example that exists, and shows a deprecated example (one that calls the
 * gateway host) only on a deprecated page or inside <Deprecated>.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Project } from "../project.ts";
import { nearest } from "../routes.ts";
import type { Finding } from "../types.ts";

export function checkExampleUsage(project: Project): Finding[] {
  const findings: Finding[] = [];
  const entries = project.manifest?.entries ?? null;
  const exampleIds = new Set(project.examples.map((e) => e.path.replace(/^examples\//, "").replace(/\.(ts|sh)$/, "")));
  for (const f of [...project.pages, ...project.partials]) {
    for (const u of f.examples) {
      const at = { path: f.path, line: u.line, column: u.column, rule: "style" as const };
      const entry = entries?.[u.example];
      const exists =
        entry ||
        exampleIds.has(u.example) ||
        ["ts", "sh"].some((x) => existsSync(join(project.root, "examples", `${u.example}.${x}`)));
      if (!exists) {
        const near = nearest(u.example, entries ? Object.keys(entries) : exampleIds);
        findings.push({
          ...at,
          code: "example-missing",
          severity: "error",
          message: `<${u.component} example="${u.example}"> names no file in examples/${near ? `: did you mean "${near}"?` : ""}`,
          suggestion: near,
        });
        continue;
      }
      if (entry && u.region && Array.isArray(entry.regions) && !entry.regions.includes(u.region)) {
        findings.push({
          ...at,
          code: "example-region",
          severity: "error",
          message: `example "${u.example}" has no region "${u.region}" (regions: ${entry.regions.join(", ") || "none"})`,
        });
      }
      const deprecated = entry
        ? entry.deprecated
        : project.examples.find((e) => e.path.startsWith(`examples/${u.example}.`))?.callsGateway;
      if (deprecated && !u.deprecatedContext) {
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
