/** Test helpers for the check: parse a snippet, or build a small site in a temp dir and load it. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { afterAll } from "vitest";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseFile } from "../../../tools/check/parse.ts";
import { idPrefixes, loadProject, type Project } from "../../../tools/check/project.ts";
import type { FileKind } from "../../../tools/check/types.ts";

export const prefixes = idPrefixes();

export function facts(text: string, path = "src/content/docs/start/page.mdx", kind: FileKind = "page") {
  return parseFile(path, text, kind, prefixes);
}

export const page = (body: string, frontmatter = "title: T\ndescription: D") => `---\n${frontmatter}\n---\n\n${body}\n`;

const made: string[] = [];
// Remove the temp trees a test file made once it is done.
afterAll(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

export function writeTree(files: Record<string, string>, root = mkdtempSync(join(tmpdir(), "check-"))): string {
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export async function project(files: Record<string, string>): Promise<Project> {
  return loadProject(writeTree(files), { parallel: false });
}

/** `path:line rule/code` of each finding, for compact assertions. */
export const where = (fs: { path: string; line: number; rule: string; code: string }[]) =>
  fs.map((f) => `${f.path}:${f.line} ${f.rule}/${f.code}`);
