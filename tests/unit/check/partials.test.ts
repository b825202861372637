import { describe, expect, it } from "vitest";
import { affectedPages, checkPartials } from "../../../tools/check/rules/partials.ts";
import { page, project, where } from "./helpers.ts";

describe("partials", () => {
  it("unused partial → warning; unknown partial and undeclared params → errors", async () => {
    const p = await project({
      "src/content/docs/a.mdx": page(
        '<Render file="auth/rest" params={{ path: "/ai/run/", extra: 1 }} />\n\n<Render file="auth/rst" />',
      ),
      "partials/auth/rest.mdx": "---\nparams: [path]\n---\n\nCall {props.path} with {props.token}.\n",
      "partials/lonely.mdx": "Nobody renders me.\n",
    });
    const f = checkPartials(p);
    expect(where(f)).toEqual([
      "src/content/docs/a.mdx:6 partials/undeclared-param",
      "src/content/docs/a.mdx:8 partials/missing",
      "partials/auth/rest.mdx:5 partials/undeclared-param",
      "partials/lonely.mdx:1 partials/unused",
    ]);
    expect(f.find((x) => x.code === "unused")!.severity).toBe("warning");
    expect(f.find((x) => x.code === "missing")!.suggestion).toBe("auth/rest");
  });

  it("a partial rendered only by another partial is used", async () => {
    const p = await project({
      "src/content/docs/a.mdx": page('<Render file="outer" />'),
      "partials/outer.mdx": '<Render file="inner" />\n',
      "partials/inner.mdx": "Inner.\n",
    });
    expect(checkPartials(p)).toEqual([]);
  });

  it("affectedPages lists the pages that render a changed partial, directly or through another partial", async () => {
    const p = await project({
      "src/content/docs/a.mdx": page('<Render file="outer" />'),
      "src/content/docs/b/index.mdx": page('<Render file="inner" />'),
      "src/content/docs/c.mdx": page("No partials."),
      "partials/outer.mdx": '<Render file="inner" />\n',
      "partials/inner.mdx": "Inner.\n",
    });
    expect(affectedPages(p, ["partials/inner.mdx"])).toEqual([
      { page: "src/content/docs/a.mdx", route: "/a/", via: ["partials/inner.mdx"] },
      { page: "src/content/docs/b/index.mdx", route: "/b/", via: ["partials/inner.mdx"] },
    ]);
    expect(affectedPages(p, ["partials/outer.mdx"]).map((x) => x.page)).toEqual(["src/content/docs/a.mdx"]);
  });
});

describe("partials inherit the deprecation context of the pages that render them", async () => {
  const { checkModelIds } = await import("../../../tools/check/rules/model-ids.ts");
  const { runCheck } = await import("../../../tools/check/run.ts");
  const { writeTree } = await import("./helpers.ts");
  const files = (wrapInDeprecated: boolean) => ({
    "src/content/docs/a.mdx": page(
      wrapInDeprecated
        ? '<Deprecated since="2026-01-01" replacement="/a/">\n<Render file="old" />\n</Deprecated>'
        : '<Render file="old" />',
    ),
    "partials/old.mdx":
      "Call `https://gateway.ai.cloudflare.com/v1/a/b/compat/chat/completions` with `google-ai-studio/gemini-2.5-flash`.\n",
  });

  it("rendered only inside <Deprecated>: no deprecated-endpoint or provider-slug errors", async () => {
    const p = await project(files(true));
    expect(checkModelIds(p)).toEqual([]);
    const r = await runCheck({ root: writeTree(files(true)), rules: ["style"], parallel: false });
    expect(r.findings.filter((f) => f.code === "deprecated-endpoint")).toEqual([]);
  });

  it("rendered on a current page: both are errors in the partial", async () => {
    const p = await project(files(false));
    expect(where(checkModelIds(p))).toEqual(["partials/old.mdx:1 model-ids/provider-slug"]);
    const r = await runCheck({ root: writeTree(files(false)), rules: ["style"], parallel: false });
    expect(where(r.findings.filter((f) => f.code === "deprecated-endpoint"))).toEqual([
      "partials/old.mdx:1 style/deprecated-endpoint",
    ]);
  });
});

describe("partials rendered by components", () => {
  const files = {
    "src/components/AuthHeaders.astro":
      '---\nimport Render from "./Render.astro";\n---\n<Render file="auth/rest" params={{ path }} />\n<Render file="auth/gone" />\n',
    "src/content/docs/a.mdx": page('<AuthHeaders path="/ai/run/" />'),
    "partials/auth/rest.mdx": "---\nparams: [path]\n---\n\n{props.path}\n",
  };

  it("count as used when the component is used; a missing one is reported in the component", async () => {
    const p = await project(files);
    expect(where(checkPartials(p))).toEqual(["src/components/AuthHeaders.astro:5 partials/missing"]);
  });

  it("make the pages that use the component affected by --changed", async () => {
    const p = await project(files);
    expect(affectedPages(p, ["partials/auth/rest.mdx"])).toEqual([
      { page: "src/content/docs/a.mdx", route: "/a/", via: ["partials/auth/rest.mdx"] },
    ]);
  });
});
