#!/usr/bin/env node
/**
 * `npm run bench:lighthouse`: Lighthouse (the npm package) in the Chromium that tools/chromium.ts finds, against the site as production serves
 * it (`npm run serve:edge`, started here when nothing answers yet), mobile profile, on the home page, the
 * authentication page and every endpoint reference page. Prints the four category scores per page. No thresholds: the
 * targets (performance ≥ 95, accessibility 100, best practices 100, SEO 100) are for people to read, not for a test.
 *
 * Options: `--url http://host:port` to measure a server that is already running elsewhere;
 * `--json file` to also write the scores as JSON; `--page /path/` (repeatable) to measure only those pages;
 * `--runs N` to measure each page N times (Lighthouse's performance score varies from run to run under load).
 * A performance score below 95 also prints where the main thread's time went and the longest tasks. Build first (`npx astro build`): this serves the existing dist/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { BASE_URL, PORT, ROOT } from "../tests/e2e/support.ts";
import { CHROMIUM_ARGS, findChromium } from "./chromium.ts";

const PAGES = [
  "/",
  "/auth/authentication/",
  "/reference/chat-completions/",
  "/reference/responses/",
  "/reference/run/",
  "/reference/messages/",
  "/reference/embeddings/",
  "/reference/models-search/",
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

const { values } = parseArgs({
  options: { url: { type: "string" }, json: { type: "string" }, page: { type: "string", multiple: true }, runs: { type: "string", default: "1" } },
});
const pages = values.page?.length ? values.page : PAGES;
const runs = Math.max(1, Number(values.runs));
const base = (values.url ?? BASE_URL).replace(/\/$/, "");

process.env.XDG_CONFIG_HOME ??= join(ROOT, ".cache", "xdg-config");
process.env.XDG_CACHE_HOME ??= join(ROOT, ".cache", "xdg-cache");
process.env.WRANGLER_SEND_METRICS = "false";

async function answers(url: string): Promise<boolean> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return r.status < 500;
  } catch {
    return false;
  }
}

/** Starts `npm run serve:edge` on PORT unless the site already answers; returns the process to stop afterwards. */
async function ensureServer(): Promise<ChildProcess | undefined> {
  if (await answers(`${base}/`)) return undefined;
  if (values.url) throw new Error(`${base}/ does not answer`);
  console.log(`starting npm run serve:edge on port ${PORT} …`);
  const child = spawn("npm", ["run", "serve:edge"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm run serve:edge exited with code ${child.exitCode}`);
    if (await answers(`${base}/`)) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`npm run serve:edge did not answer on ${base}/ within 120 s`);
}

const server = await ensureServer();
mkdirSync(join(ROOT, ".cache", "lighthouse-profile"), { recursive: true });
const browser = await findChromium();
console.log(`Chromium: ${browser.executablePath} (${browser.source})`);
const chrome = await chromeLauncher.launch({
  chromePath: browser.executablePath,
  chromeFlags: [...CHROMIUM_ARGS, browser.headlessFlag],
  userDataDir: join(ROOT, ".cache", "lighthouse-profile"),
});

const results: { page: string; scores: Record<string, number | null> }[] = [];
try {
  for (const page of pages.flatMap((p) => Array<string>(runs).fill(p))) {
    // Lighthouse's default config is the mobile profile (Moto G Power emulation, simulated slow 4G).
    const run = await lighthouse(`${base}${page}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
    if (!run) throw new Error(`Lighthouse returned nothing for ${page}`);
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => {
        const score = run.lhr.categories[c]?.score;
        return [c, score === null || score === undefined ? null : Math.round(score * 100)];
      }),
    );
    results.push({ page, scores });
    const below = run.lhr.runtimeError ? ` (runtime error: ${run.lhr.runtimeError.message})` : "";
    console.log(`${page}: ${CATEGORIES.map((c) => `${c} ${scores[c] ?? "n/a"}`).join(", ")}${below}`);
    // Name the audits that cost points, so a score below 100 says what to fix.
    for (const c of CATEGORIES) {
      const failing = run.lhr.categories[c].auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => run.lhr.audits[ref.id])
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative")
        .map((a) => {
          // A few details (the console error, the slow script) so the line says what to fix.
          const items = ((a.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [])
            .slice(0, 3)
            .map((item) => String(item.description ?? item.url ?? item.source ?? "").slice(0, 160))
            .filter(Boolean);
          return `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}${items.length ? `: ${items.join("; ")}` : ""}`;
        });
      if (failing.length) console.log(`    ${c}: ${failing.join(" | ")}`);
    }
    if ((scores.performance ?? 100) < 95) {
      type Item = Record<string, unknown>;
      const items = (id: string) => ((run.lhr.audits[id]?.details as { items?: Item[] } | undefined)?.items ?? []) as Item[];
      const ms = (v: unknown) => `${Math.round(Number(v))} ms`;
      console.log(`    main thread: ${items("mainthread-work-breakdown").slice(0, 6).map((i) => `${i.groupLabel ?? i.group} ${ms(i.duration)}`).join(", ")}`);
      console.log(`    scripts: ${items("bootup-time").slice(0, 4).map((i) => `${String(i.url).replace(base, "")} ${ms(i.total)}`).join(", ")}`);
      console.log(`    long tasks: ${items("long-tasks").slice(0, 5).map((i) => `${String(i.url).replace(base, "")} ${ms(i.duration)} at ${ms(i.startTime)}`).join(", ")}`);
      console.log(`    DOM: ${run.lhr.audits["dom-size"]?.displayValue ?? "?"}`);
    }
  }
} finally {
  chrome.kill();
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
}

/** The median of each page's runs (the lower middle one for an even count), and the performance range. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(`\nLighthouse (mobile), ${runs === 1 ? "one run" : `median of ${runs} runs`}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`${"".padEnd(40)}  perf  a11y  best   seo${runs > 1 ? "  perf range" : ""}`);
for (const page of pages) {
  const mine = results.filter((r) => r.page === page);
  const of = (c: string) => mine.map((r) => r.scores[c]).filter((v): v is number => v !== null);
  const perf = of("performance");
  const range = runs > 1 && perf.length ? `  ${Math.min(...perf)}–${Math.max(...perf)}` : "";
  console.log(`${page.padEnd(40)} ${CATEGORIES.map((c) => String(of(c).length ? median(of(c)) : "n/a").padStart(5)).join(" ")}${range}`);
}
if (values.json) writeFileSync(values.json, JSON.stringify({ base, date: new Date().toISOString(), results }, null, 2) + "\n");
