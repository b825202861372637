/**
 * The style rule leaves a remark-lint rule out for a tree that holds no node the rule can report on (rules/style.ts,
 * GATES). These tests hold the gated path (parseFile → lintTree) to the ungated one (`linter`, every rule on every
 * tree): the same remark-lint findings, in the same order, on pages written to trip each gated rule, on near misses,
 * and on every page and partial of this site and of the check's fixtures.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { mdParser, parser } from "../../../tools/check/mdx.ts";
import { linter } from "../../../tools/check/rules/style.ts";
import { facts, page } from "./helpers.ts";

/** `line:column ruleId message` of every remark-lint message when every rule runs. */
function ungated(text: string, path: string): string[] {
  const file = new VFile({ path, value: text });
  const tree = (path.endsWith(".md") ? mdParser : parser).parse(file);
  file.data.frontmatter = {};
  file.data.kind = "page";
  linter.runSync(tree as never, file);
  return file.messages
    .filter((m) => m.source === "remark-lint")
    .map((m) => `${m.line ?? 1}:${m.column ?? 1} remark-lint/${m.ruleId} ${m.reason}`);
}

/** The same, as the check reports it (gated). */
function gated(text: string, path: string): string[] {
  return facts(text, path)
    .findings.filter((f) => f.code.startsWith("remark-lint/"))
    .map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`);
}

/** Pages that trip each gated rule, and near misses. */
const TRIPS: Record<string, string> = {
  "list-item-indent": "-   wide item\n-   another\n",
  "ordered-list-marker-style": "1) one\n2) two\n",
  "ordered list, right marker (near miss)": "1. one\n2. two\n",
  "no-blockquote-without-marker": "> quoted\nlazy line\n",
  // Only GFM autolink literals trip no-literal-urls, and the check's parser has no GFM: links whose text is their URL.
  "no-literal-urls (near miss)": "See [https://example.com](https://example.com) and [example.com](http://example.com).\n",
  "hard-break-spaces": "line one   \nline two\n",
  "no-duplicate-definitions": "[a]: https://example.com/1\n[a]: https://example.com/2\n\nSee [a].\n",
  "no-unused-definitions": "[unused]: https://example.com\n",
  "no-shortcut-reference-image": "![logo]\n\n[logo]: https://example.com/logo.png\n",
  "no-shortcut-reference-link": "[docs]\n\n[docs]: https://example.com\n",
  "no-undefined-references": "See [nowhere][missing] and [also missing].\n",
  "brackets only in code (near miss)": "`[not a reference]` and\n\n```\n[nor this]\n```\n",
  "no-heading-content-indent": "#   Spaced heading\n",
  "closing hashes after spaces (the preset reports none here)": "## Closed heading   ##\n",
  "headings with one space (near miss)": "## Closed heading ##\n\n### Open heading\n\nSetext\n======\n",
  "list-item-indent, tab and checkbox": "*\tone\n* [ ]  two\n1.  three\n",
  "list items with one space (near miss)": "- one\n- [x] two\n  - nested\n1. three\n",
  "an empty list item": "-\n- two\n-\n  three\n",
  "lint comments": "{/* lint disable ordered-list-marker-style */}\n\n1) one\n2) two\n\n[undefined ref]\n",
  "lint ignore, MDX": "<Aside>\n\n{/* lint ignore no-undefined-references */}\nSee [nothing].\n\n</Aside>\n",
  "inside JSX and directives": "<Tabs>\n<TabItem label=\"a\">\n\n1) one\n\n> q\nlazy\n\n</TabItem>\n</Tabs>\n\n:::note[Title]\n-   item\n:::\n",
};

describe("style: gated remark-lint rules report what the full preset reports", () => {
  for (const [name, body] of Object.entries(TRIPS)) {
    it(name, () => {
      const text = page(body);
      const path = "src/content/docs/start/page.mdx";
      expect(gated(text, path)).toEqual(ungated(text, path));
    });
  }

  it("the trips do trip every gated rule (so the comparison above is not empty)", () => {
    const seen = new Set(
      Object.values(TRIPS).flatMap((body) =>
        ungated(page(body), "src/content/docs/start/page.mdx").map((m) => m.split(" ")[1]),
      ),
    );
    for (const rule of [
      "list-item-indent",
      "ordered-list-marker-style",
      "no-blockquote-without-marker",
      "hard-break-spaces",
      "no-duplicate-definitions",
      "no-unused-definitions",
      "no-shortcut-reference-image",
      "no-shortcut-reference-link",
      "no-undefined-references",
      "no-heading-content-indent",
    ])
      expect(seen, rule).toContain(`remark-lint/${rule}`);
  });

  it("every page and partial of this site and of the fixtures", () => {
    const repo = join(import.meta.dirname, "../../..");
    const dirs = ["src/content/docs", "partials", "tests/fixtures/check"].map((d) => join(repo, d));
    const files = dirs.flatMap((d) =>
      readdirSync(d, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
        .map((e) => relative(repo, join(e.parentPath, e.name))),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const text = readFileSync(join(repo, f), "utf8");
      expect(gated(text, f), f).toEqual(ungated(text, f));
    }
  });
});
