import { describe, expect, it } from "vitest";
import { checkDeprecations, deprecationsOf, docPath, unbackedDates } from "../../src/lib/deprecations.ts";

describe("deprecation frontmatter", () => {
  const exists = (p: string) => ["/", "/start/overview/", "/models/"].includes(p);
  it("normalises one or several deprecations to a list", () => {
    const one = { since: "2026-01-01", replacement: "/start/overview/", kind: "page" as const };
    expect(deprecationsOf({})).toEqual([]);
    expect(deprecationsOf({ deprecated: one })).toEqual([one]);
    expect(deprecationsOf({ deprecated: [one, one] })).toHaveLength(2);
    expect(docPath("index")).toBe("/");
    expect(docPath("start/overview")).toBe("/start/overview/");
  });
  it("accepts site pages (with #anchors) and external replacements", () => {
    expect(checkDeprecations("a.mdx", [{ replacement: "/start/overview/#x", kind: "page" }], exists)).toEqual([]);
    expect(checkDeprecations("a.mdx", [{ since: "2026-01-01", source: "a changelog", replacement: "https://developers.cloudflare.com/", kind: "page" }], exists)).toEqual([]);
  });
  it("names the page when a replacement is not a page, or the sunset precedes the deprecation", () => {
    expect(checkDeprecations("src/content/docs/m/a.mdx", [{ since: "2026-05-01", sunset: "2026-01-01", source: "a changelog", replacement: "/gone/", kind: "header" }], exists)).toEqual([
      `src/content/docs/m/a.mdx: deprecated.replacement "/gone/" is not a page of this site`,
      "src/content/docs/m/a.mdx: deprecated.sunset 2026-01-01 is before deprecated.since 2026-05-01",
    ]);
  });
  it("rejects a date that no source backs, naming the field", () => {
    expect(unbackedDates({ since: "2026-09-18" })).toEqual(["since"]);
    expect(unbackedDates({ since: "2026-09-18", sunset: "2027-01-01", source: " " })).toEqual(["since", "sunset"]);
    expect(unbackedDates({ since: "2026-09-18", source: "Cloudflare changelog" })).toEqual([]);
    expect(checkDeprecations("a.mdx", [{ since: "2026-09-18", replacement: "/", kind: "page" }], exists)).toEqual([
      'a.mdx: deprecated.since 2026-09-18 has no deprecated.source: give the source of the date, or leave the date out (readers then see "not announced")',
    ]);
  });
});
