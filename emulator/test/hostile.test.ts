/** Hostile input: large valid bodies stay bounded in answers and the log, streams are lazy, one request cannot hold up another. */
import { describe, expect, it } from "vitest";
import { BODY_LIMIT, LOG_BODY_LIMIT } from "../src/contract.ts";
import { MAX_ECHO } from "../src/generate.ts";
import { lazyEvents, sseStream } from "../src/sse.ts";
import { KEYS, TOKEN, auth, gwAuth, gwBase, post, restBase, useEmulator } from "./helpers.ts";

const emu = useEmulator({ byok: { openai: { default: KEYS.openai } } });
const NINE_MB = 9 * 1024 * 1024;
const big = (n = NINE_MB) => "word ".repeat(Math.ceil(n / 5)).slice(0, n);

describe("hostile input", () => {
  it("a 9 MB tool result streams a bounded answer (the echo is cut at MAX_ECHO characters)", async () => {
    const body = {
      model: "openai/gpt-5-mini",
      stream: true,
      messages: [
        { role: "user", content: "What is the weather?" },
        { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: "{}" } }] },
        { role: "tool", tool_call_id: "call_1", content: big() },
      ],
    };
    const r = await post(`${restBase(emu())}/v1/chat/completions`, body, auth());
    expect(r.status).toBe(200);
    expect(r.text.endsWith("data: [DONE]\n\n")).toBe(true);
    expect(r.text.length).toBeLessThan(200_000);
    const text = r.text
      .split("\n")
      .filter((l) => l.startsWith("data: {"))
      .map((l) => JSON.parse(l.slice(6)).choices[0]?.delta?.content ?? "")
      .join("");
    expect(text.startsWith("The get_weather tool returned: word word")).toBe(true);
    expect(text.length).toBeLessThanOrEqual("The get_weather tool returned: ".length + MAX_ECHO + 1);
  });

  it("a 9 MB prompt on /ai/run is answered with a bounded echo and counted without splitting it", async () => {
    const r = await post(`${restBase(emu())}/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast`, { prompt: big() }, auth());
    expect(r.status).toBe(200);
    expect(r.json.result.response.length).toBeLessThan(400);
    expect(r.json.result.usage.prompt_tokens).toBe(Math.ceil(NINE_MB / 5));
  });

  it("the request log keeps a bounded summary of a large body, and whole small bodies", async () => {
    await post(`${restBase(emu())}/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast`, { prompt: big() }, auth());
    const e = emu().log.entries.at(-1)!;
    expect(JSON.stringify(e.body).length).toBeLessThan(LOG_BODY_LIMIT);
    expect((e.body as { prompt: string }).prompt).toMatch(/more characters not kept\]$/);
    expect(JSON.stringify(e.upstream).length).toBeLessThan(LOG_BODY_LIMIT);
    await post(`${restBase(emu())}/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast`, { prompt: "small" }, auth());
    expect(emu().log.entries.at(-1)!.body).toEqual({ prompt: "small" });
  });

  it("a 9 MB body of many messages is validated and answered", async () => {
    const messages = Array.from({ length: 70_000 }, (_, i) => ({ role: i % 2 ? "assistant" : "user", content: `message ${i} ${"x".repeat(80)}` }));
    messages.push({ role: "user", content: "last one" });
    const r = await post(`${gwBase(emu())}/openai/chat/completions`, { model: "gpt-5-mini", messages }, { ...gwAuth(), authorization: `Bearer ${KEYS.openai}` });
    expect(r.status).toBe(200);
    expect(r.json.choices[0].message.content).toBe("Emulated response from gpt-5-mini to: last one");
  });

  it("a body over the limit sent without Content-Length (chunked) gets 413 code 3006", async () => {
    const chunk = new TextEncoder().encode("x".repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent > BODY_LIMIT + chunk.length) return c.close();
        sent += chunk.length;
        c.enqueue(chunk);
      },
    });
    const res = await fetch(`${restBase(emu())}/v1/chat/completions`, { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { code: number }[] }).errors[0].code).toBe(3006);
  });

  it("while a large stream sits unread, other requests are answered", async () => {
    const body = { model: "openai/gpt-5-mini", stream: true, messages: [{ role: "user", content: big() }] };
    const res = await fetch(`${restBase(emu())}/v1/chat/completions`, { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(200); // headers are here; the body is not read yet
    const small = await post(`${restBase(emu())}/v1/chat/completions`, { model: "openai/gpt-5-mini", messages: [{ role: "user", content: "Hi" }] }, auth());
    expect(small.status).toBe(200);
    const text = await res.text();
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("SSE events are produced as the client reads: an endless event source still yields its first events", async () => {
    let made = 0;
    const endless = lazyEvents(function* () {
      for (;;) yield { data: String(made++) };
    });
    const reader = sseStream(endless).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    const second = new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect([first, second]).toEqual(["data: 0\n\n", "data: 1\n\n"]);
    expect(made).toBeLessThanOrEqual(3);
  });

  it("a 7003 route error repeats at most 200 characters of a long path", async () => {
    const long = "a".repeat(5000);
    const r = await post(`${emu().url}/client/v4/accounts/${long}/ai/run/x`, {}, { authorization: `Bearer ${TOKEN}` });
    expect(r.status).toBe(404);
    expect(r.json.errors[0].message.length).toBeLessThan(400);
  });
});
