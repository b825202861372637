import { describe, expect, it } from "vitest";
import { listCompatModels, listWorkersAiModels, stableId } from "../src/model-lists.ts";
import { compatFormOf, isWorkersAiModel, models } from "../../catalog/index.ts";

const body = (q: string) => listWorkersAiModels(new URLSearchParams(q)).body as any;

describe("listWorkersAiModels (GET /ai/models/search)", () => {
  it("lists every Workers AI model that is not retired, @cf/ and @hf/, and no third-party model", () => {
    const all = body("per_page=1000");
    const expected = models.filter((m) => isWorkersAiModel(m) && m.lifecycle.status !== "retired").map((m) => m.id);
    expect(all.result.map((r: any) => r.name)).toEqual(expected);
    expect(all.result.some((r: any) => r.name.startsWith("@hf/"))).toBe(true);
    expect(all.result_info).toEqual({ page: 1, per_page: 1000, count: expected.length, total_count: expected.length });
  });

  it("pages: the pages together are the whole list, the last page is short", () => {
    const all = body("per_page=1000").result.map((r: any) => r.name);
    const pages = [1, 2, 3, 4, 5].map((p) => body(`per_page=25&page=${p}`).result.map((r: any) => r.name));
    expect(pages.flat()).toEqual(all);
    expect(pages[3].length).toBeLessThan(25);
    expect(pages[4]).toEqual([]);
  });

  it("filters by task and search; rejects a bad page size with 400 (ASSUMED)", () => {
    expect(body("task=text-to-speech&per_page=1000").result.map((r: any) => r.name)).toContain("@cf/deepgram/aura-1");
    expect(body("search=aura").result.every((r: any) => r.name.includes("aura"))).toBe(true);
    expect(listWorkersAiModels(new URLSearchParams("per_page=0")).status).toBe(400);
  });

  it("gives each model the same uuid-shaped id every time", () => {
    expect(stableId("@cf/deepgram/aura-1")).toBe(stableId("@cf/deepgram/aura-1"));
    expect(stableId("@cf/deepgram/aura-1")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableId("a")).not.toBe(stableId("b"));
  });
});

describe("listCompatModels (GET /compat/models)", () => {
  it("lists chat models in their compat form with the gateway provider", () => {
    const { data } = listCompatModels().body as any;
    const ids = data.map((d: any) => d.id);
    expect(ids).toContain("google-ai-studio/gemini-2.5-flash");
    expect(ids).toContain("workers-ai/@cf/meta/llama-3.3-70b-instruct-fp8-fast");
    expect(ids).not.toContain("workers-ai/@cf/meta/llama-3.1-8b-instruct"); // retired
    expect(data.find((d: any) => d.id === "grok/grok-3")).toMatchObject({ object: "model", owned_by: "grok" });
    expect(data.length).toBe(models.filter((m) => m.lifecycle.status !== "retired" && m.endpoints.includes("chat-completions")).length);
    for (const d of data) expect(models.some((m) => compatFormOf(m) === d.id)).toBe(true);
  });
});
