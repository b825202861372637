/**
 * npm run bench:check — times `npm run check` on this site and on a generated corpus of 1,000 pages.
 * The corpus (in a temp dir, with its own git history) copies this site's pages, partials, examples, manifest and
 * redirects, then fills up to 1,000 pages with copies of the real pages under new names, each with three links that
 * resolve nowhere. The check is run as a child process (Node start-up included) with `--root`; the catalog is always
 * the repo's (tools/check imports it).
 * Prints wall-clock times (median of 3 runs) and the CPU time of the check process (all its threads), which other load
 * on the machine does not inflate. Nothing here asserts a time.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "..");
const cli = join(repo, "tools/check/cli.ts");
const PAGES = Number(process.env.BENCH_PAGES ?? 1000);
const RUNS = 3;

function walk(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && ext.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

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

function makeCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "check-bench-"));
  for (const part of ["partials", "examples", "public", "src/pages", "redirects.json", "astro.config.mjs"]) {
    const from = join(repo, part);
    if (existsSync(from))
      cpSync(from, join(dir, part), { recursive: true, filter: (p) => !p.includes("node_modules") });
  }
  const docs = join(repo, "src/content/docs");
  const pages = walk(docs, /\.mdx?$/);
  for (const p of pages) {
    const to = join(dir, "src/content/docs", relative(docs, p));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(p, to);
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

/** Cold: `--no-cache` (every file parsed). Warm: a second run over unchanged files reuses `.cache/check/`. */
function time(root: string, mode: "cold" | "warm"): { ms: number[]; cpu: number[]; summary: string; pages: number } {
  const ms: number[] = [];
  const cpu: number[] = [];
  let summary = "";
  const args = [cli, "--root", root, "--json", ...(mode === "cold" ? ["--no-cache"] : [])];
  if (mode === "warm") spawnSync(process.execPath, [cli, "--root", root], { encoding: "utf8" }); // fill the cache
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 << 20 });
    ms.push(performance.now() - t0);
    if (r.status === 2 || !r.stdout) throw new Error(`check crashed on ${root}:\n${r.stderr}`);
    const j = JSON.parse(r.stdout) as { errors: number; warnings: number; files: number; cpuMs: number };
    cpu.push(j.cpuMs);
    summary = `${j.errors} errors, ${j.warnings} warnings in ${j.files} files`;
  }
  const pages = walk(join(root, "src/content/docs"), /\.mdx?$/).length;
  return { ms: ms.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b), summary, pages };
}

const median = (xs: number[]) => xs[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const report = (label: string, root: string) => {
  const out: Record<string, number> = {};
  for (const mode of ["cold", "warm"] as const) {
    const t = time(root, mode);
    out[mode] = median(t.ms);
    console.log(
      `${label} (${t.pages} pages), ${mode}: wall ${fmt(median(t.ms))} median (runs: ${t.ms.map(fmt).join(", ")}), CPU ${fmt(median(t.cpu))}  [${t.summary}]`,
    );
  }
  return out;
};

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
    `budget (cold, wall): this site < 2 s ${met(site.cold, 2000)}; 1,000 pages < 5 s ${met(big.cold, 5000)}  (load average now ${loadavg()[0].toFixed(1)}: other work on the machine inflates wall time, not CPU time)`,
  );
} finally {
  if (process.env.BENCH_KEEP) console.log(`corpus kept at ${corpus}`);
  else rmSync(corpus, { recursive: true, force: true });
}
