/**
 * The one loader of the site's page and partial facts: finds the files under a root, parses each once (in worker
 * threads when there are many), and derives what the check's rules, `npm run partials`, the browser tests and the
 * benchmark share: each page's route, the routes of the site, which partials each page renders (directly, through
 * other partials, or through site components such as AuthHeaders), the anchors of each route, and redirects.json.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { slug } from "github-slugger";
import { models, modelPath } from "../../catalog/index.ts";
import { LineIndex } from "./text.ts";
import type { FileFacts, FileKind, ManifestEntry } from "./types.ts";

export const DOCS_DIR = "src/content/docs";

/** Gateway provider slugs that are not also model authors (the deprecated surfaces' id prefixes). */
const PROVIDER_SLUGS = [
  "workers-ai",
  "google-ai-studio",
  "google-vertex-ai",
  "grok",
  "openrouter",
  "azure-openai",
  "aws-bedrock",
  "perplexity-ai",
  "huggingface",
  "cerebras",
  "replicate",
  "mistral",
  "cohere",
];

/** First segments that make `x/y` a model-id candidate: catalog authors, alias prefixes, provider slugs. */
export function idPrefixes(): Set<string> {
  const set = new Set<string>(PROVIDER_SLUGS);
  set.add("groq");
  for (const m of models) {
    set.add(m.author);
    const first = m.id.replace(/^@cf\//, "").split("/")[0];
    set.add(first);
    for (const a of m.aliases) set.add(a.id.split("/")[0]);
  }
  return set;
}


/** A docs page: its facts and the route Starlight gives it. */
export type PageFacts = FileFacts & { route: string };

/** A partial's id, as `<Render file="…">` names it: `partials/auth/rest-api.mdx` → `auth/rest-api`. */
export const partialId = (f: { path: string }) => f.path.replace(/^partials\//, "").replace(/\.mdx?$/, "");

/** A `<Render file="…">` call written inside a site component (`src/components/*.astro`). */
export type ComponentRender = { file: string; path: string; line: number; column: number };

export type Project = {
  root: string;
  pages: PageFacts[];
  partials: FileFacts[];
  examples: FileFacts[];
  /** URL path → the page file that makes it (generated routes map to a description). */
  routes: Map<string, string>;
  /** Anchors per route (only routes built from a page we parsed). */
  anchors: Map<string, Set<string>>;
  /** Example id → what the examples harness knows about it (regions, deprecated, …), computed from the files. */
  exampleIndex: Map<string, ManifestEntry>;
  redirectsText: string | null;
  fileCount: number;
  /** How many threads parsed the files that were not cached: the main thread plus the workers that answered. */
  threads: number;
  /** `<Render file="…">` calls inside site components (`src/components/*.astro`), by component name. */
  componentRenders: Map<string, ComponentRender[]>;
  /** Page path → the ids of every partial it renders, directly or through partials and components (first seen first). */
  partialsOf: Map<string, string[]>;
  /** Partial id → the page paths that render it (every partial has an entry; sorted). */
  pagesRendering: Map<string, string[]>;
  /** Partials (paths) rendered only inside deprecation contexts: they inherit that context. */
  deprecatedPartials: Set<string>;
};

/** Files under `root/dir` (recursive, no node_modules) whose name matches, as root-relative paths with `/`. */
function files(root: string, dir: string, name: RegExp): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && name.test(d.name) && !d.parentPath.includes("node_modules"))
    .map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join("/"))
    .sort();
}

/** `start/overview.mdx` → `/start/overview/`; `index.mdx` → `/`; a frontmatter `slug` wins. */
export function pageRoute(relToDocs: string, frontmatterSlug?: unknown): string {
  if (typeof frontmatterSlug === "string")
    return frontmatterSlug === "" || frontmatterSlug === "/" ? "/" : `/${frontmatterSlug.replace(/^\/|\/$/g, "")}/`;
  const segs = relToDocs
    .replace(/\.mdx?$/, "")
    .split("/")
    .map((s) => slug(s));
  if (segs[segs.length - 1] === "index") segs.pop();
  return segs.length ? `/${segs.join("/")}/` : "/";
}

