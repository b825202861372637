import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { KEYS, LLAMA, auth, curl, post, restBase, sseData, TOKEN, useEmulator } from "./helpers.ts";

const emu = useEmulator();
/** /ai/v1/responses with a stored OpenAI key: Unified Billing there answers 402 today (cloudflare/ai #548, see fidelity.test.ts). */
const byokEmu = useEmulator({ byok: { openai: { default: KEYS.openai } } });
const byokSdk = () => new OpenAI({ apiKey: TOKEN, baseURL: `${restBase(byokEmu())}/v1`, maxRetries: 0 });
const sdk = (headers: Record<string, string> = {}) => new OpenAI({ apiKey: TOKEN, baseURL: `${restBase(emu())}/v1`, maxRetries: 0, defaultHeaders: headers });
const GW = { "cf-aig-gateway-id": "default" };

describe("POST /ai/run/{model}", () => {
  it("takes the model id in the path, slashes included, and answers in the envelope", async () => {
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "Write a haiku about rain" }, auth());
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      result: { response: `Emulated response from ${LLAMA} to: Write a haiku about rain`, usage: { prompt_tokens: 5, completion_tokens: 10, total_tokens: 15 } },
      success: true,
      errors: [],
      messages: [],
    });
  });

  it("accepts messages and a percent-encoded @ in the path", async () => {
    const r = await post(`${restBase(emu())}/run/%40cf/meta/llama-3.3-70b-instruct-fp8-fast`, { messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi there" }] }, auth());
    expect(r.status).toBe(200);
    expect(r.json.result.response).toBe(`Emulated response from ${LLAMA} to: Hi there`);
  });

  it("stream: true answers text/event-stream with data: {response} events and a final data: [DONE] (curl)", async () => {
    const r = await curl(["-N", "-X", "POST", `${restBase(emu())}/run/${LLAMA}`, "-H", `Authorization: Bearer ${TOKEN}`, "-H", "Content-Type: application/json", "-d", '{"prompt":"Say hi","stream":true}']);
    expect(r.status).toBe(200);
    const data = sseData(r.body);
    expect(data.at(-1)).toBe("[DONE]");
    const events = data.slice(0, -1).map((d) => JSON.parse(d));
    expect(events.map((e) => e.response).join("")).toBe(`Emulated response from ${LLAMA} to: Say hi`);
    expect(events.at(-1).usage.total_tokens).toBeGreaterThan(0);
  });

  it("max_tokens cuts the answer to that many words", async () => {
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "Hello", max_tokens: 2 }, auth());
    expect(r.json.result.response).toBe("Emulated response");
  });

  it("gpt-oss answers JSON even when stream is true on /ai/run", async () => {
    const r = await post(`${restBase(emu())}/run/@cf/openai/gpt-oss-120b`, { prompt: "Hi", stream: true }, auth());
    expect(r.headers.get("content-type")).toContain("application/json");
    expect(r.json.result.response).toContain("Hi");
  });

  it("returns Workers AI tool_calls when tools fit the prompt", async () => {
    const tools = [{ name: "get_weather", description: "Weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } }];
    const r = await post(`${restBase(emu())}/run/${LLAMA}`, { messages: [{ role: "user", content: "What is the weather in Lisbon?" }], tools }, auth());
    expect(r.json.result.tool_calls).toEqual([{ name: "get_weather", arguments: { city: "Lisbon" } }]);
  });

  it("embedding models take {text} and return {shape, data}", async () => {
    const r = await post(`${restBase(emu())}/run/@cf/baai/bge-large-en-v1.5`, { text: ["one", "two"] }, auth());
    expect(r.json.result.shape).toEqual([2, 1024]);
    expect(r.json.result.data[0]).toHaveLength(1024);
  });

  it("third-party models answer in their provider's format inside the envelope (assumed)", async () => {
    const r = await post(`${restBase(emu())}/run/openai/gpt-5-mini`, { prompt: "Hi" }, auth());
    expect(r.status).toBe(200);
    expect(r.json.result.object).toBe("chat.completion");
    expect(r.json.result.choices[0].message.content).toBe("Emulated response from openai/gpt-5-mini to: Hi");
  });
});

