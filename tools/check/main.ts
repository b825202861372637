/**
 * The CLI proper (cli.ts loads it after turning on Node's compile cache).
 * npm run check [-- --json] [--rule NAME]... [--root DIR] [--changed] [--base main] [--dist DIR] [--no-git] [--no-cache]
 * One line per finding: `path:line:col  rule/code  message`; exit 1 on any error.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { changedSince } from "./git.ts";
import { affectedPages } from "./rules/partials.ts";
import { formatFinding, runCheck } from "./run.ts";
import { RULES, type RuleName } from "./types.ts";

const USAGE = `usage: npm run check -- [--json] [--rule ${RULES.join("|")}]... [--root DIR] [--changed] [--base main] [--dist DIR] [--no-git] [--no-cache]`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        json: { type: "boolean", default: false },
        rule: { type: "string", multiple: true },
        root: { type: "string" },
        changed: { type: "boolean", default: false },
        base: { type: "string", default: "main" },
        dist: { type: "string" },
        "no-git": { type: "boolean", default: false },
        "no-cache": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    console.error(`check: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const root = resolve(values.root ?? process.cwd());
  const rules = (values.rule ?? []).flatMap((r) => r.split(","));
  const bad = rules.filter((r) => !(RULES as readonly string[]).includes(r));
  if (bad.length) {
    console.error(`check: unknown rule ${bad.join(", ")}\n${USAGE}`);
    return 2;
  }

  if (values.changed) {
    const report = await runCheck({ root, rules: ["partials"], noGit: true, cache: !values["no-cache"] });
    let changed: string[];
    try {
      changed = changedSince(root, values.base!, "partials");
    } catch (e) {
      console.error(
        `check --changed: cannot diff against ${values.base}: ${String((e as { stderr?: string }).stderr || (e as Error).message).trim()}`,
      );
      return 2;
    }
    const pages = affectedPages(report.project, changed);
    if (values.json) console.log(JSON.stringify({ base: values.base, changedPartials: changed, pages }, null, 2));
    else {
      console.log(`partials changed since ${values.base}: ${changed.length ? changed.join(", ") : "none"}`);
      for (const p of pages) console.log(`${p.page}  ${p.route}  (via ${p.via.join(", ")})`);
      console.log(`check --changed: ${pages.length} page${pages.length === 1 ? "" : "s"} affected`);
    }
    return 0;
  }

  const report = await runCheck({
    root,
    rules: rules as RuleName[],
    noGit: values["no-git"],
    dist: values.dist ? resolve(values.dist) : undefined,
    cache: !values["no-cache"],
  });
  const summary = `check: ${report.errors} error${report.errors === 1 ? "" : "s"}, ${report.warnings} warning${report.warnings === 1 ? "" : "s"} in ${report.files} files (${(report.ms / 1000).toFixed(1)} s)`;
  if (values.json) {
    const cpu = process.cpuUsage(); // all threads of the process: user + system
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    console.log(
      JSON.stringify(
        {
          rules: report.rules,
          errors: report.errors,
          warnings: report.warnings,
          files: report.files,
          ms: Math.round(report.ms),
          cpuMs,
          findings: report.findings,
        },
        null,
        2,
      ),
    );
  } else {
    for (const f of report.findings) console.log(formatFinding(f));
    console.log(summary);
  }
  return report.errors ? 1 : 0;
}
