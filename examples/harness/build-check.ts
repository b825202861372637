/**
 * `npm run examples:build-check`: proves the site components end to end with real Astro builds of a one-page
 * Starlight site (in a temporary folder, so the shared dist/ and .astro/ are untouched):
 * 1. a page with <TypeScriptExample> and <Example> builds, and every copy button copies exactly the tested text
 *    (the TypeScript region, the same region of the generated JavaScript, the shell region), titled by file name;
 * 2. a page naming a missing example fails the build with the page, the example id and the nearest id;
 * 3. a page naming a missing region fails the build with the page, the example id, the region and the regions.
 * About a minute (three builds), so it is not part of `npm test`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractRegion, getExample } from "../../src/lib/examples.ts";
import { toJavaScript } from "../../src/lib/transpile.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "example-components-"));
let failures = 0;
const report = (ok: boolean, what: string, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"}  ${what}${detail ? `\n      ${detail}` : ""}`);
  if (!ok) failures++;
};

try {
  // Hard links, not a symlink: Vite resolves symlinked node_modules to paths Astro cannot match.
  execFileSync("cp", ["-al", join(root, "node_modules"), join(dir, "node_modules")]);
  cpSync(join(root, "examples"), join(dir, "examples"), { recursive: true, filter: (p) => !p.includes(".cache") });
  mkdirSync(join(dir, "src", "content", "docs"), { recursive: true });
  for (const f of ["components/Example.astro", "components/TypeScriptExample.astro", "lib/examples.ts", "lib/transpile.ts"]) {
    cpSync(join(root, "src", f), join(dir, "src", f));
  }
  cpSync(join(root, "package.json"), join(dir, "package.json")); // Astro bundles the integrations it finds there
  writeFileSync(join(dir, "astro.config.mjs"), `import { defineConfig } from "astro/config";\nimport starlight from "@astrojs/starlight";\nexport default defineConfig({ integrations: [starlight({ title: "components" })] });\n`);
  writeFileSync(join(dir, "src", "content.config.ts"), `import { defineCollection } from "astro:content";\nimport { docsLoader } from "@astrojs/starlight/loaders";\nimport { docsSchema } from "@astrojs/starlight/schema";\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`);
  const page = (body: string) =>
    writeFileSync(
      join(dir, "src", "content", "docs", "index.mdx"),
      `---\ntitle: Components\ndescription: Example components.\n---\nimport TypeScriptExample from "../../components/TypeScriptExample.astro";\nimport Example from "../../components/Example.astro";\n\n${body}\n`,
    );
  const build = () => {
    const r = spawnSync(join(dir, "node_modules", ".bin", "astro"), ["build"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", PATH: `${join(dir, "node_modules", ".bin")}:${process.env.PATH}` },
    });
    return { code: r.status, output: `${r.stdout}\n${r.stderr}` };
  };

  // 1. A good page.
  page(`<TypeScriptExample example="chat-completions/tools-openai-sdk" region="tools" />\n\n<TypeScriptExample example="chat-completions/openai-sdk" />\n\n<Example example="chat-completions/curl" />`);
  const good = build();
  report(good.code === 0, "a page with both components builds", good.code === 0 ? "" : good.output.slice(-2000));
  if (good.code === 0) {
    const html = readFileSync(join(dir, "dist", "index.html"), "utf8");
    const decode = (s: string) =>
      s.replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16))).replace(/&#(\d+);/g, (_, n) => String.fromCharCode(+n))
        .replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/\u007f/g, "\n");
    const copies = [...html.matchAll(/data-code="([^"]*)"/g)].map((m) => decode(m[1]));
    const titles = [...html.matchAll(/<span class="title">([^<]*)<\/span>/g)].map((m) => m[1]);
    const expected: string[] = [];
    for (const [id, region] of [["chat-completions/tools-openai-sdk", "tools"], ["chat-completions/openai-sdk", undefined]] as const) {
      const e = getExample({ id, region, page: "check", root });
      expected.push(e.code, extractRegion(await toJavaScript(e.source, e.file), e.region)!);
    }
    expected.push(getExample({ id: "chat-completions/curl", page: "check", root }).code);
    report(JSON.stringify(copies) === JSON.stringify(expected), "copy buttons copy exactly the tested text (TS, JS, shell)", `${copies.length} copy buttons`);
    report(
      JSON.stringify(titles) === JSON.stringify(["tools-openai-sdk.ts", "tools-openai-sdk.js", "openai-sdk.ts", "openai-sdk.js", "curl.sh"]),
      "titles are the file names (.ts → .js)",
      titles.join(", "),
    );
    report(/data-sync-key="lang"/.test(html), 'tabs are synced with syncKey "lang"');
    report(!/#region|#endregion/.test(copies.join("\n")), "no region markers in what is shown");
  }

  // 2. A missing example.
  page(`<TypeScriptExample example="chat-completions/openai-skd" region="main" />`);
  const noExample = build();
  const m2 = /src\/content\/docs\/index\.mdx: example "chat-completions\/openai-skd" region "main": there is no example[^\n]*Did you mean: chat-completions\/openai-sdk/.exec(noExample.output);
  report(noExample.code !== 0 && !!m2, "a missing example fails the build, naming the page, the example and the region", m2?.[0] ?? noExample.output.slice(-1500));

  // 3. A missing region.
  page(`<Example example="run/curl" region="setup" />`);
  const noRegion = build();
  const m3 = /src\/content\/docs\/index\.mdx: example "run\/curl" region "setup": examples\/run\/curl\.sh has no region "setup"\. Its regions: main\./.exec(noRegion.output);
  report(noRegion.code !== 0 && !!m3, "a missing region fails the build, naming the page, the example and the region", m3?.[0] ?? noRegion.output.slice(-1500));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(failures ? `${failures} check(s) failed` : "all component checks passed");
process.exit(failures ? 1 : 0);
