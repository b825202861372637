// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import starlightLinksValidator from "starlight-links-validator";
import { satteri } from "@astrojs/markdown-satteri";
import { fileURLToPath } from "node:url";
import { astroRedirects, loadRedirects } from "./tools/redirects.ts";
import { edgeBuild } from "./src/lib/edge-build.ts";
import { isGeneratedRoute } from "./src/lib/routes.ts";
import { siteSourcePlugin } from "./src/lib/remark-source.ts";
import { focusableTablesPlugin } from "./src/lib/focusable-tables.ts";
import { liveSamples } from "./tools/live-samples/integration.ts";
import { llmsFiles } from "./src/lib/llms.ts";
import starlightLlmsTxt from "starlight-llms-txt";

/**
 * redirects.json is the one list of moved pages, validated here as the config loads (a bad entry stops dev and build
 * naming its line): Astro serves it in dev/preview, the edge host gets dist/_redirects (src/lib/edge-build.ts).
 */
const redirectsFile = new URL("./redirects.json", import.meta.url);
const redirects = astroRedirects(loadRedirects(fileURLToPath(redirectsFile)));

/** A sidebar group listing one folder of src/content/docs. @param {string} label @param {string} directory */
const group = (label, directory) => ({ label, items: [{ autogenerate: { directory } }] });

export default defineConfig({
  site: "https://ai-rest-docs.example.com",
  trailingSlash: "always",
  redirects,
  markdown: {
    // Astro 7's Markdown/MDX processor with our plugins; Starlight adds its own (asides, heading anchors) after them.
    processor: satteri({
      // Stamps <Render>, <ModelId>, … in MDX with file:line so their build errors say where they are.
      mdastPlugins: [siteSourcePlugin(fileURLToPath(new URL(".", import.meta.url)))],
      // Wide Markdown tables scroll sideways on phones; tabindex lets keyboard users scroll them too.
      hastPlugins: [focusableTablesPlugin],
    }),
  },
  vite: {
    build: {
      rollupOptions: {
        // Astro's own head-propagation marker in every MDX page trips this bundler notice (withastro/astro#18087);
        // it is harmless and would hide real warnings, so only that one is dropped.
        onwarn(warning, warn) {
          if (warning.code === "MODULE_LEVEL_DIRECTIVE" && String(warning.message).includes("astro:head-inject")) return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    starlight({
      title: "Cloudflare AI REST API",
      description: "Call Workers AI and third-party models through Cloudflare's REST API, with samples that have all run.",
      customCss: ["./src/styles/custom.css"],
      // Partials get Starlight's Markdown too: `:::note` asides and heading anchor links work in them as on pages.
      markdown: { processedDirs: ["./partials/"] },
      // Expressive Code options (line wrapping, highlighting without a time limit) live in ec.config.mjs.
      components: {
        PageTitle: "./src/components/overrides/PageTitle.astro",
        Search: "./src/components/overrides/Search.astro",
      },
      plugins: [
        starlightLinksValidator({
          // Routes from src/pages (model pages, /deprecations/) are not docs entries; accept a link to them only when
          // the route really exists, so a link to an unknown model still fails the build.
          exclude: ({ link }) => isGeneratedRoute(link),
        }),
        // /llms.txt, /llms-full.txt, /llms-small.txt: starlight-llms-txt renders them on request in dev; a build writes
        // them once from the pages it rendered (src/lib/llms.ts) instead of rendering every page twice more.
        llmsFiles({
          devPlugin: starlightLlmsTxt,
          projectName: "Cloudflare AI REST API",
          details:
            "Every code sample on this site is a file in examples/ that runs in tests against a local emulator of the API; the text here is the tested text.",
        }),
      ],
      sidebar: [
        group("Start here", "start"),
        group("Authentication", "auth"),
        group("Reference", "reference"),
        group("Gateways and headers", "gateways"),
        group("Guides", "guides"),
        group("Troubleshooting", "troubleshooting"),
        group("Migration", "migration"),
        { label: "Models", link: "/models/" },
        { label: "Deprecations", link: "/deprecations/" },
      ],
    }),
    edgeBuild({ redirectsFile }),
    // The Run button's sandbox and client libraries, built into public/run/ before pages render.
    liveSamples(),
  ],
});
