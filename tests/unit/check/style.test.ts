import { describe, expect, it } from "vitest";
import { checkExampleUsage } from "../../../tools/check/rules/example-usage.ts";
import { facts, page, project, where } from "./helpers.ts";

const own = (text: string, path?: string, kind?: "page" | "partial") =>
  facts(text, path, kind)
    .findings.filter((f) => !f.code.startsWith("remark-lint/"))
    .map((f) => `${f.line} ${f.code} ${f.severity}`);

describe("style: the site's own lint rules", () => {
  it("Worker code in a bare fence → use <TypeScriptExample>", () => {
    const text = page(
      '```ts\nexport default {\n  async fetch(request, env) {\n    return new Response("hi");\n  },\n};\n```',
    );
    expect(own(text)).toEqual(["6 worker-in-fence error"]);
  });

  it("near miss: a module's default export without fetch is not a Worker", () => {
    expect(own(page('```ts\nexport default { name: "x" };\n```'))).toEqual([]);
  });

  it("an API call written by hand in a fence must come from examples/; the same URL in prose is not a request", () => {
    const fence = page(
      "```sh\ncurl https://api.cloudflare.com/client/v4/accounts/$ID/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast\n```",
    );
    expect(own(fence)).toEqual(["6 handwritten-api-call error"]);
    const prose = page(
      "Requests go to `https://api.cloudflare.com/client/v4/accounts/{account_id}/ai/v1/chat/completions`, and https://api.cloudflare.com/client/v4/accounts/{id}/ai/run/ is the run path.",
    );
    expect(own(prose)).toEqual([]);
  });

  it("deprecated endpoints only on deprecated pages or inside <Deprecated>", () => {
    expect(own(page("Call `https://gateway.ai.cloudflare.com/v1/a/b/openai` directly."))).toEqual([
      "6 deprecated-endpoint error",
    ]);
    expect(own(page("The old `/compat/chat/completions` route."))).toEqual(["6 deprecated-endpoint error"]);
    expect(
      own(
        page(
          '<Deprecated replacement="/x/">\n\nCall `https://gateway.ai.cloudflare.com/v1/a/b/compat/chat/completions`.\n\n</Deprecated>',
        ),
      ),
    ).toEqual([]);
    expect(
      own(page('<Deprecated what="The /compat/chat/completions endpoint" replacement="/x/" />')),
    ).toEqual([]);
    expect(
      own(
        page(
          "Call `gateway.ai.cloudflare.com`.",
          "title: T\ndescription: D\ndeprecated:\n  replacement: /x/",
        ),
      ),
    ).toEqual([]);
    // Near miss: our own migration page URL contains "compat" but is not the endpoint.
    expect(own(page("See [the compat guide](/migration/compat/)."))).toEqual([]);
  });

  it("no secret-shaped strings in pages, partials and examples; placeholders and sk- words are fine", () => {
    const key = `sk-proj-${"a1B2".repeat(6)}`;
    expect(own(page(`Set OPENAI_API_KEY=${key}.`))).toEqual(["6 no-secrets error"]);
    expect(own(page(`Send \`Authorization: Bearer ${"Tk9".repeat(13)}q\`.`))).toEqual(["6 no-secrets error"]);
    expect(own(page("Send `Authorization: Bearer $CLOUDFLARE_API_TOKEN`; scikit's sk-learn is unrelated."))).toEqual(
      [],
    );
    const ex = facts(`const key = "${key}";\n`, "examples/x/a.ts", "example" as never);
    expect(where(ex.findings)).toEqual(["examples/x/a.ts:1 style/no-secrets"]);
  });

  it("every page has a title and a description; partials need neither", () => {
    expect(own(page("Body", "title: T"))).toEqual(["1 required-frontmatter error"]);
    expect(own("No frontmatter at all.\n")).toEqual(["1 required-frontmatter error", "1 required-frontmatter error"]);
    expect(own("---\nparams: [a]\n---\n\nText {props.a}.\n", "partials/a.mdx", "partial")).toEqual([]);
  });

  it("an MDX syntax error is reported at its place", () => {
    expect(own(page("Text <Broken\n\nmore"))).toEqual([expect.stringMatching(/^\d+ parse error$/)]);
  });

  it("a lint comment with an unknown verb is an error at its line, and the rest of the page is still checked", () => {
    const f = facts(page("Intro.\n\n{/* lint disabel no-undefined-references */}\n\nText with [a reference][nowhere]."));
    expect(f.findings.map((x) => `${x.line} ${x.code} ${x.severity}`)).toEqual([
      "10 remark-lint/no-undefined-references warning",
      "8 remark-lint/unified-message-control error",
    ]);
    expect(f.findings.at(-1)?.message).toMatch(/Unknown keyword `disabel`/);
  });

  it("runs remark-lint's recommended preset as warnings, without tripping on Starlight asides", () => {
    const f = facts(page(":::note[Heads up]\nText with [an undefined reference][nowhere].\n:::"));
    expect(f.findings.map((x) => `${x.code} ${x.severity}`)).toEqual(["remark-lint/no-undefined-references warning"]);
  });
});

describe("style: examples shown on pages", () => {
  it("a deprecated example outside a deprecation context, an unknown example and an unknown region are errors", async () => {
    const p = await project({
      "examples/gateway/compat.ts": '// #region main\nfetch("https://gateway.ai.cloudflare.com/v1/a/b/compat/chat/completions");\n// #endregion\n',
      "examples/run/fetch.ts": '// #region main\nfetch("https://api.cloudflare.com/client/v4/accounts/a/ai/run/@cf/baai/bge-m3");\n// #endregion\n',
      "src/content/docs/a.mdx": page(
        [
          '<TypeScriptExample example="gateway/compat" region="main" />', // 6
          '<TypeScriptExample example="run/fetch" region="main" />', // 7 fine
          '<TypeScriptExample example="run/fetchh" />', // 8 unknown
          '<TypeScriptExample example="run/fetch" region="other" />', // 9 region
          '<Deprecated since="2026-01-01" replacement="/a/">',
          '<TypeScriptExample example="gateway/compat" region="main" />', // 11 fine
          "</Deprecated>",
        ].join("\n"),
      ),
    });
    const f = checkExampleUsage(p);
    expect(where(f)).toEqual([
      "src/content/docs/a.mdx:6 style/deprecated-endpoint",
      "src/content/docs/a.mdx:8 style/example-missing",
      "src/content/docs/a.mdx:9 style/example-region",
    ]);
    expect(f[1].suggestion).toBe("run/fetch");
  });
});

describe("frontmatter", () => {
  it("invalid YAML is reported at its line", () => {
    const f = facts("---\ntitle: T\ndescription: [unclosed\n---\n\nBody\n");
    expect(f.findings.filter((x) => x.code === "frontmatter").map((x) => `${x.line} ${x.severity}`)).toEqual([
      expect.stringMatching(/^[34] error$/),
    ]);
  });
});

describe("plain markdown pages", () => {
  it("parse .md without MDX (braces and angle brackets are text) and still check ids", () => {
    const f = facts(page("Use {braces} and a < b with `@cf/meta/llama-3.1-8b-instruct`."), "src/content/docs/a.md");
    expect(f.findings.filter((x) => x.code === "parse")).toEqual([]);
    expect(f.ids.map((m) => m.id)).toEqual(["@cf/meta/llama-3.1-8b-instruct"]);
  });
});
