/**
 * npm run partials: for each partial in partials/, the pages that render it (directly or through other partials and
 * the site's components), i.e. what a change to the partial affects. The graph is the check's parsed project
 * (tools/check/project.ts), so this list and `npm run check` never disagree.
 *
 *   npm run partials            human-readable list
 *   npm run partials -- --json  {"auth/rest-api": ["src/content/docs/…", …], …}
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadProject } from "./check/project.ts";

const root = resolve(fileURLToPath(import.meta.url), "../..");

/** Partial id → the page files that render it, sorted by partial id. */
export async function collectUsage(dir = root): Promise<Map<string, string[]>> {
  const { pagesRendering } = await loadProject(dir);
  return new Map([...pagesRendering].sort(([a], [b]) => a.localeCompare(b)));
}

if (import.meta.main) {
  const usage = await collectUsage();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(Object.fromEntries(usage), null, 2));
  } else {
    for (const [id, pages] of usage) {
      console.log(`partials/${id}.mdx  (${pages.length} page${pages.length === 1 ? "" : "s"})`);
      for (const p of pages) console.log(`  ${p}`);
      if (pages.length === 0) console.log("  (not rendered by any page)");
    }
  }
}
