/**
 * npm run partials: for each partial in partials/, the pages that render it (directly or through other partials and
 * the site's components), i.e. what a change to the partial affects.
 *
 *   npm run partials            human-readable list
 *   npm run partials -- --json  {"auth/rest-api": ["src/content/docs/…", …], …}
 */
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { globSync } from "tinyglobby";
import { findRenderFiles, partialUsage } from "../src/lib/partials.ts";

const root = resolve(fileURLToPath(import.meta.url), "../..");

export function collectUsage(dir = root): Map<string, string[]> {
  const read = (f: string) => readFileSync(resolve(dir, f), "utf8");
  // Components that render partials count as "partials" of their own (keyed by component name), so a page using
  // <AuthHeaders /> is listed under the partials AuthHeaders renders.
  const components = globSync("src/components/**/*.astro", { cwd: dir }).filter((f) => !f.endsWith("/Render.astro"));
  const componentCalls = new Map(components.map((f) => [componentName(f), findRenderFiles(read(f))] as const));
  const usedComponents = [...componentCalls].filter(([, files]) => files.length > 0).map(([name]) => name);

  const callsIn = (source: string) => [
    ...findRenderFiles(source),
    ...usedComponents.filter((name) => new RegExp(`<${name}\\b`).test(source)).map((name) => `component:${name}`),
  ];

  const partials = new Map<string, string[]>();
  for (const f of globSync("partials/**/*.mdx", { cwd: dir })) partials.set(f.replace(/^partials\//, "").replace(/\.mdx$/, ""), callsIn(read(f)));
  for (const name of usedComponents) partials.set(`component:${name}`, componentCalls.get(name)!);

  const pages = new Map<string, string[]>();
  for (const f of globSync(["src/content/docs/**/*.{md,mdx}", "src/pages/**/*.astro"], { cwd: dir })) pages.set(f, callsIn(read(f)));

  const usage = partialUsage(pages, partials);
  for (const key of [...usage.keys()]) if (key.startsWith("component:")) usage.delete(key);
  return usage;
}

function componentName(file: string): string {
  return file.replace(/^.*\//, "").replace(/\.astro$/, "");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const usage = collectUsage();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(Object.fromEntries(usage), null, 2));
  } else {
    for (const [id, pages] of usage) {
      console.log(`partials/${id}.mdx  (${pages.length} page${pages.length === 1 ? "" : "s"})`);
      for (const p of pages) console.log(`  ${relative(root, resolve(root, p))}`);
      if (pages.length === 0) console.log("  (not rendered by any page)");
    }
  }
}
