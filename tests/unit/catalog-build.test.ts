import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildCatalog, BuildError, type BuildInputs } from "../../tools/catalog-build/build.ts";
import { readWorkersTypes } from "../../tools/catalog-build/workers-types.ts";
import { generate } from "../../tools/catalog-build.ts";
import { models, getModel, inputSchemaOf, isWorkersAiModel } from "../../catalog/index.ts";

const fixture = fileURLToPath(new URL("../fixtures/workers-types/index.d.ts", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));
/** Read once: building a TypeScript program costs a few hundred milliseconds. */
const fixtureModels = readWorkersTypes(fixture);

describe("reading @cloudflare/workers-types with the TypeScript compiler API", () => {
  const read = fixtureModels;
  const byId = new Map(read.map((m) => [m.id, m]));

  it("lists every AiModels id, @cf/ and @hf/", () => {
    expect(read.map((m) => m.id)).toEqual(["@cf/acme/chat-7b", "@hf/acme/old-chat", "@cf/acme/voice", "@cf/acme/embed"]);
  });

  it("takes the task from the base class, or from the shape of the types", () => {
    expect(byId.get("@cf/acme/chat-7b")).toMatchObject({ task: "Text Generation", taskFrom: "base class" });
    expect(byId.get("@cf/acme/voice")).toMatchObject({ task: "Text-to-Speech", taskFrom: "types" });
    expect(byId.get("@cf/acme/embed")).toMatchObject({ task: "Text Embeddings", taskFrom: "types" });
  });

  it("lists input parameters with type, required and @default; union inputs say which forms have a field", () => {
    const chat = byId.get("@cf/acme/chat-7b")!;
    expect(chat.inputs.find((f) => f.name === "max_tokens")).toEqual({ name: "max_tokens", type: "number", required: false, default: 256 });
    expect(chat).toMatchObject({ streams: true, takesTools: true });
    const voice = byId.get("@cf/acme/voice")!;
    expect(voice.inputs).toEqual([
      { name: "text", type: "string", required: true },
      { name: "speaker", type: "'a' | 'b'", required: false },
    ]);
    const embed = byId.get("@cf/acme/embed")!;
    expect(embed.inputs.map((f) => [f.name, f.required, f.note])).toEqual([
      ["text", false, "only in 1 of the 2 input forms"],
      ["requests", false, "only in 1 of the 2 input forms"],
    ]);
  });

  it("gives a JSON Schema of the input", () => {
    expect(byId.get("@cf/acme/voice")!.inputSchema).toEqual({
      type: "object",
      properties: { text: { type: "string" }, speaker: { type: "string", enum: ["a", "b"] } },
      required: ["text"],
    });
  });
});

function inputs(overrides: Partial<BuildInputs> = {}): BuildInputs {
  return {
    workersTypes: { version: "9.0.0", models: fixtureModels },
    snapshot: [
      { model_id: "acme/big-1", provider_id: "acme", name: "Big 1", task: "Text Generation", context_length: 1000, max_output_tokens: null, source_path: "src/content/catalog-models/acme-big-1.json", source_commit: "a".repeat(40) },
    ],
    overlay: {},
    sameModelAs: {},
    previous: [],
    ...overrides,
  };
}

