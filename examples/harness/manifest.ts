/**
 * examples/manifest.json: an index of the examples (id → file, language, regions, endpoints, model ids, deprecated,
 * and `shows: "failure"` for a reproduction that fails on purpose) that the site and `npm run check` read. Generated
 * from the files: `npm run examples:manifest` rewrites it, and the examples tests fail when the committed copy is
 * stale.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { listExamples, projectRoot, regionNames, type ExampleFile } from "../../src/lib/examples.ts";

export type ManifestEntry = {
  file: string;
  language: string;
  regions: string[];
  endpoints: string[];
  models: string[];
  deprecated: boolean;
  /**
   * "failure" when the file says `# shows: failure` (`// shows: failure` in TypeScript) on a line of its own, outside
   * its regions: the example reproduces a failure on purpose, so `npm run check` accepts a retired or deprecated model
   * id in it (the retired-model reproduction). Left out otherwise.
   */
  shows?: "failure";
};
export type Manifest = Record<string, ManifestEntry>;

/** Which REST endpoint (catalog ENDPOINTS) a piece of code calls, by the URL paths and SDK calls in it. */
const ENDPOINT_PATTERNS: [string, RegExp][] = [
  ["run", /\/ai\/run\b|\bAI\.run\(|"workers-ai"/],
  ["chat-completions", /chat\/completions|chat\.completions\.create|createOpenAICompatible/],
  ["responses", /\/responses\b|responses\.create|\.responses\(/],
  ["messages", /\/v1\/messages\b/],
  ["embeddings", /\/embeddings\b|embeddings\.create/],
];

/** Quoted strings shaped like model ids: `@cf/author/model`, `workers-ai/@cf/…`, `author/model`. */
const ID_LITERAL = /["'`]((?:workers-ai\/)?@cf\/[\w.-]+\/[\w.-]+|[a-z0-9][a-z0-9-]*\/[a-z0-9][\w.:-]*)["'`]/g;
/** A @cf id anywhere (for instance inside a URL path: `/ai/run/@cf/meta/…`). */
const CF_ID = /(?:workers-ai\/)?@cf\/[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*[\w]/g;
/** The value of a `model` field, whatever it looks like (provider-native ids such as `gpt-5-mini` included). */
const MODEL_FIELD = /["']?\bmodel["']?\s*:\s*["']([^"'\s]+)["']/g;
/** The marker of an example that fails on purpose: `# shows: failure` / `// shows: failure`, a reason may follow. */
const SHOWS_FAILURE = /^(?:#|\/\/) shows: failure\b/m;
/** `author/model`-shaped strings that are media types or paths, not models. */
const NOT_A_MODEL = /^(application|text|image|audio|video|multipart|chat)\/|^v\d+\//;

export function modelsIn(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(CF_ID)) found.add(m[0]);
  for (const m of source.matchAll(ID_LITERAL)) if (!NOT_A_MODEL.test(m[1])) found.add(m[1]);
  for (const m of source.matchAll(MODEL_FIELD)) found.add(m[1]);
  // `workers-ai/@cf/x` also matched as `@cf/x`: keep the longer form only.
  for (const id of [...found]) if (found.has(`workers-ai/${id}`)) found.delete(id);
  return [...found].sort();
}

export function endpointsIn(source: string): string[] {
  return ENDPOINT_PATTERNS.filter(([, re]) => re.test(source)).map(([name]) => name);
}

export function manifestEntry(e: ExampleFile): ManifestEntry {
  return {
    file: e.file,
    language: e.language,
    regions: regionNames(e.source),
    endpoints: endpointsIn(e.source),
    models: modelsIn(e.source),
    deprecated: e.source.includes("https://gateway.ai.cloudflare.com"),
    ...(SHOWS_FAILURE.test(e.source) ? { shows: "failure" as const } : {}),
  };
}

export function buildManifest(root = projectRoot()): Manifest {
  const out: Manifest = {};
  for (const e of listExamples(root)) out[e.id] = manifestEntry(e);
  return out;
}

export function manifestText(root = projectRoot()): string {
  return JSON.stringify(buildManifest(root), null, 2) + "\n";
}

if (import.meta.main) {
  const root = projectRoot();
  const file = join(root, "examples", "manifest.json");
  const manifest = buildManifest(root);
  writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
  console.log(`wrote examples/manifest.json: ${Object.keys(manifest).length} examples`);
}
