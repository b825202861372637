/**
 * style (cross-file part), code `billing-note`: a page whose first example calls a third-party model says who pays
 * before it. Third-party calls are paid by Unified Billing credit or a stored provider key, and fail with 402
 * otherwise; a reader who copies the first example must have read that first. The note is the partial
 * `billing-first-call`, rendered above the page's first example.
 */
import type { Project } from "../project.ts";
import type { Finding } from "../types.ts";

export const BILLING_PARTIAL = "billing-first-call";

/** Ids a manifest entry lists that are not Workers AI models (`@cf/…`, `@hf/…`, `workers-ai/@cf/…`). */
const thirdParty = (models: readonly string[]) => models.filter((m) => !/^(?:@|workers-ai\/@)/.test(m));

export function checkBillingNote(project: Project): Finding[] {
  const entries = project.manifest?.entries;
  if (!entries) return [];
  const findings: Finding[] = [];
  for (const page of project.pages) {
    const first = [...page.examples].sort((a, b) => a.line - b.line || a.column - b.column)[0];
    if (!first) continue;
    const paid = thirdParty(entries[first.example]?.models ?? []);
    if (paid.length === 0) continue;
    const noted = page.renders.some((r) => r.file === BILLING_PARTIAL && r.line < first.line);
    if (!noted)
      findings.push({
        path: page.path,
        line: first.line,
        column: first.column,
        rule: "style",
        code: "billing-note",
        severity: "error",
        message: `the page's first example, "${first.example}", calls a third-party model (${paid.join(", ")}): render <Render file="${BILLING_PARTIAL}" /> above it, so readers learn who pays (and what 402 means) before they copy it`,
      });
  }
  return findings;
}
