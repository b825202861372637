/**
 * TypeScriptExample and Example, rendered with the Astro Container API: every code block shows (and its copy button
 * copies) exactly the blocks src/lib/example-blocks.ts computes, titled by file name, with synced language tabs; a
 * missing example or region fails the render naming the page, the example and what exists instead.
 */
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { beforeAll, describe, expect, it } from "vitest";
import Example from "../../src/components/Example.astro";
import TypeScriptExample from "../../src/components/TypeScriptExample.astro";
import SampleCode from "../../src/components/SampleCode.astro";
import { Code } from "@astrojs/starlight/components";
import { exampleBlocks } from "../../src/lib/example-blocks.ts";

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/** What the copy buttons of some rendered HTML copy (expressive-code keeps it in `data-code`, newlines as U+007F). */
function copied(html: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
      .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .replace(/\u007f/g, "\n");
  return [...html.matchAll(/data-code="([^"]*)"/g)].map((m) => decode(m[1]));
}
const titles = (html: string) => [...html.matchAll(/<span class="title">([^<]*)<\/span>/g)].map((m) => m[1]);
const page = "tests/components/examples.test.ts";

describe("<TypeScriptExample>", () => {
  it("shows the TypeScript region and the same region of the generated JavaScript, as the copy buttons copy them", async () => {
    const html = await container.renderToString(TypeScriptExample, { props: { example: "chat-completions/tools-openai-sdk", region: "tools" } });
    const { blocks } = await exampleBlocks({ id: "chat-completions/tools-openai-sdk", region: "tools", page });
    expect(copied(html)).toEqual(blocks.map((b) => b.code));
    expect(blocks.map((b) => b.lang)).toEqual(["ts", "js"]);
    expect(blocks[1].code).not.toBe(blocks[0].code);
    expect(titles(html)).toEqual(["tools-openai-sdk.ts", "tools-openai-sdk.js"]);
    expect(html).toContain('data-sync-key="lang"');
    expect(html).toContain('data-region="tools"');
    expect(copied(html).join("\n")).not.toMatch(/#region|#endregion/);
  });

  it("shows the main region when none is named", async () => {
    const html = await container.renderToString(TypeScriptExample, { props: { example: "chat-completions/openai-sdk" } });
    const { blocks } = await exampleBlocks({ id: "chat-completions/openai-sdk", page });
    expect(html).toContain('data-region="main"');
    expect(copied(html)).toEqual(blocks.map((b) => b.code));
  });

  it("fails on a missing example, naming the page and the nearest example id", async () => {
    await expect(
      container.renderToString(TypeScriptExample, { props: { example: "chat-completions/openai-skd", region: "main" } }),
    ).rejects.toThrow(/example "chat-completions\/openai-skd" region "main": there is no example[^\n]*Did you mean: chat-completions\/openai-sdk/);
  });

  it("refuses a shell example, pointing at <Example>", async () => {
    await expect(container.renderToString(TypeScriptExample, { props: { example: "run/curl" } })).rejects.toThrow(
      /examples\/run\/curl\.sh is not TypeScript; use <Example example="run\/curl" \/>/,
    );
  });
});

describe("<Example>", () => {
  it("shows the shell region as written, titled by its file name", async () => {
    const html = await container.renderToString(Example, { props: { example: "chat-completions/curl" } });
    const { blocks } = await exampleBlocks({ id: "chat-completions/curl", page });
    expect(copied(html)).toEqual([blocks[0].code]);
    expect(titles(html)).toEqual(["curl.sh"]);
    expect(blocks[0].code).not.toMatch(/^#!|set -euo pipefail/m);
  });

  it("fails on a missing region, naming the example, the region and the regions it has", async () => {
    await expect(container.renderToString(Example, { props: { example: "run/curl", region: "setup" } })).rejects.toThrow(
      /example "run\/curl" region "setup": examples\/run\/curl\.sh has no region "setup"\. Its regions: main\./,
    );
  });
});

describe("<SampleCode> (the blocks of TypeScriptExample, Example and RecordedOutput)", () => {
  it("renders what Starlight's <Code> renders for the same props", async () => {
    const { blocks } = await exampleBlocks({ id: "chat-completions/openai-sdk", page });
    const props = { code: blocks[1].code, lang: blocks[1].lang, title: blocks[1].title, class: "astro-test" };
    const expected = await container.renderToString(Code, { props });
    expect(expected).toContain('class="expressive-code astro-test"');
    expect(await container.renderToString(SampleCode, { props })).toBe(expected);
  });

  it("repeats a block it rendered for another page as it was, and gives every page Expressive Code's stylesheet once", async () => {
    const stylesheets = (html: string) => html.match(/<link rel="stylesheet"/g)?.length ?? 0;
    const props = { example: "chat-completions/stream-openai-sdk" };
    // The JavaScript block (the page's second) is rendered on the first page and repeated on the second.
    const first = await container.renderToString(TypeScriptExample, { props });
    const second = await container.renderToString(TypeScriptExample, { props });
    expect(second).toBe(first);
    expect([stylesheets(first), stylesheets(second)]).toEqual([1, 1]);
    const { blocks } = await exampleBlocks({ id: props.example, page });
    expect(copied(second)).toEqual(blocks.map((b) => b.code));
  });
});
