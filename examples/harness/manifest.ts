/**
 * The examples index: for each example, its file, language, regions, endpoints, model ids, whether it calls the
 * deprecated gateway host, and `shows: "failure"` for a reproduction that fails on purpose. Computed in-process from
 * the files wherever it is needed (`npm run check` per example file, the examples tests for all of them); nothing is
 * committed, so nothing can go stale.
 */
import { listExamples, projectRoot, regionNames, type ExampleFile } from "../../src/lib/examples.ts";
import { idPrefixes } from "../../tools/check/project.ts";
import { idCandidates, jsStrings } from "../../tools/check/text.ts";

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

/** The value of a `model` field, whatever it looks like (provider-native ids such as `gpt-5-mini` included). */
const MODEL_FIELD = /["']?\bmodel["']?\s*:\s*["']([^"'\s]+)["']/g;
/** The marker of an example that fails on purpose: `# shows: failure` / `// shows: failure`, a reason may follow. */
const SHOWS_FAILURE = /^(?:#|\/\/) shows: failure\b/m;
/** The first segments that make `x/y` an id for the check (catalog authors, provider slugs), read once. */
let prefixes: ReadonlySet<string> | undefined;

/**
 * The model ids in an example: the ids `npm run check` finds in it (its lexer: string literals of TypeScript, words of
 * shell), plus the value of any `model` field, so provider-native names (`gpt-5-mini`, which only the deprecated
 * surfaces take) are listed too.
 */
export function modelsIn(source: string, language: string): string[] {
  prefixes ??= idPrefixes();
  const found = new Set<string>();
  const pieces = language === "sh" ? [{ text: source, moduleSpecifier: false }] : jsStrings(source);
  for (const p of pieces) if (!p.moduleSpecifier) for (const c of idCandidates(p.text, prefixes)) found.add(c.id);
  for (const m of source.matchAll(MODEL_FIELD)) found.add(m[1]);
  // A file with both `workers-ai/@cf/x` and `@cf/x`: keep the longer form only.
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
    models: modelsIn(e.source, e.language),
    deprecated: e.source.includes("https://gateway.ai.cloudflare.com"),
    ...(SHOWS_FAILURE.test(e.source) ? { shows: "failure" as const } : {}),
  };
}

export function buildManifest(root = projectRoot()): Manifest {
  const out: Manifest = {};
  for (const e of listExamples(root)) out[e.id] = manifestEntry(e);
  return out;
}
