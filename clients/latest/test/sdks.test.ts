/**
 * Current client libraries against the emulator's REST API, each unmodified and given only a fetch that changes the
 * origin: openai, @anthropic-ai/sdk, ai with @ai-sdk/openai-compatible, @ai-sdk/openai and @ai-sdk/anthropic.
 * Text, streams, tools, embeddings, Anthropic messages and structured output.
 */
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import Anthropic from "@anthropic-ai/sdk";
import { embed, generateText, jsonSchema, Output, stepCountIs, streamText, tool } from "ai";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { KEYS, LLAMA, REST, TOKEN, lastUpstream, redirectingFetch, useEmulator } from "../../support/emulator.ts";

/** `docs-openai-key`: a gateway with an OpenAI key stored (BYOK), which /ai/v1/responses needs today (cloudflare/ai #548). */
const emu = useEmulator({ gateways: { "docs-openai-key": { authentication: true, byok: { openai: { default: KEYS.openai } } } } });
const fetch = redirectingFetch(() => emu().url);
const GW = { "cf-aig-gateway-id": "default" };
/** One JSON schema for every SDK's tool (mutable: the Anthropic SDK's `required` is a `string[]`). */
const weatherSchema = { type: "object" as const, properties: { city: { type: "string" as const } }, required: ["city"] };

describe("openai (REST /ai/v1)", () => {
  const client = () => new OpenAI({ apiKey: TOKEN, baseURL: `${REST}/v1`, fetch, maxRetries: 0 });

  it("chat completion text, with Unified Billing paying OpenAI", async () => {
    const c = await client().chat.completions.create({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "Hi" }] });
    expect(c.choices[0].message.content).toBe("Emulated response from openai/gpt-5-mini to: Hi");
    expect(lastUpstream(emu())[0]).toMatchObject({ provider: "openai", credential: "unified" });
  });

  it("streams a Workers AI model (cf-aig-gateway-id), usage on the chunks", async () => {
    const stream = await client().chat.completions.create({ model: LLAMA, stream: true, messages: [{ role: "user", content: "Stream this" }] }, { headers: GW });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe(`Emulated response from ${LLAMA} to: Stream this`);
  });

  it("tool calls, then the answer from the tool result", async () => {
    const tools: OpenAI.Chat.ChatCompletionTool[] = [{ type: "function", function: { name: "get_weather", parameters: weatherSchema } }];
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: "user", content: "What is the weather in Paris?" }];
    const first = await client().chat.completions.create({ model: "openai/gpt-5-mini", messages, tools });
    const call = first.choices[0].message.tool_calls![0] as OpenAI.Chat.ChatCompletionMessageFunctionToolCall;
    expect(JSON.parse(call.function.arguments)).toEqual({ city: "Paris" });
    const second = await client().chat.completions.create({ model: "openai/gpt-5-mini", tools, messages: [...messages, first.choices[0].message, { role: "tool", tool_call_id: call.id, content: "18°C" }] });
    expect(second.choices[0].message.content).toBe("The get_weather tool returned: 18°C");
  });

  it("embeddings (base64, as the SDK asks) decode to unit vectors", async () => {
    const r = await client().embeddings.create({ model: "@cf/baai/bge-large-en-v1.5", input: ["one", "two"] }, { headers: GW });
    expect(r.data).toHaveLength(2);
    const v = r.data[0].embedding;
    expect(v).toHaveLength(1024);
    expect(Math.hypot(...v)).toBeCloseTo(1, 4);
  });

  it("structured output: response_format json_schema", async () => {
    const c = await client().chat.completions.create({
      model: "openai/gpt-5-mini",
      messages: [{ role: "user", content: "A book about 3 cats" }],
      response_format: { type: "json_schema", json_schema: { name: "book", schema: { type: "object", properties: { title: { type: "string" }, pages: { type: "integer" } }, required: ["title", "pages"] } } },
    });
    expect(JSON.parse(c.choices[0].message.content!)).toEqual({ title: "3 cats", pages: 3 });
  });

  it("responses through a gateway with a stored OpenAI key", async () => {
    const r = await client().responses.create({ model: "openai/gpt-5-mini", input: "Hi" }, { headers: { "cf-aig-gateway-id": "docs-openai-key" } });
    expect(r.output_text).toBe("Emulated response from openai/gpt-5-mini to: Hi");
    expect(lastUpstream(emu())[0]).toMatchObject({ provider: "openai", credential: "byok" });
  });
});

