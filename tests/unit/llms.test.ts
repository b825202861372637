import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { docsPages, llmsTexts, LlmsError, writeLlmsFilesInWorker, type DocsPage } from "../../src/lib/llms.ts";

// The markup Starlight 0.42 and Expressive Code write for a page (trimmed from a built page of this site): the title
// outside the content, the content in .sl-markdown-content right before the footer, headings with anchor links, a code
// block whose copy button holds the code (newlines as U+007F), tabs, asides and details.
const anchor = (id: string, text: string) =>
  `<a class="sl-anchor-link" href="#${id}"><span aria-hidden="true" class="sl-anchor-icon"><svg width="16" height="16"><path d="m12"></path></svg></span><span class="sr-only" data-pagefind-ignore>Section titled “${text}”</span></a>`;
const codeBlock = (title: string, lang: string, code: string) =>
  `<div class="expressive-code astro-4dzkwirr"><link rel="stylesheet" href="/_astro/ec.css"><script type="module" src="/_astro/ec.js"></script><figure class="frame has-title not-content"><figcaption class="header"><span class="title">${title}</span></figcaption><pre data-language="${lang}" class="wrap"><code><div class="ec-line"><div class="code"><span style="--0:#82AAFF">highlighted</span></div></div></code></pre><div class="copy"><div aria-live="polite"></div><button title="Copy to clipboard" data-copied="Copied!" data-code="${code
    .replaceAll("&", "&#x26;")
    .replaceAll('"', "&#x22;")
    .replaceAll("\n", "\u007f")}"><div></div></button></div></figure></div>`;
const content = [
  "<p>Send the <strong>token</strong> as <code dir=\"auto\">Authorization</code>; see <a href=\"/auth/\">auth</a>.</p>",
  `<div class="sl-heading-wrapper level-h2"><h2 id="request">Request</h2>${anchor("request", "Request")}</div>`,
  '<starlight-tabs data-sync-key="lang"><div class="tablist-wrapper not-content"><ul role="tablist"><li role="presentation" class="tab"><a role="tab" href="#tab-panel-0" id="tab-0" aria-selected="true" tabindex="0"><svg aria-hidden="true"><path d="M1"></path></svg>TypeScript</a></li><li role="presentation" class="tab"><a role="tab" href="#tab-panel-1" id="tab-1" aria-selected="false" tabindex="-1">JavaScript</a></li></ul></div>',
  `<div id="tab-panel-0" aria-labelledby="tab-0" role="tabpanel">${codeBlock("call.ts", "ts", 'const a: string = "x & y";\n\n\nconsole.log(a < "z");')}</div>`,
  `<div id="tab-panel-1" aria-labelledby="tab-1" role="tabpanel" hidden>${codeBlock("call.js", "js", 'const a = "x & y";\nconsole.log(a);')}</div></starlight-tabs>`,
  '<aside aria-label="Note" class="starlight-aside starlight-aside--note"><p class="starlight-aside__title" aria-hidden="true">Note</p><div class="starlight-aside__content"><p>A side note.</p></div></aside>',
  '<aside aria-label="Danger" class="starlight-aside starlight-aside--danger"><div class="starlight-aside__content"><p>Never   send the token\n   elsewhere.</p></div></aside>',
  "<details><summary>More</summary><p>Hidden detail.</p></details>",
  "<table tabindex=\"0\"><thead><tr><th>Header</th><th>When</th></tr></thead><tbody><tr><td><code dir=\"auto\">Authorization</code></td><td>always</td></tr></tbody></table>",
].join("\n");
const pageHtml = (body: string) =>
  `<!DOCTYPE html><html><head><meta name="description" content="d"></head><body><nav class="sidebar"><a href="/x/">X</a></nav><main><div class="content-panel"><div class="sl-container"><h1 id="_top">Auth</h1></div></div><div class="content-panel"><div class="sl-container"><div class="sl-markdown-content">\n${body}</div><footer class="sl-flex astro-ddtxxk7k"><div class="meta"></div><a href="/next/">Next</a></footer></div></div></main></body></html>`;

const page: DocsPage = { id: "auth", file: "src/content/docs/auth.mdx", route: "/auth/", title: "Auth", description: "How to authenticate." };
const opts = { projectName: "Docs", description: "About the docs.", details: "Details." };
const site = new URL("https://docs.example.com/");

