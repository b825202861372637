/**
 * npm run bench:check — times `npm run check` (through npm, as a reader runs it) on this site and on a generated
 * corpus of 1,000 pages.
 * The corpus (in a temp dir, with its own git history) copies this site's pages, partials, examples and
 * redirects, then fills up to 1,000 pages with copies of the real pages under new names, each with three links that
 * resolve nowhere. The check is run as a child process (Node start-up included) with `--root`; the catalog is always
 * the repo's (tools/check imports it).
 * Prints wall-clock times and CPU times (each run, sorted, and the median of 3). CPU is measured from outside: the
 * user + system time of the finished `npm run check` as the kernel accounts it (npm, the shell and the check, every
 * thread of each, worker threads included), read from this process's `cutime`/`cstime` in /proc/self/stat before and
 * after each run; other load on the machine inflates it far less than wall time. The check's own `cpuMs`
 * (process.cpuUsage() of the check's process just before it prints, so without npm) is shown beside it. Nothing here
 * asserts a time.
 * `node tools/bench-check.ts --corpus DIR` only writes the corpus to DIR (to profile or compare outputs) and exits.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { loadProject } from "./check/project.ts";

const repo = resolve(import.meta.dirname, "..");
/** `npm run check -- ARGS`, from the repository (the script's own flags included). */
const npmCheck = (args: string[]) =>
  spawnSync("npm", ["run", "--silent", "check", "--", ...args], { cwd: repo, encoding: "utf8", maxBuffer: 64 << 20 });
const PAGES = Number(process.env.BENCH_PAGES ?? 1000);
const RUNS = 3;

/** This site's page files, as the check finds them (tools/check/project.ts). */
const sitePages = (await loadProject(repo, { parallel: false })).pages.map((p) => p.path);

const FALLBACK_PAGE = `---
title: Generated page
description: A page of the benchmark corpus.
---

Call \`@cf/meta/llama-3.3-70b-instruct-fp8-fast\` or openai/gpt-4.1 through the REST API.

## Request

See [the overview](/start/overview/) and [models](/models/).

\`\`\`json
{ "model": "anthropic/claude-sonnet-4", "messages": [{ "role": "user", "content": "Hi" }] }
\`\`\`
`;

function makeCorpus(dir = mkdtempSync(join(tmpdir(), "check-bench-"))): string {
  mkdirSync(dir, { recursive: true });
  for (const part of ["partials", "examples", "public", "src/pages", "redirects.json", "astro.config.mjs"]) {
    const from = join(repo, part);
    if (existsSync(from))
      cpSync(from, join(dir, part), { recursive: true, filter: (p) => !p.includes("node_modules") });
  }
  const pages = sitePages.map((p) => join(repo, p));
  for (const p of sitePages) {
    const to = join(dir, p);
    mkdirSync(dirname(to), { recursive: true });
    cpSync(join(repo, p), to);
  }
  const sources = pages.length ? pages.map((p) => readFileSync(p, "utf8")) : [FALLBACK_PAGE];
  mkdirSync(join(dir, "src/content/docs/generated"), { recursive: true });
  // Not every link of a large site resolves: each generated page adds three broken ones (a typo in a page name, a
  // page that does not exist, a misspelled folder), so the links rule's "did you mean" work is part of the time.
  const broken = (i: number) =>
    `\n\nSee [a typo](/start/overveiw/), [a missing page](/generated/page-${i}-gone/) and [a misspelled folder](/refrence/run/).\n`;
  for (let i = pages.length; i < PAGES; i++) {
    writeFileSync(join(dir, "src/content/docs/generated", `page-${i}.mdx`), sources[i % sources.length] + broken(i));
  }
  if (!existsSync(join(dir, "redirects.json"))) writeFileSync(join(dir, "redirects.json"), "{}\n");
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "bench",
    GIT_AUTHOR_EMAIL: "bench@example.com",
    GIT_COMMITTER_NAME: "bench",
    GIT_COMMITTER_EMAIL: "bench@example.com",
  };
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir, env });
  execFileSync("git", ["add", "-A"], { cwd: dir, env });
  execFileSync("git", ["commit", "-q", "-m", "corpus"], { cwd: dir, env });
  return dir;
}

