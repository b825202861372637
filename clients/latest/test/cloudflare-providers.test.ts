/**
 * Cloudflare's own AI SDK providers at their current versions: workers-ai-provider (REST /ai/run) and
 * ai-gateway-provider (the universal endpoint), unmodified. workers-ai-provider takes a fetch that changes the origin;
 * ai-gateway-provider calls gateway.ai.cloudflare.com with the global fetch, which is redirected for this file.
 */
import { createOpenRouter as createOpenRouterOldSdk } from "@openrouter/ai-sdk-provider";
import { createAiGateway } from "ai-gateway-provider";
import { createOpenRouter } from "ai-gateway-provider/providers/openrouter";
import { createUnified } from "ai-gateway-provider/providers/unified";
import { embed, generateText, jsonSchema, streamText, tool } from "ai";
import { readFileSync } from "node:fs";
import { createWorkersAI } from "workers-ai-provider";
import { describe, expect, it } from "vitest";
import { ACCOUNT, LLAMA, TOKEN, errorOf, lastUpstream, redirectGlobalFetch, redirectingFetch, useEmulator } from "../../support/emulator.ts";

const emu = useEmulator();
redirectGlobalFetch(() => emu().url);
const version = (pkg: string) => JSON.parse(readFileSync(new URL(`../../../node_modules/${pkg}/package.json`, import.meta.url), "utf8")).version;

describe("workers-ai-provider (REST /ai/run/{model})", () => {
  const workersai = () => createWorkersAI({ accountId: ACCOUNT, apiKey: TOKEN, fetch: redirectingFetch(() => emu().url) });

  it("generateText and streamText", async () => {
    const { text } = await generateText({ model: workersai()(LLAMA), prompt: "Hi", maxRetries: 0 });
    expect(text).toBe(`Emulated response from ${LLAMA} to: Hi`);
    expect(emu().log.entries.at(-1)!.path).toBe(`/client/v4/accounts/${ACCOUNT}/ai/run/${LLAMA}`);
    const s = streamText({ model: workersai()(LLAMA), prompt: "Stream this", maxRetries: 0 });
    expect(await s.text).toBe(`Emulated response from ${LLAMA} to: Stream this`);
  });

  it("tools", async () => {
    const r = await generateText({
      model: workersai()(LLAMA),
      prompt: "What is the weather in Cairo?",
      tools: { get_weather: tool({ inputSchema: jsonSchema<{ city: string }>({ type: "object", properties: { city: { type: "string" } }, required: ["city"] }) }) },
      maxRetries: 0,
    });
    expect(r.toolCalls[0]).toMatchObject({ toolName: "get_weather", input: { city: "Cairo" } });
  });

  it("embeddings", async () => {
    const { embedding } = await embed({ model: workersai().textEmbeddingModel("@cf/baai/bge-m3"), value: "hello", maxRetries: 0 });
    expect(embedding).toHaveLength(1024);
  });
});

describe(`ai-gateway-provider ${version("ai-gateway-provider")} (latest)`, () => {
  const aigateway = createAiGateway({ accountId: ACCOUNT, gateway: "default", apiKey: TOKEN });
  async function attempt(model: Parameters<typeof generateText>[0]["model"]) {
    try {
      return { ok: true as const, text: (await generateText({ model, prompt: "Hi", maxRetries: 0 })).text };
    } catch (e) {
      return { ok: false as const, ...errorOf(e) };
    }
  }

  it("is a 4.x release", () => {
    expect(version("ai-gateway-provider")).toMatch(/^4\./);
  });

  it("cloudflare/ai #355 still: with the old OpenRouter SDK (1.5.4, sends Authorization) the placeholder survives: 401 No cookie auth credentials found", async () => {
    expect(version("@openrouter/ai-sdk-provider")).toBe("1.5.4");
    // apiKey CF_TEMP_TOKEN is what ai-gateway-provider's own wrapper sets when the caller gives no key (src/auth.ts).
    // @ts-expect-error the old OpenRouter SDK gives a v2 model where ai-gateway-provider 4 types its argument as v4; it runs (the gateway only calls doGenerate/doStream)
    const r = await attempt(aigateway(createOpenRouterOldSdk({ apiKey: "CF_TEMP_TOKEN" })("openai/gpt-5-mini")));
    expect(r).toMatchObject({ ok: false, status: 401 });
    expect(JSON.stringify(r)).toContain("No cookie auth credentials found");
    expect(lastUpstream(emu())[0].headers.authorization).toBe("Bearer CF_TEMP_TOKEN");
  });

  it("its own createOpenRouter() (the bundled OpenRouter SDK lower-cases header names) reaches OpenRouter with no key", async () => {
    // @ts-expect-error ai-gateway-provider 4 bundles an OpenRouter SDK whose models are typed v3 but types its own argument as v4; it runs
    const r = await attempt(aigateway(createOpenRouter()("openai/gpt-5-mini")));
    expect(r).toEqual({ ok: true, text: "Emulated response from openai/gpt-5-mini to: Hi" });
    const [call] = lastUpstream(emu());
    expect(call.credential).toBe("unified");
    expect(JSON.stringify(call.headers)).not.toContain("CF_TEMP_TOKEN");
  });

  it("createUnified({ apiKey: cfToken }) on openai/… still sends the token to OpenAI: 401", async () => {
    const r = await attempt(aigateway(createUnified({ apiKey: TOKEN })("openai/gpt-5-mini")));
    expect(r).toMatchObject({ ok: false, status: 401 });
    expect(lastUpstream(emu())[0]).toMatchObject({ provider: "openai", credential: "request", status: 401 });
  });

  it("the fixed form answers for openai/… and workers-ai/@cf/…, streamed too", async () => {
    const unified = (id: string) => createUnified(id.startsWith("workers-ai/") || id.startsWith("@cf/") ? { apiKey: TOKEN } : {})(id);
    expect(await attempt(aigateway(unified("openai/gpt-5-mini")))).toEqual({ ok: true, text: "Emulated response from openai/gpt-5-mini to: Hi" });
    expect(lastUpstream(emu())[0].credential).toBe("unified");
    const s = streamText({ model: aigateway(unified(`workers-ai/${LLAMA}`)), prompt: "Stream", maxRetries: 0 });
    expect(await s.text).toBe(`Emulated response from workers-ai/${LLAMA} to: Stream`);
    expect(lastUpstream(emu())[0]).toMatchObject({ provider: "workers-ai", credential: "cloudflare" });
  });
});
