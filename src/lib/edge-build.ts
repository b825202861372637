/**
 * Astro integration that finishes dist/ for the edge host (Cloudflare Workers static assets), so `astro build` alone
 * produces a deployable site:
 *  - dist/_redirects compiled from redirects.json (tools/redirects.ts);
 *  - dist/_headers from public/_headers with the hashes of the inline scripts the build emitted.
 * Astro's own meta-refresh pages for redirects.json stay in dist/ for `astro preview`; the edge host answers the
 * 301 from _redirects before it looks at files (checked with `npm run serve:edge`).
 */
import type { AstroIntegration } from "astro";
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeRedirects } from "../../tools/redirects.ts";
import { fillHeaders, inlineScripts, scriptHash } from "./csp.ts";

function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith(".html")) yield p;
  }
}

export function edgeBuild(opts: { redirectsFile: URL }): AstroIntegration {
  return {
    name: "ai-docs:edge-build",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const { count } = writeRedirects(fileURLToPath(opts.redirectsFile), dist, "redirects.json");
        logger.info(`_redirects: ${count} redirect(s) from redirects.json`);

        // Every page carries the same few scripts: hash each distinct text once.
        const scripts = new Set<string>();
        let pages = 0;
        for (const file of htmlFiles(dist)) {
          pages++;
          for (const s of inlineScripts(readFileSync(file, "utf8"))) scripts.add(s);
        }
        const hashes = new Set([...scripts].map(scriptHash));
        const headersPath = join(dist, "_headers");
        if (!existsSync(headersPath)) throw new Error("public/_headers is missing: the edge host needs its security headers");
        writeFileSync(headersPath, fillHeaders(readFileSync(headersPath, "utf8"), hashes));
        logger.info(`_headers: CSP allows ${hashes.size} inline script(s) found in ${pages} page(s)`);
      },
    },
  };
}
