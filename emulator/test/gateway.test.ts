import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.ts";
import { ACCT, KEYS, LLAMA, TOKEN, curl, gwAuth, gwBase, post, sseData, useEmulator } from "./helpers.ts";

const emu = useEmulator({
  byok: { anthropic: { default: KEYS.anthropic }, openai: { team: KEYS.openai } },
  gateways: { open: { authentication: false }, strict: { authentication: true, byokOnly: true } },
});
const lastEntry = () => emu().log.entries.at(-1)!;
const hi = [{ role: "user", content: "Hi" }];

describe("gateway: gateways and gateway authentication", () => {
  it("an unknown gateway id gets 400 code 2001 with the `error` key", async () => {
    const r = await post(`${gwBase(emu(), "no-such-gateway")}/compat/chat/completions`, { model: "openai/gpt-5-mini", messages: hi }, gwAuth());
    expect(r.status).toBe(400);
    expect(r.json.success).toBe(false);
    expect(r.json.error[0].code).toBe(2001);
    expect(r.json.errors).toBeUndefined();
  });

  it("`default` is created on the first authenticated request and has authentication on", async () => {
    const e = await startEmulator({ port: 0 });
    try {
      const url = `${gwBase(e)}/compat/chat/completions`;
      const before = await post(url, { model: "openai/gpt-5-mini", messages: hi });
      expect(before.status).toBe(400);
      expect(before.json.error[0].code).toBe(2001);
      const first = await post(url, { model: "openai/gpt-5-mini", messages: hi }, gwAuth());
      expect(first.status).toBe(200);
      const after = await post(url, { model: "openai/gpt-5-mini", messages: hi });
      expect(after.status).toBe(401);
      expect(after.json).toEqual({ success: false, result: [], messages: [], error: [{ code: 2009, message: "Unauthorized" }] });
    } finally {
      await e.stop();
    }
  });

  it("`default` is per account: creating it on one account does not create it on another", async () => {
    const other = "abcdefabcdefabcdefabcdefabcdef12";
    await post(`${gwBase(emu())}/compat/chat/completions`, { model: "openai/gpt-5-mini", messages: hi }, gwAuth());
    const r = await post(`${gwBase(emu(), "default", other)}/compat/chat/completions`, { model: "openai/gpt-5-mini", messages: hi });
    expect(r.status).toBe(400);
    expect(r.json.error[0].code).toBe(2001);
  });

  it("an authenticated gateway without cf-aig-authorization gets 401 code 2009", async () => {
    const r = await post(`${gwBase(emu(), "strict")}/openai/chat/completions`, { model: "gpt-5-mini", messages: hi }, { authorization: `Bearer ${KEYS.openai}` });
    expect(r.status).toBe(401);
    expect(r.json.error[0].code).toBe(2009);
  });

  it("a wrong cf-aig-authorization token gets 401 code 2009", async () => {
    const r = await post(`${gwBase(emu(), "strict")}/openai/chat/completions`, { model: "gpt-5-mini", messages: hi }, { ...gwAuth("wrong"), authorization: `Bearer ${KEYS.openai}` });
    expect(r.status).toBe(401);
  });

  it("a gateway with authentication off needs no cf-aig-authorization", async () => {
    const r = await post(`${gwBase(emu(), "open")}/openai/chat/completions`, { model: "gpt-5-mini", messages: hi }, { authorization: `Bearer ${KEYS.openai}` });
    expect(r.status).toBe(200);
  });

  it("CF-AIG-AUTHORIZATION in capitals is the same header (curl)", async () => {
    const r = await curl(["-X", "POST", `${gwBase(emu(), "strict")}/anthropic/v1/messages`, "-H", `CF-AIG-AUTHORIZATION: Bearer ${TOKEN}`, "-H", `X-API-KEY: ${KEYS.anthropic}`, "-H", "Content-Type: application/json", "-d", JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 20, messages: hi })]);
    expect(r.status).toBe(200);
    expect(r.json.content[0].text).toBe("Emulated response from claude-sonnet-4-5 to: Hi");
  });
});