describe("POST /ai/run with {model, input}", () => {
  it("runs a third-party model without a gateway header", async () => {
    const r = await post(`${restBase(emu())}/run`, { model: "anthropic/claude-sonnet-4-5", input: { messages: [{ role: "user", content: "Hi" }] } }, auth());
    expect(r.status).toBe(200);
    expect(r.json.result.type).toBe("message");
    expect(r.json.result.content[0].text).toBe("Emulated response from anthropic/claude-sonnet-4-5 to: Hi");
  });

  it("runs a @cf model when cf-aig-gateway-id is sent", async () => {
    const r = await post(`${restBase(emu())}/run`, { model: LLAMA, input: { prompt: "Hi" } }, { ...auth(), ...GW });
    expect(r.status).toBe(200);
    expect(r.json.result.response).toBe(`Emulated response from ${LLAMA} to: Hi`);
  });

  it("names the field path inside input when the input is invalid", async () => {
    const r = await post(`${restBase(emu())}/run`, { model: LLAMA, input: { prompt: 5 } }, { ...auth(), ...GW });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain("input.prompt");
  });
});

describe("POST /ai/v1/chat/completions (openai SDK)", () => {
  it("answers a non-streaming completion with usage", async () => {
    const c = await sdk().chat.completions.create({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "Name a colour" }] });
    expect(c.object).toBe("chat.completion");
    expect(c.choices[0].message.content).toBe("Emulated response from openai/gpt-5-mini to: Name a colour");
    expect(c.choices[0].finish_reason).toBe("stop");
    expect(c.usage).toEqual({ prompt_tokens: 3, completion_tokens: 8, total_tokens: 11 });
  });

  it("streams chat.completion.chunk events ending in [DONE]", async () => {
    const stream = await sdk(GW).chat.completions.create({ model: LLAMA, messages: [{ role: "user", content: "Count to three" }], stream: true });
    let text = "";
    let finish: string | null = null;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      expect(chunk.object).toBe("chat.completion.chunk");
      expect(chunk.usage?.total_tokens).toBeGreaterThan(0); // Workers AI chunks repeat usage
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe(`Emulated response from ${LLAMA} to: Count to three`);
    expect(finish).toBe("stop");
    expect(chunks).toBeGreaterThan(3);
  });

  it("the raw stream ends with data: [DONE] (fetch)", async () => {
    const r = await post(`${restBase(emu())}/v1/chat/completions`, { model: "openai/gpt-5-mini", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "Hi" }] }, auth());
    expect(r.headers.get("content-type")).toContain("text/event-stream");
    const data = sseData(r.text);
    expect(data.at(-1)).toBe("[DONE]");
    expect(JSON.parse(data.at(-2)!).usage.total_tokens).toBe(7);
  });

  it("returns tool_calls when the last user message fits a tool, then text using the tool result", async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      { type: "function", function: { name: "get_weather", description: "Current weather", parameters: { type: "object", properties: { city: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } }, required: ["city", "unit"] } } },
    ];
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "What's the weather in Paris?" }];
    const first = await sdk().chat.completions.create({ model: "openai/gpt-5-mini", messages, tools });
    const call = first.choices[0].message.tool_calls![0] as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(first.choices[0].finish_reason).toBe("tool_calls");
    expect(call.function.name).toBe("get_weather");
    expect(JSON.parse(call.function.arguments)).toEqual({ city: "Paris", unit: "celsius" });
    messages.push(first.choices[0].message, { role: "tool", tool_call_id: call.id, content: '{"temp":18}' });
    const second = await sdk().chat.completions.create({ model: "openai/gpt-5-mini", messages, tools });
    expect(second.choices[0].message.content).toBe('The get_weather tool returned: {"temp":18}');
  });

  it("does not call a tool the message does not fit, nor with tool_choice none", async () => {
    const tools: OpenAI.ChatCompletionTool[] = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: {} } } }];
    const a = await sdk().chat.completions.create({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "Tell me a joke" }], tools });
    expect(a.choices[0].message.tool_calls).toBeUndefined();
    const b = await sdk().chat.completions.create({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "weather please" }], tools, tool_choice: "none" });
    expect(b.choices[0].message.tool_calls).toBeUndefined();
  });

  it("streams a tool call as a tool_calls delta", async () => {
    const stream = await sdk().chat.completions.create({ model: "openai/gpt-5-mini", stream: true, messages: [{ role: "user", content: "lookup_order 42 please" }], tools: [{ type: "function", function: { name: "lookup_order", parameters: { type: "object", properties: { id: { type: "integer" } } } } }] });
    const calls = [];
    for await (const chunk of stream) calls.push(...(chunk.choices[0]?.delta.tool_calls ?? []));
    expect(calls[0].function?.name).toBe("lookup_order");
    expect(JSON.parse(calls[0].function!.arguments!)).toEqual({ id: 42 });
  });

  it("response_format json_schema gives JSON that fits the schema", async () => {
    const c = await sdk().chat.completions.create({
      model: "openai/gpt-5-mini",
      messages: [{ role: "user", content: "A book about 3 cats" }],
      response_format: { type: "json_schema", json_schema: { name: "book", schema: { type: "object", properties: { title: { type: "string" }, pages: { type: "integer" }, tags: { type: "array", items: { type: "string" } } }, required: ["title", "pages", "tags"] } } },
    });
    expect(JSON.parse(c.choices[0].message.content!)).toEqual({ title: "3 cats", pages: 3, tags: ["3 cats"] });
  });
});

