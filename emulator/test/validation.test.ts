import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { KEYS, LLAMA, TOKEN, auth, curl, gwAuth, gwBase, post, restBase, useEmulator } from "./helpers.ts";

const emu = useEmulator();
const chatUrl = () => `${restBase(emu())}/v1/chat/completions`;

describe("request validation", () => {
  it("a missing required field gets 400 naming the field", async () => {
    const r = await post(chatUrl(), { model: "openai/gpt-5-mini" }, auth());
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toBe("Invalid request body: messages: is required");
  });

  it("a wrong type gets 400 naming the field path", async () => {
    const r = await post(chatUrl(), { model: "openai/gpt-5-mini", messages: [{ role: "user", content: 42 }] }, auth());
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toBe("Invalid request body: messages[0].content: expected string, array or null, received number");
  });

  it("a value out of range names the field (openai SDK)", async () => {
    const client = new OpenAI({ apiKey: TOKEN, baseURL: `${restBase(emu())}/v1`, maxRetries: 0 });
    const err = await client.chat.completions.create({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "x" }], temperature: 7 }).catch((e) => e);
    expect(err.status).toBe(400);
    expect(JSON.stringify(err.error)).toContain("temperature");
  });

  it("Workers AI input needs prompt or messages", async () => {
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { max_tokens: 5 }, auth());
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain("prompt: either prompt or messages is required");
  });

  it("Anthropic Messages need max_tokens", async () => {
    const r = await post(`${restBase(emu())}/v1/messages`, { model: "anthropic/claude-sonnet-4-5", messages: [{ role: "user", content: "Hi" }] }, auth());
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain("max_tokens: is required");
  });

  it("every field a translation reads is checked: a malformed one gets 400 naming it, not an emulator error", async () => {
    const run = `${restBase(emu())}/run/${LLAMA}`;
    const google = `${gwBase(emu())}/google-ai-studio/v1beta/models/gemini-2.5-flash:generateContent`;
    const messages = `${restBase(emu())}/v1/messages`;
    const claude = { model: "anthropic/claude-sonnet-4-5", max_tokens: 10 };
    const cases: [string, unknown, string, Record<string, string>?][] = [
      [run, { messages: [{ role: "assistant", content: "x", tool_calls: [null] }, { role: "user", content: "hi" }] }, "messages[0].tool_calls[0]: expected object, received null"],
      [run, { prompt: "hi", functions: [null] }, "functions[0]: expected object, received null"],
      [run, { prompt: "hi", max_completion_tokens: "2" }, "max_completion_tokens: expected number, received string"],
      [`${restBase(emu())}/v1/responses`, { model: LLAMA, input: [{ type: "function_call", name: "f", arguments: "{}" }] }, "input[0].call_id: is required"],
      [`${restBase(emu())}/v1/responses`, { model: LLAMA, input: "hi", tools: [{ type: "web_search" }, { type: "function" }] }, "tools[1].name: is required"],
      [`${restBase(emu())}/v1/responses`, { model: LLAMA, input: "hi", text: { format: null } }, "text.format: expected object, received null"],
      [messages, { ...claude, messages: [{ role: "user", content: [{ type: "text", text: 5 }] }] }, "messages[0].content[0].text: expected string, received number"],
      [messages, { ...claude, messages: [{ role: "user", content: "hi" }], tool_choice: { type: "tool" } }, "tool_choice.name: is required"],
      [google, { contents: [{ parts: [{ text: "hi" }] }], tools: {} }, "tools: expected array, received object", { ...gwAuth(), "x-goog-api-key": KEYS.google }],
      [google, { contents: [{ parts: [{ text: "hi" }] }], tools: [null] }, "tools[0]: expected object, received null", { ...gwAuth(), "x-goog-api-key": KEYS.google }],
      [google, { contents: [{ parts: [{ functionCall: "f" }] }] }, "contents[0].parts[0].functionCall: expected object, received string", { ...gwAuth(), "x-goog-api-key": KEYS.google }],
    ];
    for (const [url, body, message, headers = auth()] of cases) {
      const r = await post(url, body, headers);
      expect({ status: r.status, text: r.text }).toMatchObject({ status: 400, text: expect.stringContaining(`Invalid ${url.includes("/run/") ? "input" : "request body"}: ${message}`) });
    }
  });

  it("content blocks and input items of other types pass through unchecked", async () => {
    const block = await post(`${restBase(emu())}/v1/messages`, { model: "anthropic/claude-sonnet-4-5", max_tokens: 10, messages: [{ role: "user", content: [{ type: "image", source: { type: "url", url: "https://example.com/a.png" } }, { type: "text", text: "Hi" }] }] }, auth());
    expect(block.status).toBe(200);
    const google = await post(`${gwBase(emu())}/google-ai-studio/v1beta/models/gemini-2.5-flash:generateContent`, { contents: [{ parts: [{ text: "Hi" }, { inlineData: { mimeType: "image/png", data: "AA==" } }] }] }, { ...gwAuth(), "x-goog-api-key": KEYS.google });
    expect(google.status).toBe(200);
  });

  it("a body over 10 MB gets 413 with code 3006", async () => {
    const big = JSON.stringify({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "x".repeat(10 * 1024 * 1024 + 10) }] });
    const r = await post(chatUrl(), big, auth());
    expect(r.status).toBe(413);
    expect(r.json.errors[0].code).toBe(3006);
  });

  it("a body over 10 MB sent chunked (no content-length) also gets 413", async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 11) c.enqueue(chunk);
        else c.close();
      },
    });
    const res = await fetch(chatUrl(), { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].code).toBe(3006);
  });

  it("malformed JSON gets a clear 400", async () => {
    const r = await post(chatUrl(), '{"model": "openai/gpt-5-mini", "messages": [', auth());
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toMatch(/^Malformed JSON in request body/);
  });

  it("the REST host reads a curl -d body (application/x-www-form-urlencoded) as JSON, as Cloudflare's get-started example shows", async () => {
    const r = await curl(["-X", "POST", chatUrl(), "-H", `Authorization: Bearer ${TOKEN}`, "-d", '{"model":"openai/gpt-5-mini","messages":[{"role":"user","content":"Hi"}]}']);
    expect(r.status).toBe(200);
    expect(emu().log.entries.at(-1)!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("a curl -d body that is not JSON gets a 400 naming the Content-Type it came with", async () => {
    const r = await curl(["-X", "POST", chatUrl(), "-H", `Authorization: Bearer ${TOKEN}`, "-d", "model=openai/gpt-5-mini"]);
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toMatch(/^Malformed JSON in request body: .*this one was "application\/x-www-form-urlencoded"/);
  });

  it("ASSUMED: the gateway host keeps requiring a JSON Content-Type", async () => {
    const r = await curl(["-X", "POST", `${gwBase(emu(), "default")}/compat/chat/completions`, "-H", `cf-aig-authorization: Bearer ${TOKEN}`, "-d", '{"model":"openai/gpt-5-mini","messages":[{"role":"user","content":"Hi"}]}']);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain('Unsupported Content-Type "application/x-www-form-urlencoded"');
  });

  it("an empty body gets a clear 400", async () => {
    const r = await post(chatUrl(), "", auth());
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain("empty");
  });

  it("gateway errors for a bad body come in the provider's format (openai-style on compat)", async () => {
    await fetch(`${gwBase(emu())}/compat/models`, { headers: gwAuth() });
    const r = await post(`${gwBase(emu())}/compat/chat/completions`, { model: "openai/gpt-5-mini", messages: "hi" }, gwAuth());
    expect(r.status).toBe(400);
    expect(r.json.error.param).toBe("messages");
  });

  it("malformed percent-encoding in a path gets a JSON error, not a crash", async () => {
    const a = await post(`${restBase(emu())}/run/%E0%A4%A`, { prompt: "x" }, auth());
    expect(a.status).toBe(404);
    expect(a.json.errors[0].code).toBe(7003);
    const b = await post(`${gwBase(emu())}/workers-ai/%E0%A4%A`, { prompt: "x" }, gwAuth());
    expect(b.status).toBe(404);
  });

  it("a client that disconnects mid-stream is handled; the server keeps answering", async () => {
    const ac = new AbortController();
    const res = await fetch(chatUrl(), {
      method: "POST",
      signal: ac.signal,
      headers: { ...auth(), "content-type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-5-mini", stream: true, messages: [{ role: "user", content: "word ".repeat(150) }] }),
    });
    const reader = res.body!.getReader();
    await reader.read();
    ac.abort();
    await reader.read().catch(() => undefined);
    const after = await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "still there?" }, auth());
    expect(after.status).toBe(200);
    expect(emu().log.entries.some((e) => e.path.endsWith("/v1/chat/completions") && e.status === 200 && (e.body as any).stream === true)).toBe(true);
  });
});
