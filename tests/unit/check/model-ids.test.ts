import { describe, expect, it } from "vitest";
import { modelSchema, type ModelInput } from "../../../catalog/index.ts";
import { catalogView, checkModelIds, judgeId } from "../../../tools/check/rules/model-ids.ts";
import { facts, page, project, where } from "./helpers.ts";

const base = {
  task: "Text Generation" as const,
  endpoints: ["run" as const],
  billing: "workers-ai" as const,
  source: "test",
};
const cat = catalogView(
  (
    [
      {
        ...base,
        id: "@cf/acme/new-7b",
        author: "acme",
        name: "New",
        lifecycle: { status: "active" },
        aliases: [{ id: "workers-ai/@cf/acme/new-7b", context: "compat" }],
      },
      {
        ...base,
        id: "@cf/acme/mid-7b",
        author: "acme",
        name: "Mid",
        lifecycle: { status: "deprecated", date: "2026-01-01", replacement: "@cf/acme/new-7b", sunset: "2027-01-01" },
      },
      {
        ...base,
        id: "@cf/acme/old-7b",
        author: "acme",
        name: "Old",
        lifecycle: { status: "retired", date: "2025-01-01", replacement: "@cf/acme/mid-7b" },
      },
      {
        ...base,
        id: "google/gemini-x",
        author: "google",
        name: "Gemini X",
        billing: "unified",
        lifecycle: { status: "active" },
        aliases: [{ id: "google-ai-studio/gemini-x", context: "compat" }],
      },
    ] satisfies ModelInput[]
  ).map((m) => modelSchema.parse(m)),
);

describe("judgeId (with a test catalog)", () => {
  it("accepts active REST ids anywhere", () => {
    expect(judgeId("@cf/acme/new-7b", false, false, cat)).toBeNull();
    expect(judgeId("google/gemini-x", true, false, cat)).toBeNull();
  });

  it("unknown id → error with did you mean (a typo or another form), never a different model", () => {
    const v = judgeId("@cf/acme/neww-7b", false, false, cat)!;
    expect(v).toMatchObject({ code: "unknown", severity: "error", suggestion: "@cf/acme/new-7b" });
    expect(v.message).toMatch(/did you mean `@cf\/acme\/new-7b`/);
    // 8b is another size: a different model, so no suggestion.
    expect(judgeId("@cf/acme/new-8b", false, false, cat)).toMatchObject({ code: "unknown", suggestion: undefined });
    expect(judgeId("acme/new-7b", false, false, cat)).toMatchObject({ code: "unknown", suggestion: "@cf/acme/new-7b" });
    expect(judgeId("@cf/zzz/nothing-like-it", false, false, cat)).toMatchObject({
      code: "unknown",
      suggestion: undefined,
    });
  });

  it("retired → error naming the current replacement (following replacements), even in a deprecation context", () => {
    for (const ctx of [false, true]) {
      const v = judgeId("@cf/acme/old-7b", ctx, false, cat)!;
      expect(v).toMatchObject({ code: "retired", severity: "error", suggestion: "@cf/acme/new-7b" });
      expect(v.message).toMatch(/retired on 2025-01-01: use `@cf\/acme\/new-7b`/);
    }
  });

  it("deprecated → warning outside a deprecation context, nothing inside one or in <ModelId>", () => {
    expect(judgeId("@cf/acme/mid-7b", false, false, cat)).toMatchObject({
      code: "deprecated",
      severity: "warning",
      suggestion: "@cf/acme/new-7b",
    });
    expect(judgeId("@cf/acme/mid-7b", true, false, cat)).toBeNull();
    expect(judgeId("@cf/acme/old-7b", false, true, cat)).toBeNull();
  });

  it("provider-slug alias → error with the REST form outside a deprecation context, fine inside", () => {
    expect(judgeId("google-ai-studio/gemini-x", false, false, cat)).toMatchObject({
      code: "provider-slug",
      severity: "error",
      suggestion: "google/gemini-x",
    });
    expect(judgeId("workers-ai/@cf/acme/new-7b", false, false, cat)).toMatchObject({
      code: "provider-slug",
      suggestion: "@cf/acme/new-7b",
    });
    expect(judgeId("google-ai-studio/gemini-x", true, false, cat)).toBeNull();
    // Not an alias in the catalog, but the slug maps to an author: still the REST form is suggested.
    expect(judgeId("google-ai-studio/gemini-y", false, false, cat)).toMatchObject({
      code: "provider-slug",
      suggestion: "google/gemini-x",
    });
  });
});