describe("POST /ai/v1/responses (openai SDK, stored OpenAI key)", () => {
  it("answers with a message output item", async () => {
    const r = await byokSdk().responses.create({ model: "openai/gpt-5-mini", input: "Say hello", instructions: "Be nice" });
    expect(r.object).toBe("response");
    expect(r.status).toBe("completed");
    expect(r.output_text).toBe("Emulated response from openai/gpt-5-mini to: Say hello");
  });

  it("streams the documented events in order", async () => {
    const stream = await byokSdk().responses.create({ model: "openai/gpt-5-mini", input: "Say hello", stream: true });
    const types: string[] = [];
    let text = "";
    for await (const ev of stream) {
      types.push(ev.type);
      if (ev.type === "response.output_text.delta") text += ev.delta;
    }
    const unique = types.filter((t, i) => t !== types[i - 1]);
    expect(unique).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(text).toBe("Emulated response from openai/gpt-5-mini to: Say hello");
  });

  it("each streamed event carries an event: line (fetch)", async () => {
    const r = await post(`${restBase(byokEmu())}/v1/responses`, { model: "openai/gpt-5-mini", input: "Hi", stream: true }, auth());
    expect(r.text.startsWith("event: response.created\ndata: ")).toBe(true);
  });

  it("returns a function_call output item, then text from function_call_output", async () => {
    const tools: OpenAI.Responses.Tool[] = [{ type: "function", name: "get_time", description: "Time in a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] }, strict: false }];
    const first = await byokSdk().responses.create({ model: "openai/gpt-5-mini", input: "What time is it in Tokyo?", tools });
    const call = first.output[0] as OpenAI.Responses.ResponseFunctionToolCall;
    expect(call.type).toBe("function_call");
    expect(JSON.parse(call.arguments)).toEqual({ city: "Tokyo" });
    const second = await byokSdk().responses.create({ model: "openai/gpt-5-mini", tools, input: [{ role: "user", content: "What time is it in Tokyo?" }, call, { type: "function_call_output", call_id: call.call_id, output: "09:00" }] });
    expect(second.output_text).toBe("The get_time tool returned: 09:00");
  });

  it("gpt-oss works on /ai/v1/responses without streaming", async () => {
    const r = await sdk(GW).responses.create({ model: "@cf/openai/gpt-oss-120b", input: "Hi" });
    expect(r.output_text).toBe("Emulated response from @cf/openai/gpt-oss-120b to: Hi");
  });
});

describe("POST /ai/v1/embeddings (openai SDK)", () => {
  it("returns one vector per input; the SDK's default base64 encoding decodes to the same floats", async () => {
    const client = sdk(GW);
    const b64 = await client.embeddings.create({ model: "@cf/baai/bge-large-en-v1.5", input: ["alpha", "beta"] });
    const float = await client.embeddings.create({ model: "@cf/baai/bge-large-en-v1.5", input: ["alpha", "beta"], encoding_format: "float" });
    expect(b64.data).toHaveLength(2);
    expect(b64.data[0].embedding).toHaveLength(1024);
    expect(b64.data[0].embedding).toEqual(float.data[0].embedding);
    expect(b64.data[0].embedding).not.toEqual(b64.data[1].embedding);
  });
});

describe("POST /ai/v1/messages (Anthropic Messages)", () => {
  it("answers an Anthropic message", async () => {
    const r = await post(`${restBase(emu())}/v1/messages`, { model: "anthropic/claude-sonnet-4-5", max_tokens: 64, messages: [{ role: "user", content: "Hello" }] }, auth());
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ type: "message", role: "assistant", content: [{ type: "text", text: "Emulated response from anthropic/claude-sonnet-4-5 to: Hello" }], stop_reason: "end_turn" });
  });

  it("streams Anthropic events with event: lines", async () => {
    const r = await post(`${restBase(emu())}/v1/messages`, { model: "anthropic/claude-sonnet-4-5", max_tokens: 64, stream: true, messages: [{ role: "user", content: "Hello" }] }, auth());
    const names = r.text.split("\n").filter((l) => l.startsWith("event: ")).map((l) => l.slice(7));
    expect(names[0]).toBe("message_start");
    expect(names.slice(-3)).toEqual(["content_block_stop", "message_delta", "message_stop"]);
    expect(names).toContain("content_block_delta");
  });

  it("returns tool_use blocks and answers a tool_result", async () => {
    const tools = [{ name: "get_stock_price", description: "Price", input_schema: { type: "object", properties: { ticker: { type: "string" } }, required: ["ticker"] } }];
    const r = await post(`${restBase(emu())}/v1/messages`, { model: "anthropic/claude-haiku-4-5", max_tokens: 64, tools, messages: [{ role: "user", content: "What is the stock price of NET?" }] }, auth());
    expect(r.json.stop_reason).toBe("tool_use");
    const use = r.json.content[0];
    expect(use).toMatchObject({ type: "tool_use", name: "get_stock_price", input: { ticker: "NET" } });
    const r2 = await post(`${restBase(emu())}/v1/messages`, { model: "anthropic/claude-haiku-4-5", max_tokens: 64, tools, messages: [{ role: "user", content: "What is the stock price of NET?" }, { role: "assistant", content: r.json.content }, { role: "user", content: [{ type: "tool_result", tool_use_id: use.id, content: "101.5" }] }] }, auth());
    expect(r2.json.content[0].text).toBe("The get_stock_price tool returned: 101.5");
  });
});

