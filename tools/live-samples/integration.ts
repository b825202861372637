/**
 * Astro integration: builds public/run/ (tools/live-samples/build.ts) when Astro starts, before pages render, and
 * after a build writes dist/sw.js, the Service Worker that keeps the Run button working offline
 * (tools/live-samples/offline.ts).
 */
import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import { buildRunAssets } from "./build.ts";
import { writeServiceWorker } from "./offline.ts";

export function liveSamples(): AstroIntegration {
  return {
    name: "ai-docs:live-samples",
    hooks: {
      // Build and dev alike; a failure stops the build with esbuild's message naming the file.
      "astro:config:setup": async ({ logger }) => {
        const t = performance.now();
        const { worker } = await buildRunAssets();
        logger.info(`sample sandbox ${worker} and client libraries built in ${Math.round(performance.now() - t)} ms`);
      },
      // Only a build has a Service Worker: in dev, registering /sw.js fails quietly and nothing is cached.
      "astro:build:done": async ({ dir, logger }) => {
        const plan = await writeServiceWorker(fileURLToPath(dir));
        logger.info(`sw.js: offline cache ${plan.version}, ${plan.precache.length} files (${plan.pages.length} pages with Run buttons)`);
      },
    },
  };
}
