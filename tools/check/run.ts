/** Runs the rules over a root and returns sorted findings; cli.ts prints them. */
import { pageHistory, type History } from "./git.ts";
import { loadProject, type Project } from "./project.ts";
import { checkModelIds } from "./rules/model-ids.ts";
import { checkRedirects } from "./rules/redirects.ts";
import { checkLinks } from "./rules/links.ts";
import { checkPartials } from "./rules/partials.ts";
import { checkExampleUsage } from "./rules/example-usage.ts";
import { checkBillingNote } from "./rules/billing-note.ts";
import { RULES, type Finding, type RuleName } from "./types.ts";

export type CheckOptions = {
  root: string;
  rules?: RuleName[];
  /** Skip the git history (coverage of removed pages); reported as a warning, never silently. */
  noGit?: boolean;
  dist?: string;
  parallel?: boolean;
  /** Reuse facts of unchanged files from `<root>/.cache/check/` (default on in the CLI). */
  cache?: boolean;
};

export type Report = {
  /** The rules that ran, in order. */
  rules: RuleName[];
  findings: Finding[];
  errors: number;
  warnings: number;
  files: number;
  ms: number;
  project: Project;
};

export async function runCheck(opts: CheckOptions): Promise<Report> {
  const t0 = performance.now();
  const rules = new Set<RuleName>(opts.rules?.length ? opts.rules : RULES);
  const project = await loadProject(opts.root, { dist: opts.dist, parallel: opts.parallel, cache: opts.cache });
  const findings: Finding[] = [];
  if (rules.has("style")) {
    for (const f of [...project.pages, ...project.partials, ...project.examples]) {
      // A partial rendered only inside deprecation contexts may name deprecated endpoints.
      const dep = project.deprecatedPartials.has(f.path);
      findings.push(...f.findings.filter((x) => x.rule === "style" && !(dep && x.code === "deprecated-endpoint")));
    }
    findings.push(...checkExampleUsage(project), ...checkBillingNote(project));
  } else {
    // Parse errors always count: a file we cannot read is a file no rule has checked.
    for (const f of [...project.pages, ...project.partials])
      findings.push(...f.findings.filter((x) => x.code === "parse"));
  }
  if (rules.has("model-ids")) findings.push(...checkModelIds(project));
  if (rules.has("redirects")) {
    let history: History | null = null;
    if (opts.noGit) {
      findings.push({
        path: "redirects.json",
        line: 1,
        column: 1,
        rule: "redirects",
        code: "history",
        severity: "warning",
        message: "--no-git: removed pages were NOT checked for redirects",
      });
    } else history = pageHistory(opts.root);
    findings.push(...checkRedirects(project, history));
  }
  if (rules.has("links")) findings.push(...checkLinks(project));
  if (rules.has("partials")) findings.push(...checkPartials(project));
  if (project.manifestError) {
    findings.push({
      path: "examples/manifest.json",
      line: 1,
      column: 1,
      rule: "model-ids",
      code: "manifest",
      severity: "error",
      message: `examples/manifest.json is not valid JSON: ${project.manifestError}`,
    });
  }

  // `check-ignore RULE` comments, then one finding per place and problem; sorted by file and position.
  const ignores = new Map([...project.pages, ...project.partials, ...project.examples].map((f) => [f.path, f.ignores]));
  const ignored = (f: Finding) =>
    (ignores.get(f.path) ?? []).some(
      (i) =>
        (i.line === f.line || i.line === f.line - 1) &&
        (i.rules.includes(f.rule) || i.rules.includes(`${f.rule}/${f.code}`)),
    );
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    if (ignored(f)) return false;
    const k = `${f.path}:${f.line}:${f.column}:${f.rule}/${f.code}:${f.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  unique.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  return {
    rules: RULES.filter((r) => rules.has(r)),
    findings: unique,
    errors: unique.filter((f) => f.severity === "error").length,
    warnings: unique.filter((f) => f.severity === "warning").length,
    files: project.fileCount,
    ms: performance.now() - t0,
    project,
  };
}

export function formatFinding(f: Finding): string {
  const sev = f.severity === "warning" ? " (warning)" : "";
  const hint = f.suggestion && !f.message.includes(f.suggestion) ? ` [suggestion: ${f.suggestion}]` : "";
  return `${f.path}:${f.line}:${f.column}  ${f.rule}/${f.code}  ${f.message}${hint}${sev}`;
}
