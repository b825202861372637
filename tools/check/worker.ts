/** Worker thread: parses a share of the files and posts their FileFacts back (see project.ts). */
import module from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FileKind } from "./types.ts";

module.enableCompileCache?.();
const { parseFile } = await import("./parse.ts");

const { root, files, prefixes } = workerData as {
  root: string;
  files: { path: string; kind: FileKind }[];
  prefixes: string[];
};
const set = new Set(prefixes);
parentPort!.postMessage(files.map((f) => parseFile(f.path, readFileSync(join(root, f.path), "utf8"), f.kind, set)));
