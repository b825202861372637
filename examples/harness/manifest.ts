/**
 * The examples index: for each example, its file, language, regions, endpoints, model ids, whether it calls the
 * deprecated gateway host, and `shows: "failure"` for a reproduction that fails on purpose. Computed in-process from
 * the files wherever it is needed (`npm run check` per example file, the examples tests for all of them); nothing is
 * committed, so nothing can go stale.
 */
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
