// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import starlightLinksValidator from "starlight-links-validator";
import { readFileSync } from "node:fs";
import { edgeBuild } from "./src/lib/edge-build.ts";
import { isGeneratedRoute } from "./src/lib/routes.ts";
import { siteSource } from "./src/lib/remark-source.ts";
import { focusableTables } from "./src/lib/focusable-tables.ts";
import { liveSamples } from "./tools/live-samples/integration.ts";
import { llmsFiles } from "./src/lib/llms.ts";

/** redirects.json is the one list of moved pages: Astro serves it in dev/preview, the edge host gets dist/_redirects. */
const redirectsFile = new URL("./redirects.json", import.meta.url);
const redirects = JSON.parse(readFileSync(redirectsFile, "utf8"));

const group = (label, directory) => ({ label, items: [{ autogenerate: { directory } }] });

export default defineConfig({
  site: "https://ai-rest-docs.example.com",
  trailingSlash: "always",
  redirects,
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
    // Stamps <Render>, <ModelId>, … in MDX with file:line so their build errors say where they are.
    siteSource(),
    // Wide Markdown tables scroll sideways on phones; tabindex lets keyboard users scroll them too.
    focusableTables(),
    starlight({
      title: "Cloudflare AI REST API",
      description: "Call Workers AI and third-party models through Cloudflare's REST API, with samples that have all run.",
      customCss: ["./src/styles/custom.css"],
      // Long lines wrap (indent kept) instead of scrolling sideways: on a phone the whole sample stays readable, and no
      // code block becomes a scroll region that keyboard users would have to focus.
      expressiveCode: { defaultProps: { wrap: true } },
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