describe("model-ids on pages and examples (real catalog)", () => {
  it("reports each kind of mention at its line and column", async () => {
    const text = page(
      [
        "Use `@cf/meta/llama-3.3-70b-instruct-fp8-fast` or @cf/meta/llama-3.3-70b-instruct.", // line 6: prose unknown
        "",
        '<Card title="anthropic/claude-sonet-4" />', // line 8: attribute unknown
        "",
        "```ts",
        'import OpenAI from "openai/helpers";',
        'const body = { model: "google-ai-studio/gemini-2.5-flash" };', // line 12: provider slug on a REST page
        "```",
        "",
        "```sh",
        "curl https://api.cloudflare.com/client/v4/accounts/$ID/ai/run/@cf/meta/llama-3.1-8b-instruct", // line 17: retired
        "```",
      ].join("\n"),
      "title: T\ndescription: D\nmodel: openai/gpt-4.2",
    );
    const p = await project({ "src/content/docs/a.mdx": text });
    const got = checkModelIds(p).map((f) => `${f.line}:${f.column} ${f.code} ${f.suggestion ?? ""}`);
    expect(got).toEqual([
      "4:8 unknown ",
      "7:51 unknown ", // a shorter id is not a typo: -fp8, -awq, -fast variants are different deployments
      "9:14 unknown anthropic/claude-sonnet-4",
      "13:24 provider-slug google/gemini-2.5-flash",
      "17:63 retired @cf/meta/llama-3.1-8b-instruct-fp8",
    ]);
  });

  it("near misses do not fire: URLs and paths with model-like parts, module specifiers, ids in <Deprecated> or a deprecated page", async () => {
    const p = await project({
      "src/content/docs/a.mdx": page(
        [
          "See https://developers.cloudflare.com/workers-ai/models/llama-3.1-8b-instruct/ and [the SDK](https://github.com/openai/openai-node).",
          "The file src/lib/openai/client.ts and the path /ai/run/ take no id; nor does `/ai/run/{model}`.",
          '<Deprecated since="2026-01-01" replacement="/a/">The compat endpoint took `google-ai-studio/gemini-2.5-flash`.</Deprecated>',
          "",
          "```ts",
          'import { zodResponseFormat } from "openai/helpers";',
          "const ratio = openai/gpt;",
          "```",
        ].join("\n"),
      ),
      "src/content/docs/old.mdx": page(
        "Compat took `workers-ai/@cf/meta/llama-3.3-70b-instruct-fp8-fast`.",
        "title: T\ndescription: D\ndeprecated:\n  since: 2026-01-01\n  replacement: /a/",
      ),
    });
    expect(checkModelIds(p)).toEqual([]);
  });

  it("examples: a retired id in code is an error; a provider-slug id is fine in a gateway (deprecated) example", async () => {
    const p = await project({
      "examples/run/fetch.ts": 'import x from "openai/resources";\nconst model = "@cf/meta/llama-3.1-8b-instruct";\n',
      "examples/gateway/compat.ts":
        'const url = "https://gateway.ai.cloudflare.com/v1/a/b/compat/chat/completions";\nconst model = "workers-ai/@cf/meta/llama-3.3-70b-instruct-fp8-fast";\n',
      "examples/run/curl.sh": 'curl "$BASE/ai/run/google-ai-studio/gemini-2.5-flash"\n',
    });
    expect(where(checkModelIds(p))).toEqual([
      "examples/run/curl.sh:1 model-ids/provider-slug",
      "examples/run/fetch.ts:2 model-ids/retired",
    ]);
  });

  it("checks the model ids listed in examples/manifest.json", async () => {
    const manifest = {
      "run/a": {
        file: "examples/run/a.ts",
        language: "ts",
        regions: [],
        endpoints: ["run"],
        models: ["@cf/meta/llama-3.3-70b-instruct-fp8-fast", "openai/gpt-4.7"],
        deprecated: false,
      },
    };
    const p = await project({ "examples/manifest.json": JSON.stringify(manifest, null, 2) });
    const f = checkModelIds(p);
    expect(where(f)).toEqual(["examples/manifest.json:11 model-ids/unknown"]);
  });

  it('a reproduction marked `shows: "failure"` in the manifest may name a retired model; unknown ids still fail', async () => {
    const file = "examples/errors/retired.sh";
    const script =
      '# shows: failure\ncurl "$BASE/ai/run/@cf/meta/llama-3.1-8b-instruct"\ncurl "$BASE/ai/run/@cf/meta/llama-9-instruct"\n';
    const entry = {
      file,
      language: "sh",
      regions: ["main"],
      endpoints: ["run"],
      models: ["@cf/meta/llama-3.1-8b-instruct", "@cf/meta/llama-9-instruct"],
      deprecated: false,
    };
    const run = async (shows: object) => {
      const manifest = JSON.stringify({ "errors/retired": { ...entry, ...shows } }, null, 2);
      const p = await project({ [file]: script, "examples/manifest.json": manifest });
      return where(checkModelIds(p)).sort();
    };
    expect(await run({ shows: "failure" })).toEqual([
      `${file}:3 model-ids/unknown`,
      "examples/manifest.json:13 model-ids/unknown",
    ]);
    expect(await run({})).toEqual([
      `${file}:2 model-ids/retired`,
      `${file}:3 model-ids/unknown`,
      "examples/manifest.json:12 model-ids/retired",
      "examples/manifest.json:13 model-ids/unknown",
    ]);
  });

  it("records <ModelId> mentions as marked and frontmatter mentions with their place", () => {
    const f = facts(page('<ModelId id="@cf/meta/llama-3.1-8b-instruct" />'));
    expect(f.ids).toEqual([
      expect.objectContaining({ id: "@cf/meta/llama-3.1-8b-instruct", marked: true, line: 6, column: 14 }),
    ]);
  });
});
