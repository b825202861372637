import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { LLAMA, TOKEN, auth, post, restBase, useEmulator } from "./helpers.ts";

const emu = useEmulator();
const chat = (model: string, headers: Record<string, string> = {}) => post(`${restBase(emu())}/v1/chat/completions`, { model, messages: [{ role: "user", content: "Hi" }] }, { ...auth(), "cf-aig-gateway-id": "default", ...headers });

describe("model ids against the catalog (REST API)", () => {
  it("an unknown @cf model gets 400 code 5007 'No such model'", async () => {
    const r = await post(`${restBase(emu())}/run/@cf/meta/llama-9-imaginary`, { prompt: "Hi" }, auth());
    expect(r.status).toBe(400);
    expect(r.json.errors[0]).toEqual({ code: 5007, message: "No such model @cf/meta/llama-9-imaginary or task" });
  });

  it("an unknown third-party model gets 404 code 7003 'model not found'", async () => {
    const r = await chat("openai/gpt-imaginary");
    expect(r.status).toBe(404);
    expect(r.json.errors[0].code).toBe(7003);
    expect(r.json.errors[0].message).toContain("model not found");
  });

  it("a retired model gets 5028 'model was deprecated' naming the replacement (status 400 assumed)", async () => {
    const r = await post(`${restBase(emu())}/run/@cf/meta/llama-3.1-8b-instruct`, { prompt: "Hi" }, auth());
    expect(r.status).toBe(400);
    expect(r.json.errors[0].code).toBe(5028);
    expect(r.json.errors[0].message).toContain("model was deprecated");
    expect(r.json.errors[0].message).toContain("@cf/meta/llama-3.1-8b-instruct-fp8");
  });

  it("a model not on the endpoint gets 400 naming the endpoints it supports", async () => {
    const r = await post(`${restBase(emu())}/v1/responses`, { model: LLAMA, input: "Hi" }, { ...auth(), "cf-aig-gateway-id": "default" });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toBe(`${LLAMA} is not supported on /ai/v1/responses. It supports /ai/run and /ai/v1/chat/completions.`);
  });

  it("an embedding model on chat completions is refused the same way", async () => {
    const r = await chat("@cf/baai/bge-m3");
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain("It supports /ai/run and /ai/v1/embeddings.");
  });

  it("a @cf model on /ai/v1/chat/completions without cf-aig-gateway-id gets 400 (assumed)", async () => {
    const client = new OpenAI({ apiKey: TOKEN, baseURL: `${restBase(emu())}/v1`, maxRetries: 0 });
    const err = await client.chat.completions.create({ model: LLAMA, messages: [{ role: "user", content: "Hi" }] }).catch((e) => e);
    expect(err.status).toBe(400);
    expect(JSON.stringify(err.error ?? err.message)).toContain("cf-aig-gateway-id");
  });

  it("a @cf model on envelope /ai/run without cf-aig-gateway-id gets 400 (assumed)", async () => {
    const r = await post(`${restBase(emu())}/run`, { model: LLAMA, input: { prompt: "Hi" } }, auth());
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain("cf-aig-gateway-id");
  });

  it("/ai/run/{model} needs no gateway header for @cf models", async () => {
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "Hi" }, auth());
    expect(r.status).toBe(200);
  });

  it("cf-aig-gateway-id naming a gateway that does not exist gets 400 code 2001", async () => {
    const r = await chat(LLAMA, { "cf-aig-gateway-id": "nope" });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].code).toBe(2001);
  });

  it.each([
    ["google-ai-studio/gemini-2.5-flash", "google/gemini-2.5-flash"],
    [`workers-ai/${LLAMA}`, LLAMA],
    ["grok/grok-3", "xai/grok-3"],
  ])("provider-slug id %s gets 400 with the REST form %s as a hint", async (slug, restId) => {
    const r = await chat(slug);
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain(`use "${restId}"`);
  });

  it("gpt-oss on /ai/v1/responses with stream: true gets 400 (assumed)", async () => {
    const r = await post(`${restBase(emu())}/v1/responses`, { model: "@cf/openai/gpt-oss-20b", input: "Hi", stream: true }, { ...auth(), "cf-aig-gateway-id": "default" });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain("without streaming");
  });

  it("/ai/v1/messages takes Anthropic models only", async () => {
    const r = await post(`${restBase(emu())}/v1/messages`, { model: "openai/gpt-5-mini", max_tokens: 10, messages: [{ role: "user", content: "Hi" }] }, auth());
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain("/ai/v1/messages");
  });
});