export async function loadProject(
  root: string,
  opts: { dist?: string; parallel?: boolean; cache?: boolean } = {},
): Promise<Project> {
  const pageFiles = files(root, DOCS_DIR, /\.mdx?$/);
  const partialFiles = files(root, "partials", /\.mdx?$/);
  // Examples are examples/<topic>/<name>.ts|.sh; the harness, tests and scripts are not shown to readers.
  const exampleFiles = files(root, "examples", /\.(ts|sh)$/).filter(
    (f) => f.split("/").length === 3 && !/^examples\/(node_modules|test|harness|scripts)\//.test(f),
  );
  const pageFiles2 = files(root, "src/pages", /\.(astro|ts|js|md|mdx)$/);
  const publicFiles = files(root, "public", /./);
  const jobs: { path: string; kind: FileKind }[] = [
    ...pageFiles.sort().map((path) => ({ path, kind: "page" as const })),
    ...partialFiles.sort().map((path) => ({ path, kind: "partial" as const })),
    ...exampleFiles.sort().map((path) => ({ path, kind: "example" as const })),
  ];
  const prefixes = idPrefixes();
  // One thread unless CHECK_THREADS asks for more (and there are enough files to share). Each worker loads the
  // markdown stack and warms up its JIT again: on 1,000 pages a second thread cost 0.9–1.7 s more CPU and, on a
  // shared machine, did not shorten wall time (tools/check/README.md, Speed).
  const wanted = (opts.parallel ?? true) && jobs.length >= 150 ? Math.max(1, Number(process.env.CHECK_THREADS) || 1) : 1;
  const { facts, threads } = await parseCached(root, jobs, prefixes, wanted, opts.cache ?? false);

  const routes = new Map<string, string>();
  const anchors = new Map<string, Set<string>>();
  const pages: PageFacts[] = facts
    .filter((f) => f.kind === "page")
    .map((f) => ({ ...f, route: pageRoute(f.path.slice(DOCS_DIR.length + 1), f.frontmatter?.slug) }));
  const partials = facts.filter((f) => f.kind === "partial");
  const examples = facts.filter((f) => f.kind === "example");
  for (const p of pages) routes.set(p.route, p.path);
  // Generated routes (src/pages): the model catalog and the deprecations index.
  routes.set("/models/", "generated: model catalog");
  for (const m of models) routes.set(modelPath(m.id), `generated: model page of ${m.id}`);
  routes.set("/deprecations/", "generated: deprecations index");
  for (const f of pageFiles2) {
    if (f.includes("[")) continue;
    let r = f.slice("src/pages".length).replace(/\.(astro|md|mdx|ts|js)$/, "");
    if (/\.[a-z]+$/.test(r))
      routes.set(r, f); // endpoints such as llms.txt.ts
    else routes.set(r.replace(/\/index$/, "").replace(/\/?$/, "/"), f);
  }
  for (const f of publicFiles) routes.set(f.slice("public".length), f);
  const config = ["astro.config.mjs", "astro.config.ts"].map((f) => join(root, f)).find(existsSync);
  if (config && readFileSync(config, "utf8").includes("starlight-llms-txt")) {
    for (const r of ["/llms.txt", "/llms-full.txt", "/llms-small.txt"]) routes.set(r, "generated: starlight-llms-txt");
  }
  if (opts.dist) {
    for (const f of files(opts.dist, ".", /^index\.html$/))
      routes.set(`/${f.replace(/^\.\//, "").replace(/index\.html$/, "")}`, `built: ${f}`);
  }
  // Components that render partials themselves (e.g. AuthHeaders renders one partial per tab).
  const componentRenders: Project["componentRenders"] = new Map();
  for (const f of files(root, "src/components", /\.astro$/)) {
    const text = readFileSync(join(root, f), "utf8");
    if (!text.includes("<Render")) continue;
    const lines = new LineIndex(text);
    // Only the template counts (after the `---` script fence): a `<Render …>` in a doc comment is not a call.
    const template = /^---\n[\s\S]*?\n---\n/.exec(text)?.[0].length ?? 0;
    const calls: ComponentRender[] = [...text.slice(template).matchAll(/<Render\b[^>]*?\bfile=["']([^"']+)["']/g)].map((m) => ({
      file: m[1],
      path: f,
      ...lines.pos(template + m.index),
    }));
    if (calls.length) componentRenders.set(f.replace(/^.*\//, "").replace(/\.astro$/, ""), calls);
  }

  const partialById = new Map(partials.map((p) => [partialId(p), p]));
  const partialsOf = new Map<string, string[]>();
  const pagesRendering = new Map<string, string[]>(partials.map((p) => [partialId(p), []]));
  for (const p of pages) {
    const reached = reachablePartials(p, partialById, componentRenders);
    partialsOf.set(p.path, reached);
    for (const id of reached) pagesRendering.get(id)?.push(p.path);
    // Headings of rendered partials are part of the page.
    anchors.set(p.route, new Set(["_top", ...p.anchors, ...reached.flatMap((id) => partialById.get(id)?.anchors ?? [])]));
  }

  // A partial is in a deprecation context when every <Render> of it is (directly, or via such a partial).
  const deprecatedPartials = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const part of partials) {
      if (deprecatedPartials.has(part.path) || part.deprecatedPage) continue;
      const id = partialId(part);
      const uses = [...pages, ...partials].flatMap((f) =>
        f.renders
          .filter((r) => r.file === id)
          .map((r) => r.deprecatedContext || f.deprecatedPage || deprecatedPartials.has(f.path)),
      );
      if (uses.length && uses.every(Boolean)) {
        deprecatedPartials.add(part.path);
        changed = true;
      }
    }
  }

  const redirectsPath = join(root, "redirects.json");
  return {
    root,
    pages,
    partials,
    examples,
    routes,
    anchors,
    exampleIndex: new Map(examples.flatMap((f) => (f.example ? [[f.path.replace(/^examples\//, "").replace(/\.\w+$/, ""), f.example]] : []))),
    redirectsText: existsSync(redirectsPath) ? readFileSync(redirectsPath, "utf8") : null,
    fileCount: jobs.length,
    threads,
    deprecatedPartials,
    componentRenders,
    partialsOf,
    pagesRendering,
  };
}

/** The partial ids a file renders itself: its own `<Render>` calls and those inside the site components it uses. */
export function directPartials(f: FileFacts, componentRenders: Project["componentRenders"]): string[] {
  return [...f.renders, ...f.componentUses.flatMap((c) => componentRenders.get(c.name) ?? [])].map((r) => r.file);
}

/** Every partial a file renders, directly or through other partials and components, in the order first reached. */
function reachablePartials(
  f: FileFacts,
  partialById: Map<string, FileFacts>,
  componentRenders: Project["componentRenders"],
): string[] {
  const seen = new Set<string>();
  const visit = (from: FileFacts) => {
    for (const id of directPartials(from, componentRenders)) {
      const part = partialById.get(id);
      if (!part || seen.has(id)) continue;
      seen.add(id);
      visit(part);
    }
  };
  visit(f);
  return [...seen];
}

type Parsed = { facts: FileFacts[]; threads: number };

/** Reuses cached facts for unchanged files and parses the rest. */
async function parseCached(
  root: string,
  jobs: { path: string; kind: FileKind }[],
  prefixes: Set<string>,
  threads: number,
  useCache: boolean,
): Promise<Parsed> {
  if (!useCache) return parseAll(root, jobs, prefixes, threads);
  const { cacheSalt, openCache } = await import("./cache.ts");
  const cache = openCache(root, cacheSalt(prefixes));
  const texts = new Map(jobs.map((j) => [j.path, readFileSync(join(root, j.path), "utf8")]));
  const hits = new Map<string, FileFacts>();
  for (const j of jobs) {
    const hit = cache.get(j.path, texts.get(j.path)!);
    if (hit) hits.set(j.path, hit);
  }
  const misses = jobs.filter((j) => !hits.has(j.path));
  const parsed = await parseAll(root, misses, prefixes, threads);
  parsed.facts.forEach((f) => {
    cache.set(f.path, texts.get(f.path)!, f);
    hits.set(f.path, f);
  });
  cache.save();
  return { facts: jobs.map((j) => hits.get(j.path)!), threads: parsed.threads };
}

/** Parses the files over `threads` threads: the main thread and `threads - 1` workers. */
async function parseAll(
  root: string,
  jobs: { path: string; kind: FileKind }[],
  prefixes: Set<string>,
  threads: number,
): Promise<Parsed> {
  if (!jobs.length) return { facts: [], threads: 1 };
  // Loaded only when something must be parsed: a fully cached run never loads the markdown stack.
  const { parseFile } = await import("./parse.ts");
  if (threads <= 1)
    return { facts: jobs.map((j) => parseFile(j.path, readFileSync(join(root, j.path), "utf8"), j.kind, prefixes)), threads: 1 };
  // Deal files round-robin so each share has a similar mix; the main thread parses share 0 while workers run.
  const { Worker } = await import("node:worker_threads");
  const shares: { path: string; kind: FileKind }[][] = Array.from({ length: threads }, () => []);
  jobs.forEach((j, i) => shares[i % threads].push(j));
  const pending = shares.slice(1).map(
    (files) =>
      new Promise<FileFacts[]>((resolve, reject) => {
        const w = new Worker(new URL("./worker.ts", import.meta.url), {
          workerData: { root, files, prefixes: [...prefixes] },
        });
        w.once("message", (m) => {
          resolve(m);
          void w.terminate();
        });
        w.once("error", reject);
      }),
  );
  const mine = shares[0].map((j) => parseFile(j.path, readFileSync(join(root, j.path), "utf8"), j.kind, prefixes));
  const theirs = await Promise.all(pending);
  const byPath = new Map([...mine, ...theirs.flat()].map((f) => [f.path, f]));
  return { facts: jobs.map((j) => byPath.get(j.path)!), threads: 1 + theirs.length };
}
