/** Astro integration: builds public/run/ (tools/live-samples/build.ts) when Astro starts, before pages render. */
import type { AstroIntegration } from "astro";
import { buildRunAssets } from "./build.ts";

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
    },
  };
}
