/**
 * Behaviours from facts section 11 and the facts sheet that real clients hit; the ones no source settles are marked
 * ASSUMED in their test names.
 */
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../src/contract.ts";
import { startEmulator } from "../src/index.ts";
import { KEYS, LLAMA, TOKEN, auth, curl, gwAuth, gwBase, post, restBase, useEmulator } from "./helpers.ts";

const emu = useEmulator({ gateways: { open: { authentication: false }, keyed: { authentication: true, byok: { openai: { default: KEYS.openai } } } } });
const last = () => emu().log.entries.at(-1)!;
const hi = [{ role: "user", content: "Hi" }];

describe("universal endpoint: provider \"compat\" (ai-gateway-provider's createUnified)", () => {
  const step = (model: string, headers: Record<string, string> = {}) => [{ provider: "compat", endpoint: "chat/completions", headers, query: { model, messages: hi } }];

  it("a compat step with no provider key is paid by Unified Billing (openai/…)", async () => {
    const r = await post(gwBase(emu()), step("openai/gpt-5-mini"), gwAuth());
    expect(r.status).toBe(200);
    expect(r.json.choices[0].message.content).toBe("Emulated response from openai/gpt-5-mini to: Hi");
    expect(r.headers.get("cf-aig-step")).toBe("0");
    expect(last().upstream[0]).toMatchObject({ provider: "openai", credential: "unified", step: 0 });
  });

  it("a compat step carrying the Cloudflare token as the OpenAI key gets OpenAI's 401 (the forwarded-token failure)", async () => {
    const r = await post(gwBase(emu()), step("openai/gpt-5-mini", { Authorization: `Bearer ${TOKEN}` }), gwAuth());
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe("invalid_api_key");
    expect(last().upstream[0]).toMatchObject({ provider: "openai", credential: "request", status: 401 });
    expect(last().upstream[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("a compat step for workers-ai/@cf/… needs the token in the step: without it 401 code 10000, with it an answer", async () => {
    const without = await post(gwBase(emu()), step(`workers-ai/${LLAMA}`), gwAuth());
    expect(without.status).toBe(401);
    expect(without.json.errors[0].code).toBe(10000);
    const withToken = await post(gwBase(emu()), step(`workers-ai/${LLAMA}`, { authorization: `Bearer ${TOKEN}` }), gwAuth());
    expect(withToken.status).toBe(200);
    expect(last().upstream[0]).toMatchObject({ provider: "workers-ai", credential: "cloudflare" });
  });

  it("a compat step's endpoint other than chat/completions gets a 404", async () => {
    const r = await post(gwBase(emu()), [{ provider: "compat", endpoint: "embeddings", query: { model: "openai/text-embedding-3-small", input: "x" } }], gwAuth());
    expect(r.status).toBe(404);
  });
});

describe("Unified Billing on /compat (facts section 11, a third party's live tests)", () => {
  const compat = (model: string, headers: Record<string, string> = {}) => post(`${gwBase(emu())}/compat/chat/completions`, { model, messages: hi }, { ...gwAuth(), ...headers });

  it("works for openai/, anthropic/ and workers-ai/ ids", async () => {
    expect((await compat("openai/gpt-5-mini")).status).toBe(200);
    expect((await compat("anthropic/claude-sonnet-4-5")).status).toBe(200);
    expect((await compat(`workers-ai/${LLAMA}`, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it("google-ai-studio/ and grok/ fail: could not be resolved for spend-limit enforcement (status 403 ASSUMED)", async () => {
    for (const model of ["google-ai-studio/gemini-2.5-flash", "grok/grok-3"]) {
      const r = await compat(model);
      expect(r.status, model).toBe(403);
      expect(r.json.error.message).toBe(MESSAGES.spendLimitUnresolved);
      expect(last().upstream[0].credential).toBe("unified");
    }
  });

  it("deepseek/ reaches DeepSeek without a key: Unauthorized: Authentication Fails (status 401 ASSUMED)", async () => {
    const r = await compat("deepseek/deepseek-v4-pro");
    expect(r.status).toBe(401);
    expect(r.json.error.message).toBe(MESSAGES.deepseekAuthFails);
  });

  it("google-ai-studio/ with the user's own key works", async () => {
    const r = await compat("google-ai-studio/gemini-2.5-flash", { authorization: `Bearer ${KEYS.google}` });
    expect(r.status).toBe(200);
    expect(last().upstream[0]).toMatchObject({ provider: "google-ai-studio", credential: "request" });
    expect(last().upstream[0].headers["x-goog-api-key"]).toBe(KEYS.google);
  });
});

describe("models outside the site catalog", () => {
  it("provider-native with the user's own key: forwarded, the provider decides", async () => {
    const r = await post(`${gwBase(emu())}/openai/chat/completions`, { model: "gpt-9-preview", messages: hi }, { ...gwAuth(), authorization: `Bearer ${KEYS.openai}` });
    expect(r.status).toBe(200);
    expect(r.json.model).toBe("gpt-9-preview");
    expect(last().upstream[0]).toMatchObject({ provider: "openai", credential: "request", status: 200 });
    expect((last().upstream[0].body as { model: string }).model).toBe("gpt-9-preview");
  });

  it("compat with the user's own key: forwarded to the provider the slug names", async () => {
    const r = await post(`${gwBase(emu())}/compat/chat/completions`, { model: "anthropic/claude-future-9", messages: hi }, { ...gwAuth(), authorization: `Bearer ${KEYS.anthropic}` });
    expect(r.status).toBe(200);
    expect(last().upstream[0]).toMatchObject({ provider: "anthropic", credential: "request" });
    expect(last().upstream[0].headers["x-api-key"]).toBe(KEYS.anthropic);
  });

  it("ASSUMED: with Unified Billing a model outside the catalog gets the provider's 404", async () => {
    const r = await post(`${gwBase(emu())}/compat/chat/completions`, { model: "openai/gpt-9-preview", messages: hi }, gwAuth());
    expect(r.status).toBe(404);
  });

  it("the REST API keeps refusing ids it does not know (404 code 7003)", async () => {
    const r = await post(`${restBase(emu())}/v1/chat/completions`, { model: "openai/gpt-9-preview", messages: hi }, auth());
    expect(r.status).toBe(404);
    expect(r.json.errors[0].code).toBe(7003);
  });

  it("ASSUMED: the REST host does not forward a provider key from the request (x-api-key, or a second Authorization-like header)", async () => {
    const r = await post(`${restBase(emu())}/v1/messages`, { model: "anthropic/claude-sonnet-4-5", max_tokens: 64, messages: hi }, { ...auth(), "x-api-key": KEYS.anthropic });
    expect(r.status).toBe(200);
    const call = last().upstream[0];
    expect(call.credential).toBe("unified");
    expect(call.headers["x-api-key"]).not.toBe(KEYS.anthropic);
    expect(JSON.stringify(call.headers)).not.toContain(TOKEN);
  });
});

describe("/ai/v1/responses and Unified Billing on an authenticated gateway (cloudflare/ai #548)", () => {
  const responses = (e = emu(), headers: Record<string, string> = {}) => post(`${restBase(e)}/v1/responses`, { model: "openai/gpt-5-mini", input: "Hi" }, { ...auth(), ...headers });

  it("answers 402 on the default gateway (authentication on), while chat/completions with the same model works", async () => {
    const r = await responses();
    expect(r.status).toBe(402);
    expect(r.json.errors[0].message).toContain("cloudflare/ai #548");
    expect(last().upstream[0]).toMatchObject({ provider: "openai", credential: "unified", status: 402 });
    const chat = await post(`${restBase(emu())}/v1/chat/completions`, { model: "openai/gpt-5-mini", messages: hi }, auth());
    expect(chat.status).toBe(200);
  });

  it("works on a gateway with authentication off, and with a key stored in the gateway (BYOK)", async () => {
    expect((await responses(emu(), { "cf-aig-gateway-id": "open" })).status).toBe(200);
    const keyed = await responses(emu(), { "cf-aig-gateway-id": "keyed" });
    expect(keyed.status).toBe(200);
    expect(last().upstream[0].credential).toBe("byok");
  });

  it("config bugs.responsesUnifiedBilling402: false answers as when the bug is fixed", async () => {
    const fixed = await startEmulator({ config: { bugs: { responsesUnifiedBilling402: false } } });
    try {
      expect((await responses(fixed)).status).toBe(200);
    } finally {
      await fixed.stop();
    }
  });
});

describe("JSON mode on /ai/run (workers-ai/features/json-mode.mdx)", () => {
  const schema = { type: "object", properties: { name: { type: "string" }, year: { type: "integer" } }, required: ["name", "year"] };

  it("result.response is the JSON object itself, not a string", async () => {
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { messages: [{ role: "user", content: "The Eiffel Tower opened in 1889" }], response_format: { type: "json_schema", json_schema: schema } }, auth());
    expect(r.status).toBe(200);
    expect(r.json.result.response).toEqual({ name: "1889", year: 1889 }); // strings: the phrase after the last "in"
  });

  it("json_object also answers an object", async () => {
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "Hi", response_format: { type: "json_object" } }, auth());
    expect(typeof r.json.result.response).toBe("object");
  });

  it("ASSUMED: JSON mode with stream: true gets a 400 (JSON mode does not support streaming)", async () => {
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "Hi", stream: true, response_format: { type: "json_object" } }, auth());
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toBe(MESSAGES.jsonModeStreaming);
  });
});

describe("Anthropic structured outputs: output_config.format", () => {
  it("answers text that is JSON fitting the schema, on /ai/v1/messages and provider-native", async () => {
    const body = {
      model: "anthropic/claude-sonnet-4-5",
      max_tokens: 256,
      messages: [{ role: "user", content: "Paris has 2 airports" }],
      output_config: { format: { type: "json_schema", schema: { type: "object", properties: { city: { type: "string" }, airports: { type: "integer" } }, required: ["city", "airports"] } } },
    };
    const rest = await post(`${restBase(emu())}/v1/messages`, body, auth());
    expect(rest.status).toBe(200);
    expect(JSON.parse(rest.json.content[0].text)).toEqual({ city: "Paris has 2 airports", airports: 2 });
    const native = await post(`${gwBase(emu())}/anthropic/v1/messages`, { ...body, model: "claude-sonnet-4-5" }, { ...gwAuth(), "x-api-key": KEYS.anthropic, "anthropic-version": "2023-06-01" });
    expect(native.status).toBe(200);
    expect(JSON.parse(native.json.content[0].text)).toEqual({ city: "Paris has 2 airports", airports: 2 });
  });
});

describe("a body sent with curl -d (no JSON Content-Type)", () => {
  it("POST /ai/run/{model} as in Cloudflare's get-started example", async () => {
    const r = await curl([`${restBase(emu())}/run/${LLAMA}`, "-H", `Authorization: Bearer ${TOKEN}`, "-d", '{ "prompt": "Where did the phrase Hello World come from" }']);
    expect(r.status).toBe(200);
    expect(r.json.result.response).toBe(`Emulated response from ${LLAMA} to: Where did the phrase Hello World come from`);
  });
});

describe("/ai/run input checked against the model's published input schema (catalog inputSchemaOf)", () => {
  const BGE_M3 = "@cf/baai/bge-m3";

  it("a field only the published schema types (truncate_inputs: boolean) gets a 400 naming it (code and wording ASSUMED)", async () => {
    const r = await post(`${restBase(emu())}/run/${BGE_M3}`, { text: "hi", truncate_inputs: "yes" }, auth());
    expect(r.status).toBe(400);
    expect(r.json.errors[0].code).toBe(5004);
    expect(r.json.errors[0].message).toBe('Invalid input: truncate_inputs: Instance type "string" is invalid. Expected "boolean". (the model\'s published input schema)');
  });

  it("names the field under input on the envelope /ai/run", async () => {
    const r = await post(`${restBase(emu())}/run`, { model: BGE_M3, input: { text: "hi", truncate_inputs: 1 } }, { ...auth(), "cf-aig-gateway-id": "default" });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toMatch(/^Invalid input: input\.truncate_inputs: .*published input schema/);
  });

  it("input that fits the schema is answered", async () => {
    const r = await post(`${restBase(emu())}/run/${BGE_M3}`, { text: "hi", truncate_inputs: true }, auth());
    expect(r.status).toBe(200);
    expect(r.json.result.shape).toEqual([1, 1024]);
  });
});