describe("GET /ai/models/search", () => {
  const search = async (q: string) => (await fetch(`${restBase(emu())}/models/search${q}`, { headers: auth() })).json() as Promise<any>;

  it("lists Workers AI models with the search object fields", async () => {
    const r = await search("");
    expect(r.success).toBe(true);
    expect(r.result.length).toBeGreaterThan(10);
    const all = await search("?per_page=1000");
    expect(all.result.every((m: any) => /^@(cf|hf)\//.test(m.name))).toBe(true); // some Workers AI ids start with @hf/
    expect(all.result.some((m: any) => m.name.startsWith("@hf/"))).toBe(true);
    expect(r.result[0]).toMatchObject({ source: 1, task: { name: expect.any(String) }, properties: expect.any(Array) });
  });

  it("hides retired models", async () => {
    const r = await search("?per_page=1000");
    expect(r.result.map((m: any) => m.name)).not.toContain("@cf/meta/llama-3.1-8b-instruct");
  });

  it("filters by author, task and search", async () => {
    const meta = await search("?author=meta");
    expect(meta.result.length).toBeGreaterThan(0);
    expect(meta.result.every((m: any) => m.name.startsWith("@cf/meta/"))).toBe(true);
    const emb = await search("?task=Text%20Embeddings");
    expect(emb.result.length).toBeGreaterThan(1);
    expect(emb.result.map((m: any) => m.name)).toContain("@cf/baai/bge-m3");
    expect(emb.result.every((m: any) => m.task.name === "Text Embeddings")).toBe(true);
    const kimi = await search("?search=kimi");
    expect(kimi.result.map((m: any) => m.name)).toEqual(expect.arrayContaining(["@cf/moonshotai/kimi-k2.6", "@cf/moonshotai/kimi-k2.7-code"]));
    expect(kimi.result.every((m: any) => m.name.includes("kimi"))).toBe(true);
  });

  it("pages with page and per_page; result_info counts (assumed shape)", async () => {
    const all = await search("?per_page=1000");
    const p2 = await search("?per_page=3&page=2");
    expect(p2.result.map((m: any) => m.name)).toEqual(all.result.slice(3, 6).map((m: any) => m.name));
    expect(p2.result_info).toEqual({ page: 2, per_page: 3, count: 3, total_count: all.result.length });
  });

  it("rejects a bad per_page with 400 (assumed)", async () => {
    const r = await fetch(`${restBase(emu())}/models/search?per_page=0`, { headers: auth() });
    expect(r.status).toBe(400);
  });
});
