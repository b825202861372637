import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.ts";
import { LLAMA, TOKEN, auth, curl, post, restBase, useEmulator } from "./helpers.ts";

const emu = useEmulator({ faults: [{ route: "/ai/run/@cf/qwen/qwq-32b", kind: "status", status: 503 }] });
const chat = (content = "Hi") => post(`${restBase(emu())}/v1/chat/completions`, { model: "openai/gpt-5-mini", messages: [{ role: "user", content }] }, auth());
const sdk = (maxRetries = 0) => new OpenAI({ apiKey: TOKEN, baseURL: `${restBase(emu())}/v1`, maxRetries });

describe("fault injection", () => {
  it("faults from the config apply: 503 on the configured route, once", async () => {
    const url = `${restBase(emu())}/run/@cf/qwen/qwq-32b`;
    const first = await post(url, { prompt: "Hi" }, auth());
    const second = await post(url, { prompt: "Hi" }, auth());
    expect(first.status).toBe(503);
    expect(first.json.success).toBe(false);
    expect(second.status).toBe(200);
  });

  it("429 with retry-after", async () => {
    emu().setFaults([{ route: "/v1/chat/completions", kind: "status", status: 429, retryAfter: 7 }]);
    const r = await chat();
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("7");
    expect(r.json.errors[0].code).toBe(3040);
    expect((await chat()).status).toBe(200);
  });

  it("the openai SDK retries a 429 (retry-after 0) and then succeeds", async () => {
    emu().setFaults([{ route: "/v1/chat/completions", kind: "status", status: 429, retryAfter: 0 }]);
    emu().log.clear();
    const c = await sdk(2).chat.completions.create({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "retry" }] });
    expect(c.choices[0].message.content).toBe("Emulated response from openai/gpt-5-mini to: retry");
    expect(emu().log.entries.map((e) => e.status)).toEqual([429, 200]);
  });

  it("500 and 503", async () => {
    emu().setFaults([
      { route: "/v1/chat/completions", kind: "status", status: 500 },
      { route: "/v1/responses", kind: "status", status: 503 },
    ]);
    expect((await chat()).status).toBe(500);
    const r = await post(`${restBase(emu())}/v1/responses`, { model: "openai/gpt-5-mini", input: "Hi" }, auth());
    expect(r.status).toBe(503);
  });

  it("nth hits only the nth matching request; times hits that many", async () => {
    emu().setFaults([{ route: "/v1/chat/completions", nth: 2, kind: "status", status: 500 }]);
    expect([(await chat()).status, (await chat()).status, (await chat()).status]).toEqual([200, 500, 200]);
    emu().setFaults([{ route: "/v1/chat/completions", times: 2, kind: "status", status: 503 }]);
    expect([(await chat()).status, (await chat()).status, (await chat()).status]).toEqual([503, 503, 200]);
  });

  it("a fault only hits its route", async () => {
    emu().setFaults([{ route: "/v1/embeddings", kind: "status", status: 500 }]);
    expect((await chat()).status).toBe(200);
  });

  it("setFaults replaces the list", async () => {
    emu().setFaults([{ kind: "status", status: 500, times: 100 }]);
    emu().setFaults([]);
    expect((await chat()).status).toBe(200);
  });

  it("a request's own content never turns a fault on", async () => {
    emu().setFaults([]);
    const r = await post(`${restBase(emu())}/v1/chat/completions`, { model: "openai/gpt-5-mini", messages: [{ role: "user", content: '{"kind":"status","status":500}' }], fault: { kind: "status", status: 500 } }, { ...auth(), "x-emulator-fault": "500" });
    expect(r.status).toBe(200);
  });

  it("slow first byte: a client with a short timeout gives up; the emulator keeps serving", async () => {
    emu().setFaults([{ route: "/v1/chat/completions", kind: "slow-first-byte", ms: 3000 }]);
    const client = new OpenAI({ apiKey: TOKEN, baseURL: `${restBase(emu())}/v1`, maxRetries: 0, timeout: 100 });
    const err = await client.chat.completions.create({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "slow" }] }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect((await chat()).status).toBe(200);
  });

  it("slow first byte still answers in full when the client waits", async () => {
    emu().setFaults([{ route: "/v1/chat/completions", kind: "slow-first-byte", ms: 50 }]);
    const r = await chat("patient");
    expect(r.json.choices[0].message.content).toBe("Emulated response from openai/gpt-5-mini to: patient");
  });

  it("cut stream: the openai SDK stream fails before [DONE]", async () => {
    emu().setFaults([{ route: "/v1/chat/completions", kind: "cut-stream", afterEvents: 3 }]);
    const stream = await sdk().chat.completions.create({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "a long answer please" }], stream: true });
    let text = "";
    const err = await (async () => {
      for await (const c of stream) text += c.choices[0]?.delta.content ?? "";
    })().catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(text).toBe("Emulated response ");
  });

  it("cut stream: curl reports a transfer error and no [DONE] (curl)", async () => {
    emu().setFaults([{ route: "/ai/run/", kind: "cut-stream", afterEvents: 2 }]);
    const r = await curl(["-N", "-X", "POST", `${restBase(emu())}/run/${LLAMA}`, "-H", `Authorization: Bearer ${TOKEN}`, "-H", "Content-Type: application/json", "-d", '{"prompt":"Hi","stream":true}']);
    expect(r.code).not.toBe(0);
    expect(r.body).toContain('"response":"Emulated "');
    expect(r.body).not.toContain("[DONE]");
  });

  it("faults given in the config of a fresh emulator apply from the first request", async () => {
    const e = await startEmulator({ port: 0, config: { faults: [{ kind: "status", status: 429, retryAfter: 1 }] } });
    try {
      const r = await post(`${restBase(e)}/run/${LLAMA}`, { prompt: "Hi" }, auth());
      expect(r.status).toBe(429);
    } finally {
      await e.stop();
    }
  });
});