describe("@anthropic-ai/sdk (REST /ai/v1/messages)", () => {
  // The SDK appends /v1/messages to baseURL; authToken sends Authorization: Bearer (the Cloudflare token).
  const client = () => new Anthropic({ authToken: TOKEN, apiKey: null, baseURL: REST, fetch, maxRetries: 0 });

  it("a message, paid by Unified Billing; the Cloudflare token never reaches Anthropic", async () => {
    const m = await client().messages.create({ model: "anthropic/claude-sonnet-4-5", max_tokens: 256, messages: [{ role: "user", content: "Hi" }] });
    expect(m.content[0]).toMatchObject({ type: "text", text: "Emulated response from anthropic/claude-sonnet-4-5 to: Hi" });
    const [call] = lastUpstream(emu());
    expect(call).toMatchObject({ provider: "anthropic", credential: "unified" });
    expect(JSON.stringify(call.headers)).not.toContain(TOKEN);
  });

  it("streams message events", async () => {
    const stream = client().messages.stream({ model: "anthropic/claude-sonnet-4-5", max_tokens: 256, messages: [{ role: "user", content: "Stream it" }] });
    const final = await stream.finalMessage();
    expect(final.content[0]).toMatchObject({ type: "text", text: "Emulated response from anthropic/claude-sonnet-4-5 to: Stream it" });
  });

  it("tool_use", async () => {
    const m = await client().messages.create({ model: "anthropic/claude-sonnet-4-5", max_tokens: 256, tools: [{ name: "get_weather", input_schema: weatherSchema }], messages: [{ role: "user", content: "Weather in Oslo?" }] });
    expect(m.stop_reason).toBe("tool_use");
    expect(m.content[0]).toMatchObject({ type: "tool_use", name: "get_weather", input: { city: "Oslo" } });
  });

  it("structured output: output_config.format", async () => {
    const m = await client().messages.create({
      model: "anthropic/claude-sonnet-4-5",
      max_tokens: 256,
      messages: [{ role: "user", content: "Rome has 2 airports" }],
      output_config: { format: { type: "json_schema", schema: { type: "object", properties: { airports: { type: "integer" } }, required: ["airports"], additionalProperties: false } } },
    });
    const block = m.content[0] as Anthropic.TextBlock;
    expect(JSON.parse(block.text)).toEqual({ airports: 2 });
    expect((lastUpstream(emu())[0].body as { output_config: unknown }).output_config).toBeDefined();
  });
});

