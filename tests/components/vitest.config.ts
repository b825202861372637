/**
 * The `components` test project: the site's .astro components and MDX rendered with the Astro Container API inside
 * Vitest, through this project's own Astro config (getViteConfig), so MDX goes through the same Markdown processor,
 * Starlight plugins and content collections as in the build.
 *
 * `partials/__fixtures__/<name>.mdx` imports tests/components/fixtures/<name>.mdx as if it lived in partials/: the
 * Markdown pipeline sees the partials path (what Starlight's `processedDirs` matches) while partials/ itself holds only
 * real partials.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getViteConfig } from "astro/config";

const root = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURE_PARTIALS = `${root}partials/__fixtures__/`;

export default getViteConfig(
  {
    plugins: [
      {
        name: "partial-fixtures",
        enforce: "pre",
        resolveId(source, importer) {
          if (!importer || !source.includes("partials/__fixtures__/")) return;
          return FIXTURE_PARTIALS + source.slice(source.indexOf("partials/__fixtures__/") + "partials/__fixtures__/".length);
        },
        load(id) {
          if (id.startsWith(FIXTURE_PARTIALS))
            return readFileSync(`${root}tests/components/fixtures/${id.slice(FIXTURE_PARTIALS.length)}`, "utf8");
        },
      },
    ],
    test: {
      name: "components",
      include: ["tests/components/**/*.test.ts"],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // How MDX compiles depends on astro.config.mjs and the Markdown plugins, which Vitest's on-disk module cache does
      // not key on: a cached partial would keep Starlight's asides after processedDirs lost partials/.
      fsModuleCache: false,
    },
  },
  { root, logLevel: "error" },
);
