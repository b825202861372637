/**
 * Builds what the Run button loads, into public/run/ (git-ignored; Astro copies it into dist/run/ and serves it in
 * dev). Nothing here is on a page until a reader presses Run.
 *
 *  1. The emulator core and the client libraries samples import (openai, ai, @ai-sdk/*), as ES modules with shared
 *     chunks (one zod for all), content-hashed: public/run/lib/…, public/run/chunks/….
 *  2. The sandbox Worker (src/live/worker.ts), which knows the URLs of (1), the demo credentials and each example's
 *     run settings from examples/test/cases.ts: public/run/worker-<hash>.js.
 *  3. public/run/manifest.json: `{ worker }`, read by the component when pages render (src/lib/live-samples.ts).
 *
 * The emulator core has no `node:` imports, so it bundles for the browser as it is.
 */
import { build, type Plugin } from "esbuild";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { cases, PROVIDER_KEYS, STORED_GATEWAYS, STORED_KEYS } from "../../examples/test/cases.ts";
import { DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID } from "../../emulator/src/state.ts";
import type { SampleSettings } from "../../src/live/protocol.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const OUT_DIR = join(ROOT, "public", "run");
/** The URL path public/run/ is served at. */
export const BASE = "/run/";

/** Client libraries a sample may import, and whether the package has a default export. */
export const LIBRARIES: Record<string, { default: boolean }> = {
  openai: { default: true },
  ai: { default: false },
  "@ai-sdk/openai-compatible": { default: false },
  "@ai-sdk/openai": { default: false },
};

const src = (p: string) => join(ROOT, "src", "live", p);

/** Entry points `lib:<package>` that re-export a package, so each gets a file of its own. */
const libraryEntries: Plugin = {
  name: "library-entries",
  setup(b) {
    b.onResolve({ filter: /^lib:/ }, (a) => ({ path: a.path.slice(4), namespace: "lib" }));
    b.onLoad({ filter: /.*/, namespace: "lib" }, (a) => ({
      contents: `export * from ${JSON.stringify(a.path)};${LIBRARIES[a.path].default ? ` export { default } from ${JSON.stringify(a.path)};` : ""}`,
      resolveDir: ROOT,
      loader: "js",
    }));
  },
};

const common = {
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2023",
  minify: true,
  splitting: true,
  metafile: true,
  logLevel: "warning",
  legalComments: "none",
  absWorkingDir: ROOT,
} as const;

/** The output file of each entry point, as a URL path under BASE. */
function outputsByEntry(meta: { outputs: Record<string, { entryPoint?: string }> }): Map<string, string> {
  const map = new Map<string, string>();
  for (const [file, o] of Object.entries(meta.outputs)) {
    if (o.entryPoint) map.set(o.entryPoint, BASE + relative(OUT_DIR, join(ROOT, file)));
  }
  return map;
}

/** Each example's env and faults, as the examples tests run it (faults unscoped: every run has its own emulator). */
export function sampleSettings(): SampleSettings {
  return Object.fromEntries(
    Object.entries(cases).map(([id, c]) => [id, { env: c.env, faults: c.faults?.map(({ route: _route, ...f }) => f) }]),
  );
}

export type RunManifest = { worker: string };

export async function buildRunAssets(outDir = OUT_DIR): Promise<RunManifest> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const libs = await build({
    ...common,
    entryPoints: [{ in: src("emulator.ts"), out: "lib/emulator" }, ...Object.keys(LIBRARIES).map((name) => ({ in: `lib:${name}`, out: `lib/${name}` }))],
    outdir: outDir,
    entryNames: "[dir]/[name]-[hash]",
    chunkNames: "chunks/[name]-[hash]",
    plugins: [libraryEntries],
  });
  const byEntry = outputsByEntry(libs.metafile);
  const assets = {
    emulator: byEntry.get(relative(ROOT, src("emulator.ts")))!,
    libs: Object.fromEntries(Object.keys(LIBRARIES).map((name) => [name, byEntry.get(`lib:${name}`)!])),
  };

  const worker = await build({
    ...common,
    entryPoints: [{ in: src("worker.ts"), out: "worker" }],
    outdir: outDir,
    entryNames: "[name]-[hash]",
    chunkNames: "chunks/[name]-[hash]",
    define: {
      // mvdan-sh (GopherJS output) looks for Node's `global`.
      global: "globalThis",
      __RUN_ASSETS__: JSON.stringify(assets),
      __SAMPLE_SETTINGS__: JSON.stringify(sampleSettings()),
      __DEMO__: JSON.stringify({
        accountId: EXAMPLE_ACCOUNT_ID,
        apiToken: DEFAULT_API_TOKEN,
        gatewayId: "default",
        storedKeys: STORED_KEYS,
        storedGateways: STORED_GATEWAYS,
        providerKeys: PROVIDER_KEYS,
      }),
    },
  });
  const manifest: RunManifest = { worker: outputsByEntry(worker.metafile).get(relative(ROOT, src("worker.ts")))! };
  writeFileSync(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (import.meta.main) {
  const t = performance.now();
  const m = await buildRunAssets();
  console.log(`run assets in public/run/ (${Math.round(performance.now() - t)} ms); worker ${m.worker}`);
}