describe("ai + @ai-sdk/openai-compatible (REST /ai/v1)", () => {
  // supportsStructuredOutputs: Output.object then sends response_format json_schema (else json_object).
  const cloudflare = () => createOpenAICompatible({ name: "cloudflare", baseURL: `${REST}/v1`, apiKey: TOKEN, fetch, headers: GW, supportsStructuredOutputs: true });

  it("generateText and streamText", async () => {
    const { text } = await generateText({ model: cloudflare().chatModel("openai/gpt-5-mini"), prompt: "Hi", maxRetries: 0 });
    expect(text).toBe("Emulated response from openai/gpt-5-mini to: Hi");
    const s = streamText({ model: cloudflare().chatModel(LLAMA), prompt: "Stream this", maxRetries: 0 });
    expect(await s.text).toBe(`Emulated response from ${LLAMA} to: Stream this`);
  });

  it("tools: the SDK runs the tool and sends its result back", async () => {
    const r = await generateText({
      model: cloudflare().chatModel("openai/gpt-5-mini"),
      prompt: "What is the weather in Lima?",
      tools: { get_weather: tool({ inputSchema: jsonSchema<{ city: string }>(weatherSchema), execute: async ({ city }) => `Sunny in ${city}` }) },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    });
    expect(r.steps[0].toolCalls[0]).toMatchObject({ toolName: "get_weather", input: { city: "Lima" } });
    expect(r.text).toBe("The get_weather tool returned: Sunny in Lima");
  });

  it("embed", async () => {
    const { embedding } = await embed({ model: cloudflare().embeddingModel("@cf/baai/bge-m3"), value: "hello", maxRetries: 0 });
    expect(embedding).toHaveLength(1024);
  });

  it("structured output (Output.object)", async () => {
    const r = await generateText({
      model: cloudflare().chatModel("openai/gpt-5-mini"),
      prompt: "4 days of travel in Kyoto",
      output: Output.object({ schema: jsonSchema<{ city: string; days: number }>({ type: "object", properties: { city: { type: "string" }, days: { type: "integer" } }, required: ["city", "days"] }) }),
      maxRetries: 0,
    });
    expect(r.output).toEqual({ city: "Kyoto", days: 4 });
  });
});

describe("@ai-sdk/openai (REST /ai/v1)", () => {
  const openai = (headers: Record<string, string> = {}) => createOpenAI({ baseURL: `${REST}/v1`, apiKey: TOKEN, fetch, headers });

  it("chat model text and stream", async () => {
    const { text } = await generateText({ model: openai().chat("openai/gpt-5-mini"), prompt: "Hi", maxRetries: 0 });
    expect(text).toBe("Emulated response from openai/gpt-5-mini to: Hi");
    const s = streamText({ model: openai().chat("openai/gpt-5-mini"), prompt: "Stream", maxRetries: 0 });
    expect(await s.text).toBe("Emulated response from openai/gpt-5-mini to: Stream");
  });

  it("responses model through a gateway with a stored OpenAI key, streamed", async () => {
    const s = streamText({ model: openai({ "cf-aig-gateway-id": "docs-openai-key" }).responses("openai/gpt-5-mini"), prompt: "Hi", maxRetries: 0 });
    expect(await s.text).toBe("Emulated response from openai/gpt-5-mini to: Hi");
  });

  it("embeddingModel", async () => {
    const { embedding } = await embed({ model: openai(GW).embeddingModel("@cf/baai/bge-large-en-v1.5"), value: "hello", maxRetries: 0 });
    expect(embedding).toHaveLength(1024);
  });
});

describe("@ai-sdk/anthropic (REST /ai/v1/messages)", () => {
  const anthropic = () => createAnthropic({ baseURL: `${REST}/v1`, authToken: TOKEN, fetch });

  it("text and stream", async () => {
    const { text } = await generateText({ model: anthropic()("anthropic/claude-sonnet-4-5"), prompt: "Hi", maxRetries: 0 });
    expect(text).toBe("Emulated response from anthropic/claude-sonnet-4-5 to: Hi");
    const s = streamText({ model: anthropic()("anthropic/claude-sonnet-4-5"), prompt: "Stream", maxRetries: 0 });
    expect(await s.text).toBe("Emulated response from anthropic/claude-sonnet-4-5 to: Stream");
  });

  it("structured output goes out as output_config.format and comes back as the object", async () => {
    const r = await generateText({
      model: anthropic()("anthropic/claude-sonnet-4-5"),
      prompt: "Lisbon has 1 airport",
      output: Output.object({ schema: jsonSchema<{ airports: number }>({ type: "object", properties: { airports: { type: "integer" } }, required: ["airports"], additionalProperties: false }) }),
      maxRetries: 0,
    });
    expect(r.output).toEqual({ airports: 1 });
    const sent = lastUpstream(emu())[0].body as { output_config?: { format?: { type: string } } };
    expect(sent.output_config?.format?.type).toBe("json_schema");
  });
});