/** CPU time (ms, user + system) of this process's finished and waited-for children, from /proc/self/stat. */
const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim() || 100);
function childrenCpuMs(): number {
  // Fields after the command name (which is in parentheses and may contain spaces): cutime and cstime are 16 and 17.
  const stat = readFileSync("/proc/self/stat", "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[13]) + Number(f[14])) * TICK_MS;
}

/** Cold: `--no-cache` (every file parsed). Warm: a second run over unchanged files reuses `.cache/check/`. */
function time(
  root: string,
  mode: "cold" | "warm",
): { ms: number[]; cpu: number[]; ownCpu: number[]; summary: string; pages: number } {
  const ms: number[] = [];
  const cpu: number[] = [];
  const ownCpu: number[] = [];
  let summary = "";
  const args = ["--root", root, "--json", ...(mode === "cold" ? ["--no-cache"] : [])];
  if (mode === "warm") npmCheck(["--root", root]); // fill the cache
  for (let i = 0; i < RUNS; i++) {
    const c0 = childrenCpuMs();
    const t0 = performance.now();
    const r = npmCheck(args);
    ms.push(performance.now() - t0);
    cpu.push(childrenCpuMs() - c0);
    if (r.status === 2 || !r.stdout) throw new Error(`check crashed on ${root}:\n${r.stderr}`);
    const j = JSON.parse(r.stdout) as { errors: number; warnings: number; files: number; cpuMs: number };
    ownCpu.push(j.cpuMs);
    summary = `${j.errors} errors, ${j.warnings} warnings in ${j.files} files`;
  }
  const pages = root === repo ? sitePages.length : Math.max(PAGES, sitePages.length);
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  return { ms: sorted(ms), cpu: sorted(cpu), ownCpu: sorted(ownCpu), summary, pages };
}

const median = (xs: number[]) => xs[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const report = (label: string, root: string) => {
  const out = { cold: { cpu: 0, ms: 0 }, warm: { cpu: 0, ms: 0 } };
  for (const mode of ["cold", "warm"] as const) {
    const t = time(root, mode);
    out[mode] = { cpu: median(t.cpu), ms: median(t.ms) };
    console.log(
      `${label} (${t.pages} pages), ${mode}: CPU ${fmt(median(t.cpu))} median (runs: ${t.cpu.map(fmt).join(", ")}; the check's own count ${t.ownCpu.map(fmt).join(", ")}), wall ${fmt(median(t.ms))} (runs: ${t.ms.map(fmt).join(", ")})  [${t.summary}]`,
    );
  }
  return out;
};

const only = process.argv.indexOf("--corpus");
if (only >= 0) {
  const dir = resolve(process.argv[only + 1] ?? "");
  if (!process.argv[only + 1] || existsSync(dir)) throw new Error("--corpus DIR: give a directory that does not exist yet");
  console.log(`corpus written to ${makeCorpus(dir)}`);
  process.exit(0);
}

console.log(
  `machine: ${availableParallelism()} CPUs, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
const site = report("this site", repo);
const corpus = makeCorpus();
try {
  const big = report("generated corpus", corpus);
  const met = (ms: number, budget: number) => (ms < budget ? "met" : "NOT met");
  console.log(
    `budget (CPU, all threads): ${PAGES} pages cold < 3 s ${met(big.cold.cpu, 3000)}, warm < 1 s ${met(big.warm.cpu, 1000)}; this site cold < 2 s ${met(site.cold.cpu, 2000)}  (load average now ${loadavg()[0].toFixed(1)}: other work on the machine inflates wall time much more than CPU time)`,
  );
} finally {
  if (process.env.BENCH_KEEP) console.log(`corpus kept at ${corpus}`);
  else rmSync(corpus, { recursive: true, force: true });
}