describe("gateway: seed failure 1, the Cloudflare token forwarded to a third-party provider", () => {
  it("universal endpoint: a third-party step carrying the Cloudflare token gets the provider's 401 Invalid API Key", async () => {
    const r = await post(gwBase(emu()), [{ provider: "openai", endpoint: "chat/completions", headers: { authorization: `Bearer ${TOKEN}` }, query: { model: "gpt-5-mini", messages: hi } }], gwAuth());
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe("invalid_api_key");
    expect(r.json.error.message).toMatch(/^Incorrect API key provided/);
    const up = lastEntry().upstream[0];
    expect(up).toMatchObject({ provider: "openai", credential: "request", status: 401 });
    expect(up.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("universal endpoint: the same token on an Anthropic step gets Anthropic's 401", async () => {
    const r = await post(gwBase(emu()), [{ provider: "anthropic", endpoint: "v1/messages", headers: { "x-api-key": TOKEN }, query: { model: "claude-sonnet-4-5", max_tokens: 10, messages: hi } }], gwAuth());
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ type: "error", error: { type: "authentication_error", message: "invalid x-api-key" } });
  });

  it("compat: Authorization carrying the Cloudflare token for openai/… gets OpenAI's 401 (openai SDK)", async () => {
    const client = new OpenAI({ apiKey: TOKEN, baseURL: `${gwBase(emu())}/compat`, defaultHeaders: gwAuth(), maxRetries: 0 });
    const err = await client.chat.completions.create({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "Hi" }] }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(err.status).toBe(401);
    expect(err.code).toBe("invalid_api_key");
    expect(lastEntry().upstream[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("fixed: the token only on the Workers AI step, no key on the third-party step → both succeed via Unified Billing", async () => {
    const steps = [
      { provider: "openai", endpoint: "chat/completions", headers: {}, query: { model: "gpt-5-mini", messages: hi } },
    ];
    const r = await post(gwBase(emu()), steps, gwAuth());
    expect(r.status).toBe(200);
    expect(r.json.choices[0].message.content).toBe("Emulated response from gpt-5-mini to: Hi");
    const up = lastEntry().upstream[0];
    expect(up.credential).toBe("unified");
    expect(up.headers.authorization).not.toContain(TOKEN);
    expect(JSON.stringify(up.headers)).not.toContain(TOKEN);
    const wai = await post(gwBase(emu()), [{ provider: "workers-ai", endpoint: LLAMA, headers: { authorization: `Bearer ${TOKEN}` }, query: { prompt: "Hi" } }], gwAuth());
    expect(wai.status).toBe(200);
    expect(lastEntry().upstream[0]).toMatchObject({ provider: "workers-ai", credential: "cloudflare", status: 200 });
  });

  it("fixed: compat without Authorization succeeds via BYOK (Anthropic key stored under default)", async () => {
    const client = new OpenAI({ apiKey: "unused", baseURL: `${gwBase(emu())}/compat`, defaultHeaders: { ...gwAuth(), authorization: null as unknown as string }, maxRetries: 0 });
    const c = await client.chat.completions.create({ model: "anthropic/claude-sonnet-4-5", messages: [{ role: "user", content: "Hi" }] });
    expect(c.choices[0].message.content).toBe("Emulated response from anthropic/claude-sonnet-4-5 to: Hi");
    const up = lastEntry().upstream[0];
    expect(up).toMatchObject({ provider: "anthropic", credential: "byok", status: 200 });
    expect(up.headers["x-api-key"]).toBe(KEYS.anthropic);
    expect((up.body as any).model).toBe("claude-sonnet-4-5");
    expect((up.body as any).max_tokens).toBeGreaterThan(0);
  });

  it("compat with the user's own provider key forwards it unchanged", async () => {
    const r = await post(`${gwBase(emu())}/compat/chat/completions`, { model: "openai/gpt-5-mini", messages: hi }, { ...gwAuth(), authorization: `Bearer ${KEYS.openai}` });
    expect(r.status).toBe(200);
    expect(lastEntry().upstream[0]).toMatchObject({ credential: "request", headers: { authorization: `Bearer ${KEYS.openai}` } });
  });
});

describe("gateway: seed failure 2, the CF_TEMP_TOKEN placeholder under `Authorization`", () => {
  const step = (headers: Record<string, string>) => [{ provider: "openrouter", endpoint: "v1/chat/completions", headers, query: { model: "openai/gpt-5-mini", messages: hi } }];

  it("Authorization: Bearer CF_TEMP_TOKEN (capital A) reaches OpenRouter, which answers 401 No cookie auth credentials found", async () => {
    const r = await post(gwBase(emu()), step({ Authorization: "Bearer CF_TEMP_TOKEN" }), gwAuth());
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ error: { message: "No cookie auth credentials found", code: 401 } });
    const up = lastEntry().upstream[0];
    expect(up).toMatchObject({ provider: "openrouter", credential: "request", status: 401 });
    expect(up.headers.authorization).toBe("Bearer CF_TEMP_TOKEN");
  });

  it("the same placeholder on provider-native /openrouter (curl)", async () => {
    const r = await curl(["-X", "POST", `${gwBase(emu())}/openrouter/v1/chat/completions`, "-H", `cf-aig-authorization: Bearer ${TOKEN}`, "-H", "Authorization: Bearer CF_TEMP_TOKEN", "-H", "Content-Type: application/json", "-d", JSON.stringify({ model: "openai/gpt-5-mini", messages: hi })]);
    expect(r.status).toBe(401);
    expect(r.json.error.message).toBe("No cookie auth credentials found");
  });

  it("fixed: with the placeholder removed, the step reaches OpenRouter with Unified Billing and succeeds", async () => {
    const r = await post(gwBase(emu()), step({}), gwAuth());
    expect(r.status).toBe(200);
    expect(r.json.choices[0].message.content).toBe("Emulated response from openai/gpt-5-mini to: Hi");
    expect(lastEntry().upstream[0]).toMatchObject({ provider: "openrouter", credential: "unified", status: 200 });
  });

  it("fixed: a real OpenRouter key is forwarded and accepted", async () => {
    const r = await post(gwBase(emu()), step({ Authorization: `Bearer ${KEYS.openrouter}` }), gwAuth());
    expect(r.status).toBe(200);
    expect(lastEntry().upstream[0]).toMatchObject({ credential: "request", headers: { authorization: `Bearer ${KEYS.openrouter}` } });
  });
});

describe("gateway: universal endpoint", () => {
  it("falls back to the next step when one fails; cf-aig-step names the step that answered", async () => {
    const steps = [
      { provider: "openai", endpoint: "chat/completions", headers: { authorization: "Bearer CF_TEMP_TOKEN" }, query: { model: "gpt-5-mini", messages: hi } },
      { provider: "workers-ai", endpoint: LLAMA, headers: { authorization: `Bearer ${TOKEN}` }, query: { messages: hi } },
    ];
    const res = await fetch(gwBase(emu()), { method: "POST", headers: { "content-type": "application/json", ...gwAuth() }, body: JSON.stringify(steps) });
    expect(res.status).toBe(200);
    expect(res.headers.get("cf-aig-step")).toBe("1");
    expect(((await res.json()) as any).result.response).toBe(`Emulated response from ${LLAMA} to: Hi`);
    expect(lastEntry().upstream.map((u) => [u.provider, u.status, u.step])).toEqual([["openai", 401, 0], ["workers-ai", 200, 1]]);
  });

  it("the first step that works answers: cf-aig-step 0", async () => {
    const res = await fetch(gwBase(emu()), { method: "POST", headers: { "content-type": "application/json", ...gwAuth() }, body: JSON.stringify([{ provider: "openai", endpoint: "chat/completions", headers: {}, query: { model: "gpt-5-mini", messages: hi } }, { provider: "workers-ai", endpoint: LLAMA, headers: { authorization: `Bearer ${TOKEN}` }, query: { prompt: "x" } }]) });
    expect(res.headers.get("cf-aig-step")).toBe("0");
    expect(lastEntry().upstream).toHaveLength(1);
  });

  it("a Workers AI step without the Cloudflare token in Authorization gets 401 code 10000 (cf-aig-authorization is not passed on)", async () => {
    const r = await post(gwBase(emu()), [{ provider: "workers-ai", endpoint: LLAMA, headers: {}, query: { prompt: "Hi" } }], gwAuth());
    expect(r.status).toBe(401);
    expect(r.json.errors[0].code).toBe(10000);
  });

  it("a step header overrides the same request header", async () => {
    const r = await post(gwBase(emu()), [{ provider: "openai", endpoint: "chat/completions", headers: { authorization: `Bearer ${KEYS.openai}` }, query: { model: "gpt-5-mini", messages: hi } }], { ...gwAuth(), authorization: "Bearer CF_TEMP_TOKEN" });
    expect(r.status).toBe(200);
    expect(lastEntry().upstream[0].headers.authorization).toBe(`Bearer ${KEYS.openai}`);
  });

  it("a request-level Authorization applies to every step without its own", async () => {
    const r = await post(gwBase(emu()), [{ provider: "openai", endpoint: "chat/completions", headers: {}, query: { model: "gpt-5-mini", messages: hi } }], { ...gwAuth(), authorization: `Bearer ${TOKEN}` });
    expect(r.status).toBe(401);
  });

  it("streams when the step asks for it", async () => {
    const r = await post(gwBase(emu()), [{ provider: "workers-ai", endpoint: LLAMA, headers: { authorization: `Bearer ${TOKEN}` }, query: { prompt: "Hi", stream: true } }], gwAuth());
    expect(r.headers.get("content-type")).toContain("text/event-stream");
    expect(sseData(r.text).at(-1)).toBe("[DONE]");
  });

  it("rejects a malformed step with 400 naming the field", async () => {
    const r = await post(gwBase(emu()), [{ provider: "openai", query: {} }], gwAuth());
    expect(r.status).toBe(400);
    expect(r.json.error[0].message).toContain("[0].endpoint");
  });

  it("validates step config: maxAttempts at most 5", async () => {
    const r = await post(gwBase(emu()), [{ provider: "openai", endpoint: "chat/completions", headers: {}, query: { model: "gpt-5-mini", messages: hi }, config: { maxAttempts: 9 } }], gwAuth());
    expect(r.status).toBe(400);
    expect(r.json.error[0].message).toContain("config.maxAttempts");
  });
});

describe("gateway: credential precedence and BYOK", () => {
  it("no key in the request and a BYOK key stored → BYOK", async () => {
    const r = await post(`${gwBase(emu())}/anthropic/v1/messages`, { model: "claude-haiku-4-5", max_tokens: 10, messages: hi }, gwAuth());
    expect(r.status).toBe(200);
    expect(lastEntry().upstream[0]).toMatchObject({ credential: "byok", headers: { "x-api-key": KEYS.anthropic } });
  });

  it("cf-aig-byok-alias picks another stored key on provider-native endpoints", async () => {
    const r = await post(`${gwBase(emu())}/openai/chat/completions`, { model: "gpt-5-mini", messages: hi }, { ...gwAuth(), "cf-aig-byok-alias": "team" });
    expect(r.status).toBe(200);
    expect(lastEntry().upstream[0]).toMatchObject({ credential: "byok", headers: { authorization: `Bearer ${KEYS.openai}` } });
  });

  it("no key and no BYOK → Unified Billing", async () => {
    const r = await post(`${gwBase(emu())}/openai/chat/completions`, { model: "gpt-5-mini", messages: hi }, gwAuth());
    expect(r.status).toBe(200);
    expect(lastEntry().upstream[0].credential).toBe("unified");
  });

  it("cf-aig-no-wholesale: true with no credential gets 400", async () => {
    const r = await post(`${gwBase(emu())}/openai/chat/completions`, { model: "gpt-5-mini", messages: hi }, { ...gwAuth(), "cf-aig-no-wholesale": "true" });
    expect(r.status).toBe(400);
    expect(r.json.error[0].message).toContain("requires provider credentials");
  });

  it("a byokOnly gateway refuses a request with no credential, but takes the user's key", async () => {
    const none = await post(`${gwBase(emu(), "strict")}/openai/chat/completions`, { model: "gpt-5-mini", messages: hi }, gwAuth());
    expect(none.status).toBe(400);
    const own = await post(`${gwBase(emu(), "strict")}/openai/chat/completions`, { model: "gpt-5-mini", messages: hi }, { ...gwAuth(), authorization: `Bearer ${KEYS.openai}` });
    expect(own.status).toBe(200);
  });

  it("only the header a provider reads counts as its credential: an x-api-key does not stop an OpenAI step from using Unified Billing (assumed)", async () => {
    const r = await post(gwBase(emu()), [{ provider: "openai", endpoint: "chat/completions", headers: { "x-api-key": KEYS.anthropic }, query: { model: "gpt-5-mini", messages: hi } }], gwAuth());
    expect(r.status).toBe(200);
    expect(lastEntry().upstream[0].credential).toBe("unified");
  });

  it("a placeholder x-api-key is forwarded unchanged and Anthropic rejects it (the stored BYOK key is not used)", async () => {
    const r = await post(`${gwBase(emu())}/anthropic/v1/messages`, { model: "claude-haiku-4-5", max_tokens: 10, messages: hi }, { ...gwAuth(), "x-api-key": "CF_TEMP_TOKEN" });
    expect(r.status).toBe(401);
    expect(lastEntry().upstream[0]).toMatchObject({ credential: "request", headers: { "x-api-key": "CF_TEMP_TOKEN" } });
  });

  it.each([
    ["openai", "sk-ant-api03-abcdefghijklmnopqrstuvwxyz"],
    ["openai", "sk-short"],
    ["openai", "not-a-key-at-all-but-long-enough"],
  ])("%s rejects a key that does not look like one of its keys (%s)", async (_p, key) => {
    const r = await post(`${gwBase(emu())}/openai/chat/completions`, { model: "gpt-5-mini", messages: hi }, { ...gwAuth(), authorization: `Bearer ${key}` });
    expect(r.status).toBe(401);
  });

  it("Google AI Studio takes x-goog-api-key and rejects a bad key with its own 400", async () => {
    const url = `${gwBase(emu())}/google-ai-studio/v1beta/models/gemini-2.5-flash:generateContent`;
    const ok = await post(url, { contents: [{ role: "user", parts: [{ text: "Hi" }] }] }, { ...gwAuth(), "x-goog-api-key": KEYS.google });
    expect(ok.status).toBe(200);
    expect(ok.json.candidates[0].content.parts[0].text).toBe("Emulated response from gemini-2.5-flash to: Hi");
    const bad = await post(url, { contents: [{ role: "user", parts: [{ text: "Hi" }] }] }, { ...gwAuth(), "x-goog-api-key": TOKEN });
    expect(bad.status).toBe(400);
    expect(bad.json.error.status).toBe("INVALID_ARGUMENT");
  });
});

describe("gateway: compat and provider-native routes", () => {
  it("compat takes provider-slug ids: google-ai-studio/…, workers-ai/@cf/…", async () => {
    const g = await post(`${gwBase(emu())}/compat/chat/completions`, { model: "google-ai-studio/gemini-2.5-flash", messages: hi }, { ...gwAuth(), authorization: `Bearer ${KEYS.google}` });
    expect(g.status).toBe(200);
    expect(lastEntry().upstream[0]).toMatchObject({ provider: "google-ai-studio", credential: "request" });
    const w = await post(`${gwBase(emu())}/compat/chat/completions`, { model: `workers-ai/${LLAMA}`, messages: hi }, { ...gwAuth(), authorization: `Bearer ${TOKEN}` });
    expect(w.status).toBe(200);
    expect(w.json.model).toBe(`workers-ai/${LLAMA}`);
  });

  it("compat refuses a REST-style id and names the slug form", async () => {
    const r = await post(`${gwBase(emu())}/compat/chat/completions`, { model: "google/gemini-2.5-flash", messages: hi }, gwAuth());
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain('"google-ai-studio/gemini-2.5-flash"');
  });

  it("compat: a retired model names its replacement", async () => {
    const r = await post(`${gwBase(emu())}/compat/chat/completions`, { model: "workers-ai/@cf/meta/llama-3.1-8b-instruct", messages: hi }, { ...gwAuth(), authorization: `Bearer ${TOKEN}` });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain("workers-ai/@cf/meta/llama-3.1-8b-instruct-fp8");
  });

  it("compat streams through the openai SDK", async () => {
    const client = new OpenAI({ apiKey: KEYS.openai, baseURL: `${gwBase(emu())}/compat`, defaultHeaders: gwAuth(), maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "Stream it" }], stream: true });
    let text = "";
    for await (const c of stream) text += c.choices[0]?.delta.content ?? "";
    expect(text).toBe("Emulated response from openai/gpt-5-mini to: Stream it");
  });

  it("GET /compat/models lists slug ids", async () => {
    const r = (await (await fetch(`${gwBase(emu())}/compat/models`, { headers: gwAuth() })).json()) as any;
    const ids = r.data.map((m: any) => m.id);
    expect(ids).toContain("google-ai-studio/gemini-2.5-flash");
    expect(ids).toContain(`workers-ai/${LLAMA}`);
    expect(ids).not.toContain("workers-ai/@cf/meta/llama-3.1-8b-instruct");
  });

  it("provider-native OpenAI through the openai SDK with the user's key", async () => {
    const client = new OpenAI({ apiKey: KEYS.openai, baseURL: `${gwBase(emu())}/openai`, defaultHeaders: gwAuth(), maxRetries: 0 });
    const c = await client.chat.completions.create({ model: "gpt-5-mini", messages: [{ role: "user", content: "Hi" }] });
    expect(c.choices[0].message.content).toBe("Emulated response from gpt-5-mini to: Hi");
    const r = await client.responses.create({ model: "gpt-5-mini", input: "Hi" });
    expect(r.output_text).toBe("Emulated response from gpt-5-mini to: Hi");
  });

  it("provider-native OpenAI: a model outside the catalog with Unified Billing gets OpenAI's 404 model_not_found (ASSUMED)", async () => {
    const r = await post(`${gwBase(emu())}/openai/chat/completions`, { model: "gpt-imaginary", messages: hi }, gwAuth());
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe("model_not_found");
  });

  it("provider-native Workers AI: /workers-ai/{model}, /workers-ai/run/{model} and /workers-ai/v1/chat/completions", async () => {
    const h = { ...gwAuth(), authorization: `Bearer ${TOKEN}` };
    const a = await post(`${gwBase(emu())}/workers-ai/${LLAMA}`, { prompt: "Hi" }, h);
    const b = await post(`${gwBase(emu())}/workers-ai/run/${LLAMA}`, { prompt: "Hi" }, h);
    const c = await post(`${gwBase(emu())}/workers-ai/v1/chat/completions`, { model: LLAMA, messages: hi }, h);
    expect(a.json.result.response).toBe(`Emulated response from ${LLAMA} to: Hi`);
    expect(b.json).toEqual(a.json);
    expect(c.json.choices[0].message.content).toBe(`Emulated response from ${LLAMA} to: Hi`);
  });

  it("an unknown provider gets 400 (assumed)", async () => {
    const r = await post(`${gwBase(emu())}/nosuchprovider/v1/chat`, {}, gwAuth());
    expect(r.status).toBe(400);
    expect(r.json.error[0].message).toContain("nosuchprovider");
  });

  it("a bad account id on the gateway host gets 400 (assumed)", async () => {
    const r = await post(`${emu().url}/v1/not-hex/default/compat/chat/completions`, { model: "openai/gpt-5-mini", messages: hi }, gwAuth());
    expect(r.status).toBe(400);
    expect(ACCT).toMatch(/^[0-9a-f]{32}$/);
  });
});
