import { describe, expect, it } from "vitest";
import { findSecrets, idCandidates, jsStrings } from "../../../tools/check/text.ts";
import { prefixes } from "./helpers.ts";

const ids = (s: string) => idCandidates(s, prefixes).map((c) => c.id);

describe("idCandidates", () => {
  it("finds @hf/ Workers AI ids like @cf/ ones, bare, in compat form and in a run URL", () => {
    expect(ids("try @hf/nousresearch/hermes-2-pro-mistral-7b or workers-ai/@hf/thebloke/zephyr-7b-beta-awq")).toEqual([
      "@hf/nousresearch/hermes-2-pro-mistral-7b",
      "workers-ai/@hf/thebloke/zephyr-7b-beta-awq",
    ]);
    expect(ids("curl https://api.cloudflare.com/client/v4/accounts/$ID/ai/run/@hf/google/gemma-7b-it")).toEqual(["@hf/google/gemma-7b-it"]);
    expect(ids("ids look like @hf/{author}/{model}")).toEqual([]);
  });

  it("finds @cf ids, author ids and provider-slug ids as whole tokens", () => {
    expect(ids("use @cf/meta/llama-3.3-70b-instruct-fp8-fast or openai/gpt-4.1.")).toEqual([
      "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
      "openai/gpt-4.1",
    ]);
    expect(ids('"model": "workers-ai/@cf/baai/bge-m3", (google-ai-studio/gemini-2.5-flash)')).toEqual([
      "workers-ai/@cf/baai/bge-m3",
      "google-ai-studio/gemini-2.5-flash",
    ]);
    expect(ids("--model=anthropic/claude-sonnet-4")).toEqual(["anthropic/claude-sonnet-4"]);
  });

  it("takes the model part of a run URL, but not the path itself or a placeholder", () => {
    expect(ids("https://api.cloudflare.com/client/v4/accounts/$ID/ai/run/@cf/meta/llama-3.1-8b-instruct")).toEqual([
      "@cf/meta/llama-3.1-8b-instruct",
    ]);
    expect(ids("POST /accounts/{account_id}/ai/run/{model_name}")).toEqual([]);
    expect(ids("the /ai/run/ path and /ai/run/$MODEL")).toEqual([]);
  });

  it("near misses: URLs, file paths and prose about the id forms are not ids", () => {
    expect(ids("https://example.com/openai/gpt-4.1/ and https://github.com/openai/openai-node")).toEqual([]);
    expect(ids("src/lib/foo.ts examples/openai/chat.ts /models/cf/meta/llama/ ai/run")).toEqual([]);
    expect(ids("ids look like `@cf/…`, `@cf/{author}/{model}` or openai/ and anthropic/")).toEqual([]);
    expect(ids("OpenAI/Anthropic and read/write and and/or")).toEqual([]);
  });
});

describe("jsStrings", () => {
  it("returns string literals, template text and comments, and marks module specifiers", () => {
    const code =
      'import OpenAI from "openai/helpers";\nconst r = a / b; // uses openai/gpt-4.1\nconst m = "@cf/baai/bge-m3";\nconst u = `x/${y}`;';
    const got = jsStrings(code);
    expect(got.find((s) => s.text === "openai/helpers")?.moduleSpecifier).toBe(true);
    expect(got.find((s) => s.text === "@cf/baai/bge-m3")?.moduleSpecifier).toBe(false);
    expect(got.some((s) => s.kind === "comment" && s.text.includes("openai/gpt-4.1"))).toBe(true);
    expect(got.some((s) => s.text.includes("a / b"))).toBe(false);
    const at = got.find((s) => s.text === "@cf/baai/bge-m3")!.offset;
    expect(code.slice(at, at + 15)).toBe("@cf/baai/bge-m3");
  });

  it("still finds strings when acorn cannot lex the code (decorators)", () => {
    const got = jsStrings('@decorator\nclass A { m = "openai/gpt-4.1" }');
    expect(got.map((s) => s.text)).toContain("openai/gpt-4.1");
  });
});

describe("findSecrets", () => {
  it("flags sk- keys, 40-character Cloudflare tokens and literal bearer tokens", () => {
    expect(findSecrets("OPENAI_API_KEY=sk-proj-abcDEF1234567890abcdefGHIJ")).toHaveLength(1);
    expect(findSecrets(`-H "Authorization: Bearer ${"aB3".repeat(13)}x"`)[0].message).toMatch(/Cloudflare API token/);
    expect(findSecrets("Authorization: Bearer 9f8e7d6c5b4a3f2e1d0c")[0].message).toMatch(/literal bearer token/);
    expect(findSecrets(`CLOUDFLARE_API_TOKEN="${"Zq9".repeat(13)}k"`)).toHaveLength(1);
  });

  it("near misses: placeholders, variables and sk- words are not secrets", () => {
    expect(
      findSecrets(
        "Bearer $CLOUDFLARE_API_TOKEN, Bearer ${token}, Bearer <API_TOKEN>, Bearer {api_token}, Bearer YOUR_TOKEN",
      ),
    ).toEqual([]);
    expect(findSecrets("Bearer CF_TEMP_TOKEN and `Bearer ` + token")).toEqual([]);
    expect(findSecrets("install scikit-learn (sk-learn); the task-sk-12 ticket; sk-xxxxxxxxxxxxxxxxxxxxxxxx")).toEqual(
      [],
    );
  });
});
