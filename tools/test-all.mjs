#!/usr/bin/env node
// `npm test`: runs every stage that exists, in order (check, unit, emulator, examples, clients, build, browser), shows each
// stage's own output, and ends with one plain line counting every test of every stage: `N passed, N failed[, N skipped]`.
// A stage that cannot run at all (a crash, a missing report) counts as one failed test, so nothing fails silently.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { globSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const reports = join(root, ".cache", "test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: "1",
  WRANGLER_SEND_METRICS: "false",
  XDG_CONFIG_HOME: join(root, ".cache", "xdg-config"),
  XDG_CACHE_HOME: join(root, ".cache", "xdg-cache"),
  FORCE_COLOR: process.env.FORCE_COLOR ?? "0",
};
const bin = (name) => join(root, "node_modules", ".bin", name);
const has = (pattern) => globSync(pattern, { cwd: root, exclude: (p) => p.includes("node_modules") }).length > 0;

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** One Vitest project, counted from its JSON report. */
function vitestStage(project) {
  const out = join(reports, `${project}.json`);
  const code = run(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  const r = readJson(out);
  if (!r) return { passed: 0, failed: 1, skipped: 0, note: `no report (exit ${code})` };
  const failed = r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0);
  return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
}

/** `npm run check`: each rule is one test; a rule with any error fails. */
function checkStage() {
  const out = join(reports, "check.json");
  const r = spawnSync(process.execPath, ["tools/check/cli.ts", "--json"], { cwd: root, env, encoding: "utf8", maxBuffer: 64 << 20 });
  // Show the human-readable findings too.
  run(process.execPath, ["tools/check/cli.ts"]);
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    return { passed: 0, failed: 1, skipped: 0, note: `check printed no JSON (exit ${r.status}): ${r.stderr.slice(0, 500)}` };
  }
  const rules = report.rules ?? [];
  const withErrors = new Set((report.findings ?? []).filter((f) => f.severity === "error").map((f) => f.rule));
  if (!rules.length) return { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1, skipped: 0 };
  const failed = rules.filter((rule) => withErrors.has(rule)).length || (r.status === 0 ? 0 : 1);
  return { passed: rules.length - Math.min(failed, rules.length), failed, skipped: 0 };
}

function buildStage() {
  const code = run("npm", ["run", "build", "--silent"]);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
}

function browserStage(built) {
  if (!built) return { passed: 0, failed: 1, skipped: 0, note: "not run: the build failed" };
  const out = join(reports, "browser.json");
  // Playwright's own temp files (its compile cache; the browsers' profiles go to a folder per run, see
  // playwright.config.ts) stay in the project's ignored .cache/tmp, not in /tmp.
  const tmp = join(root, ".cache", "tmp");
  mkdirSync(tmp, { recursive: true });
  const code = run(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: out, TMPDIR: tmp });
  const r = readJson(out);
  if (!r?.stats) return { passed: 0, failed: 1, skipped: 0, note: `no report (exit ${code})` };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = r.stats;
  const failed = unexpected + (code !== 0 && unexpected === 0 ? 1 : 0);
  return { passed: expected + flaky, failed, skipped };
}

const stages = [
  ["check", () => existsSync(join(root, "tools/check/cli.ts")), checkStage],
  ["unit", () => has("tests/unit/**/*.test.ts"), () => vitestStage("unit")],
  ["emulator", () => has("emulator/test/**/*.test.ts"), () => vitestStage("emulator")],
  ["examples", () => has("examples/test/**/*.test.ts"), () => vitestStage("examples")],
  // Real npm client libraries against the emulator; `npm install` installs them (clients/* are workspaces).
  ["clients", () => has("clients/*/test/**/*.test.ts"), () => vitestStage("clients")],
  ["build", () => true, buildStage],
  ["browser", () => existsSync(join(root, "playwright.config.ts")) && has("tests/e2e/**/*.spec.ts"), (results) => browserStage(results.build?.failed === 0)],
];

const results = {};
for (const [name, exists, runStage] of stages) {
  if (!exists()) {
    console.log(`\n=== ${name}: no tests in this stage yet ===`);
    continue;
  }
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  results[name] = runStage(results);
  const r = results[name];
  r.seconds = (Date.now() - started) / 1000;
  console.log(`=== ${name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.seconds.toFixed(1)} s)${r.note ? ` — ${r.note}` : ""} ===`);
}

const total = Object.values(results).reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
// Wall time per stage: the browser stage serves the dist/ that the build stage made (no second build).
console.log("\nstage     passed failed skipped   wall");
for (const [name, r] of Object.entries(results)) console.log(`${name.padEnd(9)} ${String(r.passed).padStart(6)} ${String(r.failed).padStart(6)} ${String(r.skipped).padStart(7)} ${`${r.seconds.toFixed(0)} s`.padStart(6)}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(total.failed ? 1 : 0);