describe("llms files from built pages", () => {
  const files = llmsTexts(opts, site, [page], () => pageHtml(content));
  const full = files["llms-full.txt"];
  const small = files["llms-small.txt"];

  it("llms-full.txt: a <SYSTEM> line, then each page's title, description and content as Markdown", () => {
    expect(full.startsWith("<SYSTEM>This is the full developer documentation for Docs</SYSTEM>\n\n# Auth\n\n> How to authenticate.\n\n")).toBe(true);
    expect(full).toContain("Send the **token** as `Authorization`; see [auth](/auth/).");
    expect(full).toContain("## Request");
    expect(full).toContain("| `Authorization` | always |");
    expect(full).toContain("Hidden detail.");
    expect(full).toContain("A side note.");
  });

  it("code blocks are the copy button's text exactly (blank lines, & and < included), after their title", () => {
    expect(full).toContain('call.ts\n\n  ```ts\n  const a: string = "x & y";\n\n\n  console.log(a < "z");\n  ```');
    expect(full).not.toContain("highlighted");
  });

  it("tabs become a list of label + panel; anchor links, scripts and page chrome are left out", () => {
    expect(full).toMatch(/\* TypeScript\n\n {2}call\.ts/);
    expect(full).toMatch(/\* JavaScript\n\n {2}call\.js/);
    expect(full).not.toContain("Section titled");
    expect(full).not.toContain("ec.js");
    expect(full).not.toContain("Next");
    expect(full).not.toContain("[X](/x/)");
  });

  it("llms-small.txt leaves out note asides and details, collapses prose whitespace and keeps code lines", () => {
    expect(small.startsWith("<SYSTEM>This is the abridged developer documentation for Docs</SYSTEM>")).toBe(true);
    expect(small).not.toContain("A side note.");
    expect(small).not.toContain("Hidden detail.");
    expect(small).toContain("Never send the token elsewhere.");
    expect(small).toContain('const a: string = "x & y";\n\n\n  console.log(a < "z");');
  });

  it("llms.txt links both files with absolute URLs and carries the description and details", () => {
    expect(files["llms.txt"]).toContain("# Docs\n\n> About the docs.\n\nDetails.\n\n## Documentation Sets");
    expect(files["llms.txt"]).toContain("- [Complete documentation](https://docs.example.com/llms-full.txt)");
    expect(files["llms.txt"]).toContain("- [Abridged documentation](https://docs.example.com/llms-small.txt)");
  });

  it("a built page without Starlight's content markup fails naming the page's source", () => {
    expect(() => llmsTexts(opts, site, [page], () => "<html><body><p>no content</p></body></html>")).toThrow(LlmsError);
    expect(() => llmsTexts(opts, site, [page], () => "<p>x</p>")).toThrow(/src\/content\/docs\/auth\.mdx: .*sl-markdown-content/);
  });
});

/** Writes a file under `root`, making its folders. */
const writeInto = (root: string) => (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

describe("docsPages", () => {
  it("lists published entries in starlight-llms-txt's order (index first), with hero title and tagline, drafts left out", () => {
    const root = mkdtempSync(join(tmpdir(), "llms-"));
    try {
      const write = writeInto(root);
      write("src/content/docs/index.mdx", "---\ntitle: Home\ndescription: D\nhero:\n  title: Big title\n  tagline: The tagline\n---\n");
      write("src/content/docs/b/page.mdx", "---\ntitle: B page\ndescription: About B\n---\n");
      write("src/content/docs/a.md", "---\ntitle: A\n---\n");
      write("src/content/docs/404.mdx", "---\ntitle: Not found\ndraft: true\n---\n");
      write("src/content/docs/moved.mdx", "---\ntitle: Moved\nslug: elsewhere/here\n---\n");
      expect(docsPages(root).map((p) => [p.id, p.route, p.title, p.description])).toEqual([
        ["index", "/", "Big title", "The tagline"],
        ["a", "/a/", "A", undefined],
        ["b/page", "/b/page/", "B page", "About B"],
        ["elsewhere/here", "/elsewhere/here/", "Moved", undefined],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("writeLlmsFilesInWorker (what a build runs)", () => {
  it("writes the three files into dist/ from the built pages, the same text as llmsTexts, and names a page it cannot read", async () => {
    const root = mkdtempSync(join(tmpdir(), "llms-"));
    try {
      const write = writeInto(root);
      write("src/content/docs/auth.mdx", "---\ntitle: Auth\ndescription: How to authenticate.\n---\n");
      write("dist/auth/index.html", pageHtml(content));
      const job = { ...opts, site: site.href, root, dist: join(root, "dist") };
      expect(await writeLlmsFilesInWorker(job)).toBe(1);
      const expected = llmsTexts(opts, site, [page], () => pageHtml(content));
      for (const name of ["llms.txt", "llms-full.txt", "llms-small.txt"]) expect(readFileSync(join(root, "dist", name), "utf8")).toBe(expected[name]);

      write("src/content/docs/new.mdx", "---\ntitle: New\n---\n");
      const failed = writeLlmsFilesInWorker(job);
      await expect(failed).rejects.toThrow(LlmsError);
      await expect(failed).rejects.toThrow("src/content/docs/new.mdx: the build made no new/index.html for it");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
