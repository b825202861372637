/**
 * How much JavaScript each built page makes a reader download before any click: its inline scripts plus every
 * script file it loads with `<script src>` and the modules those import statically (followed transitively), gzipped.
 * Dynamic `import()` and Workers are not counted: they load only when something asks for them (the Run button does).
 *
 *   node tools/live-samples/page-js.ts [dist] [baseline-dist]
 *
 * prints the largest pages and, with a baseline, the largest growth per page.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { init, parse } from "es-module-lexer";
import { inlineScripts } from "../../src/lib/csp.ts";

await init;

const gz = (text: string) => gzipSync(text, { level: 9 }).length;

export function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith(".html")) yield p;
  }
}

/** A script file and the files it imports statically, as dist-relative paths. */
export function moduleGraph(dist: string, entry: string, seen: Set<string>): void {
  if (seen.has(entry)) return;
  const file = join(dist, entry);
  if (!existsSync(file)) return;
  seen.add(entry);
  const source = readFileSync(file, "utf8");
  const [imports] = parse(source);
  for (const i of imports) {
    // d === -1: a static import; d > -1 is import(), -2 is import.meta.
    if (i.d !== -1 || !i.n || !/^[./]/.test(i.n)) continue;
    const target = i.n.startsWith("/") ? i.n.slice(1) : relative(dist, resolve(dirname(file), i.n));
    moduleGraph(dist, target, seen);
  }
}

export type PageJs = { page: string; bytesGz: number; files: string[] };

/** Gzipped JavaScript of every page of a built site. Shared files count on every page that loads them. */
export function pageJs(dist: string): PageJs[] {
  const out: PageJs[] = [];
  for (const html of htmlFiles(dist)) {
    const text = readFileSync(html, "utf8");
    const files = new Set<string>();
    for (const m of text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/gi)) {
      if (m[1].startsWith("/")) moduleGraph(dist, m[1].slice(1), files);
    }
    let bytesGz = inlineScripts(text).reduce((n, s) => n + gz(s), 0);
    for (const f of files) bytesGz += gz(readFileSync(join(dist, f), "utf8"));
    out.push({ page: relative(dist, html), bytesGz, files: [...files].sort() });
  }
  return out.sort((a, b) => a.page.localeCompare(b.page));
}

if (import.meta.main) {
  const dist = process.argv[2] ?? "dist";
  const base = process.argv[3];
  const now = pageJs(dist);
  const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
  const largest = [...now].sort((a, b) => b.bytesGz - a.bytesGz).slice(0, 5);
  console.log(`${now.length} pages in ${dist}; most JavaScript (gzipped):`);
  for (const p of largest) console.log(`  ${kb(p.bytesGz)}  ${p.page}`);
  if (base) {
    const before = new Map(pageJs(base).map((p) => [p.page, p.bytesGz]));
    const growth = now
      .filter((p) => before.has(p.page))
      .map((p) => ({ page: p.page, delta: p.bytesGz - before.get(p.page)! }))
      .sort((a, b) => b.delta - a.delta);
    console.log(`growth against ${base} (largest first):`);
    for (const g of growth.slice(0, 8)) console.log(`  ${g.delta >= 0 ? "+" : ""}${g.delta} B  ${g.page}`);
    const unchanged = growth.filter((g) => g.delta === 0).length;
    console.log(`  ${unchanged} of ${growth.length} pages unchanged; ${now.length - growth.length} new page(s)`);
  }
}
