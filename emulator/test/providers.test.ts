import { describe, expect, it } from "vitest";
import { callProvider, keyAccepted } from "../src/providers.ts";
import { State } from "../src/state.ts";
import { models } from "../../catalog/index.ts";
import { KEYS, LLAMA, TOKEN, auth, gwAuth, gwBase, post, restBase, sseData, useEmulator } from "./helpers.ts";

const emu = useEmulator({ byok: { openrouter: { default: "sk-short" }, openai: { default: KEYS.openai } } });
const lastEntry = () => emu().log.entries.at(-1)!;
const hi = [{ role: "user", content: "Hi" }];

describe("emulated providers", () => {
  it("compat: an Anthropic key in Authorization reaches Anthropic as x-api-key", async () => {
    await fetch(`${gwBase(emu())}/compat/models`, { headers: gwAuth() });
    const r = await post(`${gwBase(emu())}/compat/chat/completions`, { model: "anthropic/claude-sonnet-4-5", messages: [{ role: "system", content: "Be brief" }, ...hi] }, { ...gwAuth(), authorization: `Bearer ${KEYS.anthropic}` });
    expect(r.status).toBe(200);
    const up = lastEntry().upstream[0];
    expect(up.headers["x-api-key"]).toBe(KEYS.anthropic);
    expect(up.headers.authorization).toBeUndefined();
    expect(up.body).toMatchObject({ model: "claude-sonnet-4-5", system: "Be brief", messages: [{ role: "user", content: "Hi" }] });
  });

  it("a stored BYOK key that does not look real is rejected by the provider too", async () => {
    const r = await post(`${gwBase(emu())}/openrouter/v1/chat/completions`, { model: "openai/gpt-5-mini", messages: hi }, gwAuth());
    expect(r.status).toBe(401);
    expect(lastEntry().upstream[0]).toMatchObject({ provider: "openrouter", credential: "byok", status: 401, headers: { authorization: "Bearer sk-short" } });
  });

  it("Google AI Studio takes ?key= and streams with alt=sse", async () => {
    const url = `${gwBase(emu())}/google-ai-studio/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=${KEYS.google}`;
    const r = await post(url, { contents: [{ role: "user", parts: [{ text: "Hi there" }] }] }, gwAuth());
    expect(r.status).toBe(200);
    const text = sseData(r.text).map((d) => JSON.parse(d).candidates[0].content.parts[0].text).join("");
    expect(text).toBe("Emulated response from gemini-2.5-flash to: Hi there");
    expect(lastEntry().upstream[0].credential).toBe("request");
  });

  it("Google AI Studio without alt=sse answers one JSON array of chunks", async () => {
    const url = `${gwBase(emu())}/google-ai-studio/v1beta/models/gemini-2.5-flash:streamGenerateContent`;
    const r = await post(url, { contents: [{ parts: [{ text: "Hi" }] }] }, { ...gwAuth(), "x-goog-api-key": KEYS.google });
    expect(Array.isArray(r.json)).toBe(true);
    expect(r.json.at(-1).candidates[0].finishReason).toBe("STOP");
  });

  it("Google AI Studio: a model outside the catalog with the user's key is forwarded; with Unified Billing it gets Google's 404 (ASSUMED)", async () => {
    const own = await post(`${gwBase(emu())}/google-ai-studio/v1beta/models/gemini-9:generateContent`, { contents: [{ parts: [{ text: "Hi" }] }] }, { ...gwAuth(), "x-goog-api-key": KEYS.google });
    expect(own.status).toBe(200);
    expect(emu().log.entries.at(-1)!.upstream[0]).toMatchObject({ provider: "google-ai-studio", credential: "request", status: 200 });
    const r = await post(`${gwBase(emu())}/google-ai-studio/v1beta/models/gemini-9:generateContent`, { contents: [{ parts: [{ text: "Hi" }] }] }, gwAuth());
    expect(r.status).toBe(404);
    expect(r.json.error.status).toBe("NOT_FOUND");
  });

  it("Responses streams a function call with function_call_arguments events", async () => {
    const r = await post(`${restBase(emu())}/v1/responses`, { model: "openai/gpt-5-mini", stream: true, input: "What is the weather in Rome?", tools: [{ type: "function", name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } }] }, auth());
    const events = sseData(r.text).map((d) => JSON.parse(d));
    expect(events.map((e) => e.type)).toEqual(["response.created", "response.in_progress", "response.output_item.added", "response.function_call_arguments.delta", "response.function_call_arguments.done", "response.output_item.done", "response.completed"]);
    expect(events[4].arguments).toBe('{"city":"Rome"}');
    expect(events.map((e) => e.sequence_number)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("cf-aig-cache-key caches under the given key", async () => {
    const h = { ...gwAuth(), "cf-aig-cache-key": "greeting", authorization: `Bearer ${KEYS.openrouter}` };
    const a = await post(`${gwBase(emu())}/openrouter/v1/chat/completions`, { model: "openai/gpt-5-mini", messages: [{ role: "user", content: "one" }] }, h);
    const b = await post(`${gwBase(emu())}/openrouter/v1/chat/completions`, { model: "openai/gpt-5-mini", messages: [{ role: "user", content: "two" }] }, h);
    expect(b.headers.get("cf-aig-cache-status")).toBe("HIT");
    expect(b.json.choices[0].message.content).toBe(a.json.choices[0].message.content);
  });
});

describe("other Workers AI tasks on /ai/run", () => {
  it("reranker scores contexts against the query", async () => {
    const r = await post(`${restBase(emu())}/run/@cf/baai/bge-reranker-base`, { query: "red apples", contexts: [{ text: "green pears" }, { text: "red apples are sweet" }] }, auth());
    expect(r.json.result.response).toEqual([{ id: 1, score: 1 }, { id: 0, score: 0 }]);
  });

  it("speech recognition answers a stand-in transcription", async () => {
    const r = await post(`${restBase(emu())}/run/@cf/openai/whisper-large-v3-turbo`, { audio: Buffer.from("abcd").toString("base64") }, auth());
    expect(r.json.result.text).toBe("Emulated transcription of 4 bytes of audio.");
  });

  it("text-to-speech answers audio/mpeg bytes", async () => {
    const res = await fetch(`${restBase(emu())}/run/@cf/deepgram/aura-2-en`, { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body: JSON.stringify({ text: "Hello" }) });
    expect(res.headers.get("content-type")).toBe("audio/mpeg");
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(10);
  });

  it("image generation answers a base64 PNG", async () => {
    const r = await post(`${restBase(emu())}/run/@cf/black-forest-labs/flux-1-schnell`, { prompt: "a cat" }, auth());
    expect(Buffer.from(r.json.result.image, "base64").subarray(1, 4).toString()).toBe("PNG");
  });

  it("google/nano-banana, served only by the gateway host's Run API, is refused on REST /ai/run", async () => {
    const r = await post(`${restBase(emu())}/run`, { model: "google/nano-banana", input: { prompt: "a cat" } }, auth());
    expect(r.status).toBe(400); // ASSUMED status and wording
    expect(r.json.errors[0].message).toMatch(/gateway host's preview Run API/);
  });
});

describe("credential rules (unit)", () => {
  const state = new State({});
  it("keys must look like the provider's and not be the Cloudflare token or a placeholder", () => {
    expect(keyAccepted("openai", KEYS.openai, state)).toBe(true);
    expect(keyAccepted("openai", KEYS.anthropic, state)).toBe(false);
    expect(keyAccepted("anthropic", KEYS.anthropic, state)).toBe(true);
    expect(keyAccepted("openrouter", KEYS.openrouter, state)).toBe(true);
    expect(keyAccepted("openrouter", "Bearer CF_TEMP_TOKEN", state)).toBe(false);
    expect(keyAccepted("openai", "sk-CF_TEMP_TOKEN-aaaaaaaaaaaaaaaaaaaa", state)).toBe(false);
    expect(keyAccepted("google-ai-studio", KEYS.google, state)).toBe(true);
    expect(keyAccepted("grok", TOKEN, state)).toBe(false);
  });

  it("a model billed BYOK-only gets 402 code 2021 without a key", () => {
    const model = { ...models.find((m) => m.id === "openai/gpt-5-mini")!, billing: "byok-only" as const };
    const r = callProvider(state, [], { provider: "openai", headers: {}, byokOnly: false, model, body: {} });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.out).toMatchObject({ status: 402, json: { error: [{ code: 2021 }] } });
  });

  it("Workers AI gets the Cloudflare token; REST requests never forward Authorization to a third party", () => {
    const calls: any[] = [];
    callProvider(state, calls, { provider: "openai", headers: { authorization: `Bearer ${TOKEN}` }, restHost: true, byokOnly: false, body: {} });
    expect(calls[0]).toMatchObject({ credential: "unified", status: 200 });
    expect(JSON.stringify(calls[0].headers)).not.toContain(TOKEN);
    expect(LLAMA).toContain("@cf/");
  });
});
