/**
 * Reads code samples from examples/ for the site (TypeScriptExample, Example), the manifest and the tests.
 * An example is one file, `examples/<topic>/<name>.<ext>`; its id is the path without the extension. Named regions
 * (`// #region name` … `// #endregion`, `# #region name` in shell) pick the lines a page shows; region markers never
 * appear in what is shown.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { basename, join, relative } from "node:path";
import { nearest } from "../../tools/check/routes.ts";

/** File extensions that are examples, with the language expressive-code should highlight them as. */
export const EXAMPLE_LANGUAGES: Record<string, string> = { ts: "ts", sh: "sh" };

/** Folders under examples/ that hold tooling, not examples. */
const NOT_EXAMPLES = new Set(["harness", "test", "node_modules", ".cache"]);

export class ExampleError extends Error {}

/** The region a page shows when it names none (if the file has it). */
export const DEFAULT_REGION = "main";

export type ExampleFile = {
  id: string;
  /** Path relative to the project root, e.g. `examples/chat-completions/curl.sh`. */
  file: string;
  /** The extension: "ts" | "sh". */
  language: string;
  source: string;
};

/** The project root: the nearest folder above the working directory that has examples/. */
export function projectRoot(start = process.cwd()): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "examples", "package.json"))) return dir;
    const up = join(dir, "..");
    if (up === dir) throw new ExampleError(`No examples/ folder found above ${start}`);
    dir = up;
  }
}

/**
 * File texts already read, by path, with the mtime and size they were read at: a build shows each example on many
 * pages, so each file is read once; `astro dev` still sees an edited file at once (its mtime changes).
 */
const sources = new Map<string, { mtimeMs: number; size: number; text: string }>();

function readSource(path: string, stat: Stats): string {
  const hit = sources.get(path);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.text;
  const text = readFileSync(path, "utf8");
  sources.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, text });
  return text;
}

/** Every example id under examples/, sorted. */
export function listExamples(root = projectRoot()): ExampleFile[] {
  const out: ExampleFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) {
        if (!NOT_EXAMPLES.has(name) && !name.startsWith(".")) walk(path);
        continue;
      }
      const ext = name.slice(name.lastIndexOf(".") + 1);
      if (!(ext in EXAMPLE_LANGUAGES) || dir === join(root, "examples")) continue;
      const file = relative(root, path);
      out.push({ id: file.slice("examples/".length, -(ext.length + 1)), file, language: ext, source: readSource(path, stat) });
    }
  };
  walk(join(root, "examples"));
  const seen = new Map<string, string>();
  for (const e of out) {
    if (seen.has(e.id)) throw new ExampleError(`Example id "${e.id}" is used by two files: ${seen.get(e.id)} and ${e.file}`);
    seen.set(e.id, e.file);
  }
  return out;
}

const REGION_START = /^\s*(?:\/\/|#)\s*#region\s+(\S+)\s*$/;
const REGION_END = /^\s*(?:\/\/|#)\s*#endregion\b.*$/;

/** Names of the regions in a source text, in order. */
export function regionNames(source: string): string[] {
  return source
    .split("\n")
    .map((line) => REGION_START.exec(line)?.[1])
    .filter((name): name is string => !!name);
}

/**
 * The text of region `region` (or the whole source if `region` is undefined): region markers removed (its own and
 * nested ones), common indentation removed, leading/trailing blank lines trimmed. Returns undefined when there is no
 * such region. Throws on an unclosed region.
 */
export function extractRegion(source: string, region?: string): string | undefined {
  const lines = source.replace(/\r\n/g, "\n").split("\n");
  let picked: string[];
  if (region === undefined) {
    picked = lines;
  } else {
    const start = lines.findIndex((line) => REGION_START.exec(line)?.[1] === region);
    if (start === -1) return undefined;
    let depth = 0;
    let end = -1;
    for (let i = start + 1; i < lines.length; i++) {
      if (REGION_START.test(lines[i])) depth++;
      else if (REGION_END.test(lines[i])) {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      }
    }
    if (end === -1) throw new ExampleError(`region "${region}" has no matching #endregion`);
    picked = lines.slice(start + 1, end);
  }
  picked = picked.filter((line) => !REGION_START.test(line) && !REGION_END.test(line));
  while (picked.length && picked[0].trim() === "") picked.shift();
  while (picked.length && picked[picked.length - 1].trim() === "") picked.pop();
  return dedent(picked).join("\n");
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => (l.trim() === "" ? "" : l.slice(cut)));
}

/**
 * The page rendering a component, for error messages: the Starlight entry's file path, or the URL path when the
 * component renders outside a Starlight page (starlight-llms-txt renders pages' content that way, and there
 * `locals.starlightRoute` throws on access).
 */
export function pageOf(astro: { locals: unknown; url: URL }): string {
  try {
    const route = (astro.locals as { starlightRoute?: { entry?: { filePath?: string } } }).starlightRoute;
    if (route?.entry?.filePath) return route.entry.filePath;
  } catch {
    // not a Starlight page
  }
  return astro.url.pathname;
}

/**
 * "Did you mean" for an example id: the near miss `npm run check` suggests for the same id (one matcher for both), or
 * else the examples with the same file name in other folders (`openai-sdk` → `chat-completions/openai-sdk`, …).
 */
export function closeIds(id: string, ids: readonly string[]): string[] {
  const near = nearest(id, ids);
  return near ? [near] : ids.filter((candidate) => basename(candidate) === basename(id));
}

export type ShownExample = {
  id: string;
  file: string;
  language: string;
  /** The region shown (undefined: the whole file). */
  region?: string;
  /** The file name shown as the code block's title, e.g. `openai-sdk.ts`. */
  title: string;
  /** Exactly the text the page shows and the copy button copies. */
  code: string;
  /** The whole file (for turning TypeScript into JavaScript before the region is cut out). */
  source: string;
};

/**
 * Looks up example `id` and cuts out `region`. Every error names the page that asked, the example id and the region,
 * and lists what exists instead, so a broken reference fails the build with a message that says how to fix it.
 */
export function getExample(opts: { id: string; region?: string; page: string; root?: string }): ShownExample {
  const { id, page } = opts;
  const all = listExamples(opts.root);
  // Without region=, a page shows the `main` region if the file has one (shell examples keep their shebang and
  // `set -euo pipefail` outside it: lines not to paste into an interactive shell), else the whole file.
  const region = opts.region ?? (all.find((e) => e.id === id && regionNames(e.source).includes(DEFAULT_REGION)) ? DEFAULT_REGION : undefined);
  const where = `${page}: example "${id}" ${region ? `region "${region}"` : "(no region given)"}`;
  const found = all.find((e) => e.id === id);
  if (!found) {
    const close = closeIds(id, all.map((e) => e.id));
    throw new ExampleError(
      `${where}: there is no example "${id}" (no file examples/${id}.{${Object.keys(EXAMPLE_LANGUAGES).join(",")}}).` +
        (close.length ? ` Did you mean: ${close.join(", ")}?` : "") +
        ` Example ids are paths under examples/ without the extension.`,
    );
  }
  let code: string | undefined;
  try {
    code = extractRegion(found.source, region);
  } catch (error) {
    throw new ExampleError(`${where}: ${found.file}: ${(error as Error).message}`);
  }
  if (code === undefined) {
    const names = regionNames(found.source);
    throw new ExampleError(
      `${where}: ${found.file} has no region "${region}". ` +
        (names.length ? `Its regions: ${names.join(", ")}.` : `It has no regions; leave out region= to show the whole file.`),
    );
  }
  return { id, file: found.file, language: found.language, region, title: basename(found.file), code, source: found.source };
}
