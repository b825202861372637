import { describe, expect, it } from "vitest";
import {
  authorOfSlug,
  compatFormOf,
  createCatalog,
  findModel,
  getModel,
  isWorkersAiId,
  isWorkersAiModel,
  modelSchema,
  providerModelId,
  providerOf,
  providerSlugOf,
  restFormOf,
  suggestModel,
  type ModelInput,
} from "../../catalog/index.ts";

const base = { task: "Text Generation", endpoints: ["run"], lifecycle: { status: "active" }, billing: "unified", source: "test" } as const;
/** A small catalog of our own, so the "did you mean" rules are tested on ids chosen to tempt them. */
const small = createCatalog(
  (
    [
      { ...base, id: "xai/grok-4.3", author: "xai", name: "Grok 4.3" },
      { ...base, id: "xai/grok-3", author: "xai", name: "Grok 3" },
      { ...base, id: "openai/gpt-4o", author: "openai", name: "GPT-4o" },
      { ...base, id: "openai/gpt-5-mini", author: "openai", name: "GPT-5 mini" },
      { ...base, id: "openai/gpt-5-nano", author: "openai", name: "GPT-5 nano" },
      { ...base, id: "@cf/deepgram/nova-3", author: "deepgram", name: "Nova 3", task: "Automatic Speech Recognition", billing: "workers-ai" },
      { ...base, id: "@cf/deepgram/aura-1", author: "deepgram", name: "Aura 1", task: "Text-to-Speech", billing: "workers-ai" },
      { ...base, id: "@hf/acme/coder-7b-awq", author: "acme", name: "Coder", billing: "workers-ai" },
      { ...base, id: "@cf/acme/chat-fast", author: "acme", name: "Chat fast", billing: "workers-ai" },
      { ...base, id: "@cf/acme/chat-slow", author: "acme", name: "Chat slow", billing: "workers-ai" },
      {
        ...base,
        id: "anthropic/claude-sonnet-4-5",
        author: "anthropic",
        name: "Claude Sonnet 4.5",
        aliases: [{ id: "anthropic/claude-sonnet-4.5", context: "rest", source: "test" }],
      },
    ] satisfies ModelInput[]
  ).map((m) => modelSchema.parse(m)),
);

describe("id forms", () => {
  it("knows Workers AI ids by their @cf/ and @hf/ prefixes, bare or in compat form", () => {
    for (const id of ["@cf/meta/x", "@hf/thebloke/x", "workers-ai/@cf/meta/x", "workers-ai/@hf/thebloke/x"]) expect(isWorkersAiId(id)).toBe(true);
    for (const id of ["openai/gpt-5-mini", "cf/meta/x", "@cfx/meta/x", "workers-ai/meta/x"]) expect(isWorkersAiId(id)).toBe(false);
    expect(isWorkersAiModel(small.getModel("@hf/acme/coder-7b-awq")!)).toBe(true);
  });

  it("maps authors to gateway provider slugs and back", () => {
    expect(providerSlugOf("google")).toBe("google-ai-studio");
    expect(providerSlugOf("xai")).toBe("grok");
    expect(providerSlugOf("openai")).toBe("openai");
    expect(authorOfSlug("google-ai-studio")).toBe("google");
    expect(authorOfSlug("grok")).toBe("xai");
    expect(authorOfSlug("anthropic")).toBe("anthropic");
  });

  it("gives each model its provider, the provider's own id and its compat form", () => {
    const gemini = getModel("google/gemini-2.5-flash")!;
    expect([providerOf(gemini), providerModelId(gemini), compatFormOf(gemini)]).toEqual(["google-ai-studio", "gemini-2.5-flash", "google-ai-studio/gemini-2.5-flash"]);
    const llama = getModel("@cf/meta/llama-3.3-70b-instruct-fp8-fast")!;
    expect([providerOf(llama), providerModelId(llama), compatFormOf(llama)]).toEqual(["workers-ai", llama.id, `workers-ai/${llama.id}`]);
    const coder = small.getModel("@hf/acme/coder-7b-awq")!;
    expect(providerOf(coder)).toBe("workers-ai");
    expect(compatFormOf(getModel("xai/grok-3")!)).toBe("grok/grok-3");
  });

  it("finds a model by any spelling it knows, and names the form", () => {
    expect(findModel("openai/gpt-5-mini")).toMatchObject({ form: "rest", model: { id: "openai/gpt-5-mini" } });
    expect(findModel("anthropic/claude-sonnet-4.5")).toMatchObject({ form: "alias", model: { id: "anthropic/claude-sonnet-4-5" } });
    expect(findModel("workers-ai/@cf/moonshotai/kimi-k2.6")).toMatchObject({ form: "compat", model: { id: "@cf/moonshotai/kimi-k2.6" } });
    expect(findModel("google-ai-studio/gemini-2.5-flash")).toMatchObject({ form: "compat", model: { id: "google/gemini-2.5-flash" } });
    expect(findModel("gpt-5-mini")).toMatchObject({ form: "provider-native", model: { id: "openai/gpt-5-mini" } });
    expect(findModel("openai/gpt-5-mega")).toBeUndefined();
    expect(small.findModel("workers-ai/@hf/acme/coder-7b-awq")?.model.id).toBe("@hf/acme/coder-7b-awq");
  });

  it("gives the REST form of a known form, and nothing for an unknown model", () => {
    expect(restFormOf("grok/grok-3")).toBe("xai/grok-3");
    expect(restFormOf("workers-ai/@cf/baai/bge-m3")).toBe("@cf/baai/bge-m3");
    expect(restFormOf("openrouter/openai/gpt-5-mini")).toBe("openai/gpt-5-mini");
    expect(restFormOf("google-ai-studio/gemini-9")).toBeUndefined();
    expect(restFormOf("nobody/nothing")).toBeUndefined();
  });
});

