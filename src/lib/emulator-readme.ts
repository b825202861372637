/**
 * The sections of emulator/README.md the site shows on /emulator/ (what the emulator serves, what it assumes, what it
 * does not emulate), rendered from the README itself so the page and the README never disagree.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./examples.ts";
import { toHtml } from "hast-util-to-html";
import { toHast } from "mdast-util-to-hast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";


export type ReadmeSection = { slug: string; title: string; html: string };

/** `## Heading` sections of the README whose heading starts with one of `wanted` (matched in that order). */
export function emulatorSections(wanted: { startsWith: string; slug: string; title: string }[], text = readFileSync(join(projectRoot(), "emulator", "README.md"), "utf8")): ReadmeSection[] {
  const parts = text.split(/^## /m).slice(1);
  return wanted.map((w) => {
    const part = parts.find((p) => p.startsWith(w.startsWith));
    if (!part) throw new Error(`emulator/README.md: no "## ${w.startsWith}…" section, which /emulator/ shows; rename it back or update src/pages/emulator.astro`);
    const body = part.slice(part.indexOf("\n") + 1);
    const tree = unified().use(remarkParse).use(remarkGfm).runSync(unified().use(remarkParse).use(remarkGfm).parse(body));
    return { slug: w.slug, title: w.title, html: toHtml(toHast(tree as never)) };
  });
}