describe("catalog:build merges the sources", () => {
  it("makes one entry per Workers AI model and per model file, each naming its source", () => {
    const { models: built } = buildCatalog(inputs());
    expect(built.map((m) => m.id)).toEqual(["@cf/acme/chat-7b", "@cf/acme/embed", "@cf/acme/voice", "@hf/acme/old-chat", "acme/big-1"]);
    expect(built.find((m) => m.id === "@cf/acme/voice")!.source).toBe('@cloudflare/workers-types 9.0.0 (AiModels["@cf/acme/voice"]: Base_Ai_Cf_Acme_Voice); task inferred from its input and output types');
    expect(built.find((m) => m.id === "acme/big-1")!.source).toBe("Cloudflare model file (cloudflare-docs src/content/catalog-models/acme-big-1.json @ aaaaaaaaaaaa)");
    expect(built.find((m) => m.id === "@cf/acme/embed")!.endpoints).toEqual(["run", "embeddings"]);
  });

  it("overlay facts win and say where they come from; another spelling becomes an alias", () => {
    const { models: built } = buildCatalog(
      inputs({
        overlay: { "acme/big-one": { endpoints: ["run", "chat-completions"], source: "a test page" } },
        sameModelAs: { "acme/big-1": { id: "acme/big-one", source: "the REST page spells it big-one" } },
      }),
    );
    expect(built.find((m) => m.id === "acme/big-1")).toBeUndefined();
    const big = built.find((m) => m.id === "acme/big-one")!;
    expect(big.aliases).toEqual([{ id: "acme/big-1", context: "rest", source: expect.stringContaining("acme-big-1.json") }]);
    expect(big.endpoints).toEqual(["run", "chat-completions"]);
    expect(big.source).toBe("Cloudflare model file (cloudflare-docs src/content/catalog-models/acme-big-1.json @ aaaaaaaaaaaa); overlay: a test page");
  });

  it("keeps a Workers AI model that vanished from workers-types and marks it for review, until the overlay decides", () => {
    const gone = { id: "@cf/acme/gone", author: "acme", name: "gone", task: "Text Generation" as const, endpoints: ["run" as const], lifecycle: { status: "active" as const }, billing: "workers-ai" as const, source: "@cloudflare/workers-types 8.0.0 (AiModels)" };
    const first = buildCatalog(inputs({ previous: [gone] }));
    expect(first.vanished).toEqual(["@cf/acme/gone"]);
    expect(first.models.find((m) => m.id === "@cf/acme/gone")!.review).toMatch(/^@cloudflare\/workers-types 9\.0\.0 no longer lists this model \(last listed in 8\.0\.0\)/);
    expect(first.added).toContain("@cf/acme/voice");
    const decided = buildCatalog(inputs({ previous: [gone], overlay: { "@cf/acme/gone": { lifecycle: { status: "retired", date: "2026-01-01", replacement: "@cf/acme/chat-7b" }, source: "a test notice" } } }));
    expect(decided.models.find((m) => m.id === "@cf/acme/gone")).toMatchObject({ lifecycle: { status: "retired" } });
    expect(decided.models.find((m) => m.id === "@cf/acme/gone")!.review).toBeUndefined();
  });

  it("a bad overlay entry fails naming the file, the entry and the field", () => {
    const bad = inputs({ overlay: { "acme/big-1": { endpoints: ["run", "images" as never], source: "x" } } });
    expect(() => buildCatalog(bad)).toThrowError(BuildError);
    expect(() => buildCatalog(bad)).toThrowError(/catalog\/overlay\.ts: entry "acme\/big-1": endpoints\.1: /);
    expect(() => buildCatalog(inputs({ overlay: { "acme/only-here": { name: "x", source: "a test" } } }))).toThrowError(/catalog\/overlay\.ts: entry "acme\/only-here": task, endpoints, lifecycle: no generated source lists this model/);
  });

  it("a bad snapshot entry fails naming the file, the entry and the field", () => {
    const snap = inputs().snapshot as Record<string, unknown>[];
    expect(() => buildCatalog(inputs({ snapshot: [{ ...snap[0], source_commit: "abc" }] }))).toThrowError(/catalog\/sources\/catalog-models\.json: entry 0 \(acme\/big-1\): source_commit: a 40-hex commit/);
  });

  it("a model whose task the types do not tell fails, pointing at the overlay", () => {
    const mystery = { id: "@cf/acme/mystery", typeName: "Base_Ai_Cf_Acme_Mystery", task: undefined, taskFrom: "types" as const, inputs: [], outputs: [], inputTypeName: "x", inputSchema: {}, streams: false, takesTools: false };
    expect(() => buildCatalog(inputs({ workersTypes: { version: "9.0.0", models: [mystery] } }))).toThrowError(/AiModels\["@cf\/acme\/mystery"\].*task.*add `task` to catalog\/overlay\.ts/);
  });
});

describe("the committed catalog", () => {
  it("is what catalog:build makes from the installed workers-types, the snapshot and the overlay (run npm run catalog:build)", () => {
    const { files } = generate(root);
    for (const [path, text] of Object.entries(files)) expect(readFileSync(`${root}/${path}`, "utf8"), path).toBe(text);
  });

  it("holds every Workers AI model of the installed @cloudflare/workers-types and at least 60 third-party models with path and commit", () => {
    const installed = readWorkersTypes(`${root}/node_modules/@cloudflare/workers-types/index.d.ts`).map((m) => m.id);
    for (const id of installed) expect(getModel(id), id).toBeDefined();
    const fromFiles = models.filter((m) => !isWorkersAiModel(m) && /cloudflare-docs src\/content\/catalog-models\/\S+\.json @ [0-9a-f]{12}/.test(m.source));
    expect(fromFiles.length).toBeGreaterThanOrEqual(60);
    for (const author of ["openai", "anthropic", "google", "xai", "deepseek", "alibaba", "minimax"]) expect(fromFiles.some((m) => m.author === author), author).toBe(true);
  });

  it("knows @cf/deepgram/aura-1 and the models the seed's check called unknown", () => {
    for (const id of ["@cf/deepgram/aura-1", "openai/gpt-4o", "xai/grok-4.3", "@hf/nousresearch/hermes-2-pro-mistral-7b"]) expect(getModel(id), id).toBeDefined();
    expect(getModel("@cf/deepgram/aura-1")!.task).toBe("Text-to-Speech");
  });

  it("gives a Workers AI model's /ai/run input schema", () => {
    const schema = inputSchemaOf("@cf/deepgram/aura-1") as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(["text"]);
    expect(Object.keys(schema.properties)).toContain("speaker");
    expect(inputSchemaOf("openai/gpt-5-mini")).toBeUndefined();
  });
});
