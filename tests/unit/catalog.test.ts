import { describe, expect, it } from "vitest";
import { models, validateCatalog, getModel, resolveAlias, currentReplacement, modelPath } from "../../catalog/index.ts";

const good = {
  id: "@cf/acme/tiny-1b",
  author: "acme",
  name: "Tiny 1B",
  task: "Text Generation",
  endpoints: ["run", "chat-completions"],
  lifecycle: { status: "active" },
  billing: "workers-ai",
  source: "test fixture",
};

describe("catalog schema", () => {
  it("accepts a good entry and fills defaults", () => {
    const [m] = validateCatalog([good]);
    expect(m.aliases).toEqual([]);
    expect(m.capabilities).toEqual([]);
  });

  it.each([
    ["an id with spaces", { ...good, id: "@cf/acme/tiny 1b" }, "entry 0 (@cf/acme/tiny 1b): id: a REST model id"],
    ["an unknown endpoint", { ...good, endpoints: ["run", "images"] }, "(@cf/acme/tiny-1b): endpoints.1:"],
    ["a retired model without a replacement", { ...good, lifecycle: { status: "retired", date: "2026-01-01" } }, "lifecycle.replacement"],
    ["a deprecation date that is not ISO", { ...good, lifecycle: { status: "deprecated", date: "Jan 2026", replacement: "@cf/acme/big" } }, "lifecycle.date: use an ISO date"],
    ["an unknown field", { ...good, contextWindow: 4096 }, "(@cf/acme/tiny-1b): (entry): Unrecognized key"],
    ["an embedding model on chat completions", { ...good, task: "Text Embeddings" }, "endpoints: an embedding model works on run and embeddings only"],
  ])("rejects %s, naming file, entry and field", (_label, entry, expected) => {
    expect(() => validateCatalog([entry], "catalog/models.ts")).toThrowError(expected);
    expect(() => validateCatalog([entry], "catalog/models.ts")).toThrowError("catalog/models.ts: entry 0");
  });

  it("rejects a replacement that is not in the catalog", () => {
    const retired = { ...good, lifecycle: { status: "retired", date: "2026-01-01", replacement: "@cf/acme/gone" } };
    expect(() => validateCatalog([retired])).toThrowError('lifecycle.replacement: "@cf/acme/gone" is not in the catalog');
  });

  it("rejects two entries with one id", () => {
    expect(() => validateCatalog([good, good])).toThrowError('entry 1 (@cf/acme/tiny-1b): id: "@cf/acme/tiny-1b" is already used by entry 0');
  });
});

describe("the seeded catalog", () => {
  it("holds at least 35 models", () => expect(models.length).toBeGreaterThanOrEqual(35));

  it("marks llama-3.1-8b-instruct retired with an active replacement", () => {
    expect(getModel("@cf/meta/llama-3.1-8b-instruct")?.lifecycle.status).toBe("retired");
    expect(currentReplacement("@cf/meta/llama-3.1-8b-instruct")?.lifecycle.status).toBe("active");
  });

  it("maps provider-slug aliases to REST ids", () => {
    expect(resolveAlias("google-ai-studio/gemini-2.5-flash")?.model.id).toBe("google/gemini-2.5-flash");
    expect(resolveAlias("workers-ai/@cf/moonshotai/kimi-k2.6")?.model.id).toBe("@cf/moonshotai/kimi-k2.6");
    expect(getModel("google-ai-studio/gemini-2.5-flash")).toBeUndefined();
  });

  it("gives each model a page path", () => {
    expect(modelPath("@cf/meta/llama-3.3-70b-instruct-fp8-fast")).toBe("/models/cf/meta/llama-3.3-70b-instruct-fp8-fast/");
    expect(modelPath("openai/gpt-4.1")).toBe("/models/openai/gpt-4.1/");
  });
});