describe("suggestModel: the same model in another form, or a typo; never a different model", () => {
  it("proposes the REST id for another form of the same model", () => {
    expect(small.suggestModel("anthropic/claude-sonnet-4.5")).toEqual({ id: "anthropic/claude-sonnet-4-5", reason: "other-form" });
    expect(small.suggestModel("grok/grok-4.3")).toEqual({ id: "xai/grok-4.3", reason: "other-form" });
    expect(small.suggestModel("deepgram/aura-1")).toEqual({ id: "@cf/deepgram/aura-1", reason: "other-form" });
    expect(small.suggestModel("@cf/acme/coder-7b-awq")).toEqual({ id: "@hf/acme/coder-7b-awq", reason: "other-form" });
    expect(small.suggestModel("@cf/openai/gpt-4o")).toEqual({ id: "openai/gpt-4o", reason: "other-form" });
  });

  it("proposes nothing for a REST id that is in the catalog", () => {
    expect(small.suggestModel("xai/grok-4.3")).toBeUndefined();
  });

  it("proposes a model whose id differs by a typo, with the same author", () => {
    expect(small.suggestModel("xai/grook-4.3")).toEqual({ id: "xai/grok-4.3", reason: "typo" });
    expect(small.suggestModel("XAI/GROK-4.3")).toEqual({ id: "xai/grok-4.3", reason: "typo" });
    expect(small.suggestModel("grok/grk-4.3")).toEqual({ id: "xai/grok-4.3", reason: "typo" });
    expect(suggestModel("@cf/meta/llama-3.3-70b-instruct-fp8-fats")).toEqual({ id: "@cf/meta/llama-3.3-70b-instruct-fp8-fast", reason: "typo" });
  });

  it("never proposes a different model: another version, size, variant, author or task", () => {
    expect(small.suggestModel("xai/grok-4.3x")).toBeUndefined(); // grok-4.3 or nothing; 4.3x could be a variant
    expect(small.suggestModel("xai/grok-4.4")).toBeUndefined(); // not grok-4.3
    expect(small.suggestModel("xai/grok-4")).toBeUndefined(); // not grok-3 or grok-4.3
    expect(small.suggestModel("openai/gpt-4")).toBeUndefined(); // not gpt-4o
    expect(small.suggestModel("openai/gpt-5-micro")).toBeUndefined(); // not gpt-5-mini
    expect(small.suggestModel("@cf/deepgram/aura-3")).toBeUndefined(); // not nova-3, a speech-to-text model
    expect(small.suggestModel("@cf/deepgram/nova-1")).toBeUndefined();
    expect(small.suggestModel("mistral/grok-4.3")).toBeUndefined(); // another author
  });

  it("proposes nothing when two models are equally close", () => {
    const two = createCatalog(
      ([{ ...base, id: "acme/model-ab", author: "acme", name: "A" }, { ...base, id: "acme/model-ac", author: "acme", name: "B" }] satisfies ModelInput[]).map((m) => modelSchema.parse(m)),
    );
    expect(two.suggestModel("acme/model-ad")).toBeUndefined();
    expect(two.suggestModel("acme/model-abb")).toEqual({ id: "acme/model-ab", reason: "typo" });
  });
});
