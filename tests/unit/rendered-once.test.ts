import { describe, expect, it } from "vitest";
import { firstOnPage, remember, rememberedHtml } from "../../src/lib/rendered-once.ts";

const later = <T,>(value: T) => new Promise<T>((ok) => setTimeout(() => ok(value), 5));

describe("remember / rememberedHtml (a code block highlighted once per build)", () => {
  it("gives the first rendering kept under a key, also to a use that asks while it still renders", async () => {
    expect(await rememberedHtml("test:a")).toBeUndefined();
    remember("test:a", later("<a>"));
    remember("test:a", later("<other>"));
    const asked = rememberedHtml("test:a");
    remember("test:b", later("<b>"));
    expect([await asked, await rememberedHtml("test:a"), await rememberedHtml("test:b")]).toEqual(["<a>", "<a>", "<b>"]);
  });

  it("keeps nothing that `keep` refuses, nor a failed rendering: the next use renders again", async () => {
    remember("test:page-assets", later('<link rel="stylesheet" href="/ec.css"><pre></pre>'), (html) => !html.includes("<link"));
    expect(await rememberedHtml("test:page-assets")).toBeUndefined();
    remember("test:page-assets", later("<pre></pre>"));
    expect(await rememberedHtml("test:page-assets")).toBe("<pre></pre>");

    remember("test:fails", Promise.reject(new Error("no such language")));
    expect(await rememberedHtml("test:fails")).toBeUndefined();
  });

  it("firstOnPage is true once per page", () => {
    const [page1, page2] = [new Request("https://x.example/1/"), new Request("https://x.example/2/")];
    expect([firstOnPage(page1), firstOnPage(page1), firstOnPage(page2), firstOnPage(page1)]).toEqual([true, false, true, false]);
  });
});
