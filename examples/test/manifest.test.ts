/** The examples index's model ids are the ones `npm run check` reads (its lexer), plus provider-native `model` values. */
import { describe, expect, it } from "vitest";
import { modelsIn } from "../harness/manifest.ts";

describe("modelsIn", () => {
  it("finds ids in TypeScript strings and URLs, not in module specifiers, media types or comments about the form", () => {
    const source = [
      'import OpenAI from "openai/helpers";',
      'const url = `https://api.cloudflare.com/client/v4/accounts/${id}/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast`;',
      'const headers = { "content-type": "application/json" };',
      '// Workers AI ids look like @cf/{author}/{model}',
      'const a = { model: "openai/gpt-5-mini" };',
      'const b = { model: "gpt-5-mini" }; // a provider-native name, only in a model field',
      'const c = "workers-ai/@cf/meta/llama-3.1-8b-instruct";',
    ].join("\n");
    expect(modelsIn(source, "ts")).toEqual(["@cf/meta/llama-3.3-70b-instruct-fp8-fast", "gpt-5-mini", "openai/gpt-5-mini", "workers-ai/@cf/meta/llama-3.1-8b-instruct"]);
  });

  it("reads shell examples as words", () => {
    const source = 'curl "$BASE/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast" -H "Content-Type: application/json" -d \'{"model":"anthropic/claude-sonnet-4-5"}\'';
    expect(modelsIn(source, "sh")).toEqual(["@cf/meta/llama-3.3-70b-instruct-fp8-fast", "anthropic/claude-sonnet-4-5"]);
  });
});
