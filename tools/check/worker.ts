/** Worker thread: parses a share of the files and posts their FileFacts back (see project.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFile } from "./parse.ts";
import type { FileKind } from "./types.ts";

const { root, files, prefixes } = workerData as { root: string; files: { path: string; kind: FileKind }[]; prefixes: string[] };
const set = new Set(prefixes);
parentPort!.postMessage(files.map((f) => parseFile(f.path, readFileSync(join(root, f.path), "utf8"), f.kind, set)));
