import { describe, expect, it } from "vitest";
import { checkRenderCall, assertRenderCall } from "../../src/lib/partials.ts";
import { collectUsage } from "../../tools/partials.ts";
import { page as pageText, writeTree } from "./check/helpers.ts";

const page = "src/content/docs/auth/authentication.mdx";

describe("partial parameter check", () => {
  it("accepts a call that passes exactly the declared params", () => {
    expect(checkRenderCall({ page, file: "auth/rest-api", params: { path: "/ai/run" } }, { params: ["path"] })).toEqual([]);
    expect(checkRenderCall({ page, file: "base-url", params: {} }, { params: [] })).toEqual([]);
  });

  it("fails on a missing partial, naming the page and the partial file, and suggests a close one", () => {
    const problems = checkRenderCall({ page, file: "auth/rest-apii", params: {} }, undefined, ["auth/rest-api", "base-url"]);
    expect(problems).toEqual([
      `${page}: <Render file="auth/rest-apii">: partial partials/auth/rest-apii.mdx does not exist (did you mean "auth/rest-api"?)`,
    ]);
  });

  it("fails on a declared param that the page does not pass", () => {
    const [problem] = checkRenderCall({ page, file: "endpoint", params: { method: "POST" } }, { params: ["method", "path"] });
    expect(problem).toContain(page);
    expect(problem).toContain("partials/endpoint.mdx");
    expect(problem).toContain(`declares param "path" but the page does not pass it`);
  });

  it("treats a param passed as undefined as missing", () => {
    expect(checkRenderCall({ page, file: "endpoint", params: { path: undefined } }, { params: ["path"] })).toHaveLength(1);
  });

  it("fails on a param the partial does not declare (usually a typo)", () => {
    const problems = checkRenderCall({ page, file: "endpoint", params: { pth: "/x" } }, { params: ["path"] });
    expect(problems).toHaveLength(2);
    expect(problems[1]).toBe(`${page}: <Render file="endpoint">: param "pth" is not declared by partial partials/endpoint.mdx (declared: "path")`);
  });

  it("fails on an empty file attribute", () => {
    expect(checkRenderCall({ page, file: "", params: {} }, undefined)[0]).toContain(`<Render> needs a file="…"`);
  });

  it("assertRenderCall throws all problems in one error", () => {
    expect(() => assertRenderCall({ page, file: "x", params: { a: 1 } }, { params: ["b"] })).toThrowError(/param "b"[\s\S]*param "a"/);
  });
});

describe("npm run partials", () => {
  it("lists, for each partial, the pages that render it, through other partials and through components", async () => {
    const dir = writeTree({
      "partials/auth/rest-api.mdx": "---\nparams: [path]\n---\nx",
      "partials/tip.mdx": "<Render file=\"auth/rest-api\" params={{ path: '/' }} />",
      "partials/unused.mdx": "Nobody renders this.",
      "src/components/AuthHeaders.astro": `<Render file="auth/rest-api" params={{ path }} />`,
      "src/content/docs/auth/a.mdx": pageText("<AuthHeaders />"),
      "src/content/docs/start/b.mdx": pageText(`<Render file="tip" />`),
      "src/content/docs/start/c.mdx": pageText("nothing"),
    });
    expect(Object.fromEntries(await collectUsage(dir))).toEqual({
      "auth/rest-api": ["src/content/docs/auth/a.mdx", "src/content/docs/start/b.mdx"],
      tip: ["src/content/docs/start/b.mdx"],
      unused: [],
    });
  });
});
