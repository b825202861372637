import { describe, expect, it } from "vitest";
import { idSegments, resolveModelId, lifecycleLabel } from "../../src/lib/models.ts";
import { getModel } from "../../catalog/index.ts";
import { isGeneratedRoute } from "../../src/lib/routes.ts";

describe("ModelId resolution", () => {
  it("resolves an active REST id to its page", () => {
    const r = resolveModelId("@cf/meta/llama-3.3-70b-instruct-fp8-fast");
    expect(r.ok && r.ref.href).toBe("/models/cf/meta/llama-3.3-70b-instruct-fp8-fast/");
    expect(r.ok && r.ref.status).toBe("active");
    expect(r.ok && r.ref.alias).toBeUndefined();
  });

  it("marks a retired id and names the model that replaces it", () => {
    const r = resolveModelId("@cf/meta/llama-3.1-8b-instruct");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ref.status).toBe("retired");
    expect(r.ref.replacement?.lifecycle.status).toBe("active");
  });

  it("resolves a gateway form or another spelling to its model and says which it is", () => {
    const compat = resolveModelId("google-ai-studio/gemini-2.5-flash");
    expect(compat.ok && compat.ref.model.id).toBe("google/gemini-2.5-flash");
    expect(compat.ok && compat.ref.alias?.context).toBe("compat");
    const spelling = resolveModelId("anthropic/claude-sonnet-4.5");
    expect(spelling.ok && spelling.ref.model.id).toBe("anthropic/claude-sonnet-4-5");
    expect(spelling.ok && spelling.ref.alias?.context).toBe("rest");
  });

  it("rejects an unknown id, naming it and suggesting close catalog ids", () => {
    const r = resolveModelId("@cf/meta/llama-3.3-70b-instruct-fp8-fats");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(`model id "@cf/meta/llama-3.3-70b-instruct-fp8-fats" is not in the catalog`);
    expect(r.message).toContain(`did you mean "@cf/meta/llama-3.3-70b-instruct-fp8-fast"`);
  });

  it("rejects an unrelated id without a suggestion, and an empty id", () => {
    const r = resolveModelId("nobody/nothing-like-it-at-all");
    expect(r.ok || r.message).toBe(`model id "nobody/nothing-like-it-at-all" is not in the catalog (catalog/)`);
    expect(resolveModelId("").ok).toBe(false);
  });

  it("is case-sensitive, because the API is", () => {
    expect(resolveModelId("@CF/META/LLAMA-3.3-70B-INSTRUCT-FP8-FAST").ok).toBe(false);
    const r = resolveModelId("@CF/META/LLAMA-3.3-70B-INSTRUCT-FP8-FAST");
    expect(r.ok || r.message).toContain(`did you mean "@cf/meta/llama-3.3-70b-instruct-fp8-fast"`);
  });

  it("cuts an id after each slash only, so tables wrap it there", () => {
    expect(idSegments("anthropic/claude-haiku-4-5")).toEqual(["anthropic/", "claude-haiku-4-5"]);
    expect(idSegments("@cf/meta/llama-3.3-70b-instruct-fp8-fast")).toEqual(["@cf/", "meta/", "llama-3.3-70b-instruct-fp8-fast"]);
    expect(idSegments("workers-ai/@hf/google/gemma-7b-it").join("")).toBe("workers-ai/@hf/google/gemma-7b-it");
  });

  it("labels lifecycles", () => {
    expect(lifecycleLabel(getModel("@cf/meta/llama-3.1-8b-instruct")!)).toBe("retired");
  });
});

describe("generated routes known to the links validator", () => {
  it("accepts /models/, /deprecations/ and real model pages, with or without a hash", () => {
    expect(isGeneratedRoute("/models/")).toBe(true);
    expect(isGeneratedRoute("/deprecations/#deprecated-models")).toBe(true);
    expect(isGeneratedRoute("/models/cf/meta/llama-3.1-8b-instruct/")).toBe(true);
  });
  it("rejects a model page that does not exist, so the links validator still reports it", () => {
    expect(isGeneratedRoute("/models/cf/meta/llama-9/")).toBe(false);
    expect(isGeneratedRoute("/models/cf/meta/llama-3.1-8b-instruct")).toBe(false);
  });
});
