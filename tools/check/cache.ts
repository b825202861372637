/**
 * A content-addressed cache of FileFacts in `<root>/.cache/check/facts.json` (.cache/ is git-ignored). A file is
 * parsed again when its path or text changes; the whole cache is dropped when the check's own code (and every
 * project module it imports), the catalog's id prefixes or the installed packages (package-lock.json) change. `--no-cache` bypasses it.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { importGraph } from "../import-graph.ts";
import type { FileFacts } from "./types.ts";

const TOOL_DIR = import.meta.dirname;
const REPO = join(TOOL_DIR, "../..");

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

/**
 * The project's own modules the check loads, by path from the repo root, with their text: every file of tools/check
 * and, transitively, each file a relative import of one of them names (the examples harness, the catalog and its
 * generated data, src/lib). Followed from the source text, so a module the check starts to import is part of the salt
 * without a list to keep.
 */
export function checkModules(): Map<string, string> {
  const entries = readdirSync(TOOL_DIR, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(TOOL_DIR, f));
  const graph = [...importGraph(entries)].map(([file, { text }]) => [relative(REPO, file), text] as const);
  return new Map(graph.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Changes whenever anything that shapes FileFacts changes: the check's modules, the installed packages, the prefixes. */
export function cacheSalt(prefixes: Iterable<string>): string {
  const h = createHash("sha1");
  for (const [f, text] of checkModules()) h.update(f).update(text);
  const lock = join(REPO, "package-lock.json");
  if (existsSync(lock)) h.update(readFileSync(lock));
  h.update([...prefixes].sort().join(","));
  return h.digest("hex");
}

export type FactsCache = {
  get(path: string, text: string): FileFacts | undefined;
  set(path: string, text: string, f: FileFacts): void;
  save(): void;
};

export function openCache(root: string, salt: string): FactsCache {
  const file = join(root, ".cache/check/facts.json");
  let old: Record<string, FileFacts> = {};
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as { salt: string; entries: Record<string, FileFacts> };
    if (data.salt === salt) old = data.entries;
  } catch {
    // no cache yet, or unreadable: start empty
  }
  const fresh: Record<string, FileFacts> = {};
  let dirty = false;
  const key = (path: string, text: string) => sha1(`${path}\0${text}`);
  return {
    get(path, text) {
      const k = key(path, text);
      const hit = old[k];
      if (hit) fresh[k] = hit;
      return hit;
    },
    set(path, text, f) {
      fresh[key(path, text)] = f;
      dirty = true;
    },
    save() {
      if (!dirty && Object.keys(fresh).length === Object.keys(old).length) return;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(`${file}.tmp`, JSON.stringify({ salt, entries: fresh }));
        renameSync(`${file}.tmp`, file);
      } catch {
        // a read-only checkout still gets a correct (uncached) result
      }
    },
  };
}
