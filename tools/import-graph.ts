/**
 * The project's modules reachable from some entry files through relative imports (`import … from`, `export … from`,
 * side-effect `import "…"` and dynamic `import("…")`), each with its text and the bare specifiers (packages,
 * builtins) it names. Read from the source text with one pattern, no bundler: cheap enough for the check's start-up,
 * where it salts the facts cache, and the emulator's test that its core imports no Node module uses the same walk.
 * Files that are not JavaScript or TypeScript (JSON data) are part of the graph but not scanned.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

export type ModuleInfo = { text: string; bare: string[] };

const SPECIFIER = /\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g;
const SCANNED = /\.[cm]?[jt]sx?$/;

export function importGraph(entries: Iterable<string>): Map<string, ModuleInfo> {
  const graph = new Map<string, ModuleInfo>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (graph.has(file) || !existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    const specs = SCANNED.test(file) ? [...text.matchAll(SPECIFIER)].map((m) => m[1]) : [];
    graph.set(file, { text, bare: specs.filter((s) => !s.startsWith(".")) });
    for (const s of specs) if (s.startsWith(".")) queue.push(resolve(dirname(file), s));
  }
  return graph;
}
