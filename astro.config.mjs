// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import { readFileSync } from "node:fs";

/** redirects.json is the one list of moved pages: Astro serves it in dev/preview, tools/redirects.ts compiles dist/_redirects. */
const redirects = JSON.parse(readFileSync(new URL("./redirects.json", import.meta.url), "utf8"));

const group = (label, directory) => ({ label, items: [{ autogenerate: { directory } }] });

export default defineConfig({
  site: "https://ai-rest-docs.example.com",
  trailingSlash: "always",
  redirects,
  integrations: [
    starlight({
      title: "Cloudflare AI REST API",
      description: "Call Workers AI and third-party models through Cloudflare's REST API, with samples that have all run.",
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
  ],
});
