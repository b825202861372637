/**
 * Writes dist/sw.js, the Service Worker the Run button registers on a reader's first Run (src/live/service-worker.ts),
 * after Astro has written the pages: it lists what the worker caches for offline use and names the cache after a hash
 * of those files' contents, so any change to them installs a new version that replaces the old cache.
 *
 * Cached: every file under /run/ (the sandbox, the emulator, the client libraries, the curl parser), every page with
 * a Run button, and the files those pages load (stylesheets, scripts and what the scripts import, the icon).
 *
 *   node tools/live-samples/offline.ts [dist]     (the Astro build runs it through tools/live-samples/integration.ts)
 */
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { htmlFiles, moduleGraph } from "./page-js.ts";
import { BASE, ROOT } from "./build.ts";

/** The URL path of a file in dist/ (`reference/x/index.html` → `/reference/x/`). */
const urlOf = (dist: string, file: string) => `/${relative(dist, file).split(sep).join("/")}`.replace(/(^|\/)index\.html$/, "$1");

/** Same-origin files a page loads by itself: stylesheets, scripts (and their static imports), icons. */
function pageFiles(dist: string, html: string): string[] {
  const files = new Set<string>();
  for (const m of html.matchAll(/<(?:link|script)\b[^>]*\s(?:href|src)="(\/[^"/][^"?#]*)"/g)) {
    const path = m[1];
    if (!/\.(?:css|js|mjs|svg|png|ico|woff2?)$/.test(path) || !existsSync(join(dist, path))) continue;
    if (/\.m?js$/.test(path)) moduleGraph(dist, path.slice(1), files);
    else files.add(path.slice(1));
  }
  return [...files].map((f) => `/${f}`);
}

export type OfflinePlan = { version: string; pages: string[]; precache: string[] };

/** What the Service Worker caches on install, and the version (a hash of those files' contents). */
export function offlinePlan(dist: string): OfflinePlan {
  const run = join(dist, BASE.slice(1));
  if (!existsSync(run)) throw new Error(`${relative(ROOT, run)}/ is missing: the Run button's files are built first (tools/live-samples/build.ts)`);
  const precache = new Set<string>();
  for (const e of readdirSync(run, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name !== "manifest.json") precache.add(urlOf(dist, join(e.parentPath, e.name)));
  }
  const pages: string[] = [];
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, "utf8");
    if (!/\sclass="run-sample\b/.test(html)) continue;
    pages.push(urlOf(dist, file));
    for (const f of pageFiles(dist, html)) precache.add(f);
  }
  pages.sort();
  const list = [...[...precache].sort(), ...pages];
  const hash = createHash("sha256");
  for (const url of list) {
    const file = join(dist, url.endsWith("/") ? `${url}index.html` : url);
    hash.update(`${url}\0`).update(readFileSync(file)).update("\0");
  }
  return { version: hash.digest("hex").slice(0, 16), pages, precache: list };
}

/** Builds dist/sw.js from src/live/service-worker.ts with the plan of this build. */
export async function writeServiceWorker(dist: string): Promise<OfflinePlan> {
  const plan = offlinePlan(dist);
  await build({
    entryPoints: [join(ROOT, "src", "live", "service-worker.ts")],
    outfile: join(dist, "sw.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2023",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    define: { __OFFLINE__: JSON.stringify({ version: plan.version, precache: plan.precache }) },
  });
  return plan;
}

if (import.meta.main) {
  const dist = resolve(ROOT, process.argv[2] ?? "dist");
  const plan = await writeServiceWorker(dist);
  console.log(`${relative(ROOT, join(dist, "sw.js"))}: version ${plan.version}, ${plan.precache.length} files (${plan.pages.length} pages)`);
}
