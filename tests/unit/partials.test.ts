import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { checkRenderCall, assertRenderCall, findRenderFiles, partialUsage } from "../../src/lib/partials.ts";
import { collectUsage } from "../../tools/partials.ts";

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

describe("finding <Render> calls", () => {
  it("reads file= in double, single and expression quotes, over several lines", () => {
    const src = `<Render file="a/b" />\n<Render\n  params={{ x: 1 }}\n  file='c' />\n<Render file={"d"} />\n<Rendered file="no" />`;
    expect(findRenderFiles(src)).toEqual(["a/b", "c", "d"]);
  });

  it("lists, for each partial, the pages that render it, also through other partials", () => {
    const pages = new Map([
      ["p1.mdx", ["outer"]],
      ["p2.mdx", ["inner"]],
    ]);
    const partials = new Map([
      ["outer", ["inner"]],
      ["inner", []],
      ["unused", []],
    ]);
    expect(Object.fromEntries(partialUsage(pages, partials))).toEqual({
      inner: ["p1.mdx", "p2.mdx"],
      outer: ["p1.mdx"],
      unused: [],
    });
  });

  it("npm run partials follows components that render partials", () => {
    const dir = mkdtempSync(join(tmpdir(), "partials-"));
    const files: Record<string, string> = {
      "partials/auth/rest-api.mdx": "---\nparams: [path]\n---\nx",
      "partials/tip.mdx": "<Render file=\"auth/rest-api\" params={{ path: '/' }} />",
      "src/components/AuthHeaders.astro": `<Render file="auth/rest-api" params={{ path }} />`,
      "src/content/docs/auth/a.mdx": "<AuthHeaders />",
      "src/content/docs/start/b.mdx": `<Render file="tip" />`,
      "src/content/docs/start/c.mdx": "nothing",
    };
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), text);
    }
    expect(Object.fromEntries(collectUsage(dir))).toEqual({
      "auth/rest-api": ["src/content/docs/auth/a.mdx", "src/content/docs/start/b.mdx"],
      tip: ["src/content/docs/start/b.mdx"],
    });
  });
});
