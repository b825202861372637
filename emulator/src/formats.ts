/**
 * Wire formats: each API's request → Conversation, and Generation → that API's response body or stream events.
 * Events are produced lazily (re-iterable generators, one event at a time) and written by the one SSE helper (sse.ts).
 */
import { deltas, type Conversation, type Generation, type JsonSchema, type Msg, type Tool, type ToolCall, type ToolChoice, type ResponseFormat } from "./generate.ts";
import { lazyEvents, type Events, type SSEEvent } from "./sse.ts";
import { digest } from "./hash.ts";
import type { ChatBody, MessagesBody, ResponsesBody, WorkersAiTextBody } from "./schemas.ts";

type Obj = Record<string, any>;
const now = () => Math.floor(Date.now() / 1000);
const json = (v: unknown): SSEEvent => ({ data: JSON.stringify(v) });
const named = (event: string, v: Obj): SSEEvent => ({ event, data: JSON.stringify({ type: event, ...v }) });
export const DONE: SSEEvent = { data: "[DONE]" };

function parseArgs(a: unknown): Record<string, unknown> {
  if (typeof a === "string") {
    try {
      const v = JSON.parse(a);
      return v && typeof v === "object" ? v : {};
    } catch {
      return {};
    }
  }
  return a && typeof a === "object" ? (a as Record<string, unknown>) : {};
}

/** Text of OpenAI/Workers AI/Anthropic content: a string or an array of parts with `text`. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content))
    return content
      .map((p) => (typeof p === "string" ? p : typeof p?.text === "string" ? p.text : p?.type === "tool_result" ? contentText(p.content) : ""))
      .filter(Boolean)
      .join("\n");
  if (content == null) return "";
  return JSON.stringify(content);
}

function chatTools(tools: unknown): Tool[] {
  if (!Array.isArray(tools)) return [];
  return tools.map((t: Obj) => {
    const f = t.function ?? t; // OpenAI {type, function:{…}} or Workers AI / Responses flat {name, …}
    return { name: String(f.name), description: f.description, parameters: f.parameters ?? f.input_schema };
  });
}

function chatToolChoice(c: unknown): ToolChoice | undefined {
  if (c === "auto" || c === "none" || c === "required") return c;
  if (c && typeof c === "object") {
    const o = c as Obj;
    const name = o.function?.name ?? o.name;
    if (typeof name === "string") return { name };
  }
  return undefined;
}

function chatFormat(f: unknown): ResponseFormat | undefined {
  if (!f || typeof f !== "object") return undefined;
  const o = f as Obj;
  if (o.type === "json_schema") return { type: "json_schema", schema: (o.json_schema?.schema ?? o.json_schema ?? o.schema) as JsonSchema };
  if (o.type === "json_object") return { type: "json_object" };
  return undefined;
}

function chatMessages(messages: Obj[]): Msg[] {
  return messages.map((m) => {
    const role = m.role === "developer" ? "system" : m.role;
    const msg: Msg = { role, text: contentText(m.content) };
    if (Array.isArray(m.tool_calls))
      msg.toolCalls = m.tool_calls.map((c: Obj) => ({ id: c.id ?? "", name: c.function?.name ?? c.name, arguments: parseArgs(c.function?.arguments ?? c.arguments) }));
    if (m.tool_call_id) msg.toolCallId = m.tool_call_id;
    if (role === "tool" && m.name) msg.toolName = m.name;
    return msg;
  });
}

// ---------- OpenAI Chat Completions ----------

export function fromChat(body: ChatBody, model: string): Conversation {
  return {
    model,
    messages: chatMessages(body.messages as Obj[]),
    tools: chatTools(body.tools),
    toolChoice: chatToolChoice(body.tool_choice),
    maxTokens: body.max_completion_tokens ?? body.max_tokens,
    responseFormat: chatFormat(body.response_format),
  };
}

const chatUsage = (g: Generation) => ({ prompt_tokens: g.usage.input, completion_tokens: g.usage.output, total_tokens: g.usage.input + g.usage.output });
const chatToolCalls = (calls: ToolCall[]) => calls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments) } }));

export function chatCompletion(g: Generation, model: string, seed: unknown): Obj {
  const message: Obj = { role: "assistant", content: g.toolCalls.length ? null : g.text, refusal: null };
  if (g.toolCalls.length) message.tool_calls = chatToolCalls(g.toolCalls);
  return {
    id: `chatcmpl-${digest(seed)}`,
    object: "chat.completion",
    created: now(),
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: g.finish }],
    usage: chatUsage(g),
  };
}

/** Chunks then `[DONE]`. `usageEvery` repeats usage on every chunk (Workers AI does); else only with include_usage. */
export function chatChunks(g: Generation, model: string, seed: unknown, opts: { includeUsage?: boolean; usageEvery?: boolean } = {}): Events {
  const base = { id: `chatcmpl-${digest(seed)}`, object: "chat.completion.chunk", created: now(), model };
  const usage = opts.usageEvery ? { usage: chatUsage(g) } : {};
  const chunk = (delta: Obj, finish: string | null = null) => json({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...usage });
  return lazyEvents(function* () {
    yield chunk({ role: "assistant", content: "" });
    if (g.toolCalls.length) yield chunk({ tool_calls: chatToolCalls(g.toolCalls).map((c, index) => ({ index, ...c })) });
    else for (const d of deltas(g.text)) yield chunk({ content: d });
    yield chunk({}, g.finish);
    if (opts.includeUsage && !opts.usageEvery) yield json({ ...base, choices: [], usage: chatUsage(g) });
    yield DONE;
  });
}

// ---------- Workers AI (/ai/run) ----------

export function fromWorkersAi(body: WorkersAiTextBody, model: string): Conversation {
  const messages: Msg[] = typeof body.prompt === "string" ? [{ role: "user", text: body.prompt }] : chatMessages((body.messages ?? []) as Obj[]);
  const format = body.response_format as Obj | undefined;
  return {
    model,
    messages,
    tools: chatTools(body.tools ?? body.functions),
    maxTokens: body.max_tokens ?? (body.max_completion_tokens as number | undefined),
    responseFormat: chatFormat(format),
  };
}

const waiUsage = (g: Generation) => chatUsage(g);

export function workersAiResult(g: Generation): Obj {
  const out: Obj = { response: g.text };
  if (g.toolCalls.length) out.tool_calls = g.toolCalls.map((c) => ({ name: c.name, arguments: c.arguments }));
  out.usage = waiUsage(g);
  return out;
}

/** `data: {"response":"…","p":"…"}` per word, a last event with usage, then `data: [DONE]`. */
export function workersAiEvents(g: Generation): Events {
  return lazyEvents(function* () {
    if (g.toolCalls.length) yield json({ response: "", tool_calls: g.toolCalls.map((c) => ({ name: c.name, arguments: c.arguments })) });
    else for (const d of deltas(g.text)) yield json({ response: d, p: "abcdefghijklmnopqrstuvwxyz0123456789".slice(0, 1 + (d.length % 30)) });
    yield json({ response: "", usage: waiUsage(g) });
    yield DONE;
  });
}

// ---------- OpenAI Responses ----------

export function fromResponses(body: ResponsesBody, model: string): Conversation {
  const messages: Msg[] = [];
  if (typeof body.instructions === "string") messages.push({ role: "system", text: body.instructions });
  if (typeof body.input === "string") messages.push({ role: "user", text: body.input });
  else
    for (const item of body.input as Obj[]) {
      if (item.type === "function_call") {
        const last = messages[messages.length - 1];
        const call = { id: item.call_id, name: item.name, arguments: parseArgs(item.arguments) };
        if (last?.role === "assistant" && last.toolCalls) last.toolCalls.push(call);
        else messages.push({ role: "assistant", text: "", toolCalls: [call] });
      } else if (item.type === "function_call_output") {
        messages.push({ role: "tool", text: contentText(item.output), toolCallId: item.call_id });
      } else if (item.role) {
        messages.push({ role: item.role === "developer" ? "system" : item.role, text: contentText(item.content) });
      }
    }
  const fmt = (body.text as Obj | undefined)?.format as Obj | undefined;
  return {
    model,
    messages,
    tools: chatTools((body.tools ?? []).filter((t) => t.type === "function")),
    toolChoice: chatToolChoice(body.tool_choice),
    maxTokens: body.max_output_tokens,
    responseFormat: fmt?.type === "json_schema" ? { type: "json_schema", schema: fmt.schema } : fmt?.type === "json_object" ? { type: "json_object" } : undefined,
  };
}

function responseItems(g: Generation, seed: unknown): Obj[] {
  if (g.toolCalls.length)
    return g.toolCalls.map((c) => ({ id: `fc_${digest([seed, c.id])}`, type: "function_call", status: "completed", call_id: c.id, name: c.name, arguments: JSON.stringify(c.arguments) }));
  return [{ id: `msg_${digest(seed)}`, type: "message", status: "completed", role: "assistant", content: [{ type: "output_text", text: g.text, annotations: [] }] }];
}

export function responseObject(g: Generation, model: string, body: Obj, seed: unknown, status: "completed" | "in_progress" = "completed"): Obj {
  const incomplete = status === "completed" && g.finish === "length";
  return {
    id: `resp_${digest(seed)}`,
    object: "response",
    created_at: now(),
    status: incomplete ? "incomplete" : status,
    error: null,
    incomplete_details: incomplete ? { reason: "max_output_tokens" } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model,
    output: status === "completed" ? responseItems(g, seed) : [],
    parallel_tool_calls: true,
    tool_choice: body.tool_choice ?? "auto",
    tools: body.tools ?? [],
    usage: status === "completed" ? { input_tokens: g.usage.input, output_tokens: g.usage.output, total_tokens: g.usage.input + g.usage.output } : null,
  };
}

/** The documented order: created, in_progress, output_item.added, content_part.added, output_text.delta…, done events, completed. */
export function responseEvents(g: Generation, model: string, body: Obj, seed: unknown): Events {
  return lazyEvents(function* () {
    let seq = 0;
    const ev = (type: string, v: Obj) => named(type, { sequence_number: seq++, ...v });
    yield ev("response.created", { response: responseObject(g, model, body, seed, "in_progress") });
    yield ev("response.in_progress", { response: responseObject(g, model, body, seed, "in_progress") });
    let output_index = 0;
    for (const item of responseItems(g, seed)) {
      if (item.type === "function_call") {
        yield ev("response.output_item.added", { output_index, item: { ...item, status: "in_progress", arguments: "" } });
        yield ev("response.function_call_arguments.delta", { item_id: item.id, output_index, delta: item.arguments });
        yield ev("response.function_call_arguments.done", { item_id: item.id, output_index, arguments: item.arguments });
        yield ev("response.output_item.done", { output_index, item });
      } else {
        const part = { type: "output_text", text: "", annotations: [] };
        yield ev("response.output_item.added", { output_index, item: { ...item, status: "in_progress", content: [] } });
        yield ev("response.content_part.added", { item_id: item.id, output_index, content_index: 0, part });
        for (const d of deltas(g.text)) yield ev("response.output_text.delta", { item_id: item.id, output_index, content_index: 0, delta: d, logprobs: [] });
        yield ev("response.output_text.done", { item_id: item.id, output_index, content_index: 0, text: g.text, logprobs: [] });
        yield ev("response.content_part.done", { item_id: item.id, output_index, content_index: 0, part: { ...part, text: g.text } });
        yield ev("response.output_item.done", { output_index, item });
      }
      output_index++;
    }
    yield ev("response.completed", { response: responseObject(g, model, body, seed) });
  });
}

// ---------- Anthropic Messages ----------

export function fromAnthropic(body: MessagesBody, model: string): Conversation {
  const messages: Msg[] = [];
  if (body.system !== undefined) messages.push({ role: "system", text: contentText(body.system) });
  for (const m of body.messages as Obj[]) {
    if (typeof m.content === "string") {
      messages.push({ role: m.role, text: m.content });
      continue;
    }
    const blocks = m.content as Obj[];
    const uses = blocks.filter((b) => b.type === "tool_use").map((b) => ({ id: b.id, name: b.name, arguments: parseArgs(b.input) }));
    const text = blocks.filter((b) => b.type === "text").map((b) => b.text).join("\n");
    const results = blocks.filter((b) => b.type === "tool_result");
    if (results.length) for (const r of results) messages.push({ role: "tool", text: contentText(r.content), toolCallId: r.tool_use_id });
    if (text || uses.length || !results.length) messages.push({ role: m.role, text, ...(uses.length ? { toolCalls: uses } : {}) });
  }
  const tc = body.tool_choice as Obj | undefined;
  const toolChoice: ToolChoice | undefined = tc?.type === "tool" ? { name: tc.name } : tc?.type === "any" ? "required" : tc?.type === "none" ? "none" : undefined;
  // Structured outputs: `output_config.format` (the older beta name `output_format` too) → a value built from the schema.
  const format = body.output_config?.format ?? body.output_format;
  const responseFormat: ResponseFormat | undefined = format ? { type: "json_schema", schema: format.schema as JsonSchema } : undefined;
  return { model, messages, tools: chatTools(body.tools), toolChoice, maxTokens: body.max_tokens, responseFormat };
}

const stopReason = (g: Generation) => (g.finish === "tool_calls" ? "tool_use" : g.finish === "length" ? "max_tokens" : "end_turn");

function anthropicContent(g: Generation): Obj[] {
  if (g.toolCalls.length) return g.toolCalls.map((c) => ({ type: "tool_use", id: c.id.replace(/^call_/, "toolu_"), name: c.name, input: c.arguments }));
  return [{ type: "text", text: g.text }];
}

export function anthropicMessage(g: Generation, model: string, seed: unknown): Obj {
  return {
    id: `msg_${digest(seed)}`,
    type: "message",
    role: "assistant",
    model,
    content: anthropicContent(g),
    stop_reason: stopReason(g),
    stop_sequence: null,
    usage: { input_tokens: g.usage.input, output_tokens: g.usage.output },
  };
}

export function anthropicEvents(g: Generation, model: string, seed: unknown): Events {
  const msg = anthropicMessage(g, model, seed);
  return lazyEvents(function* () {
    yield named("message_start", { message: { ...msg, content: [], stop_reason: null, usage: { input_tokens: g.usage.input, output_tokens: 0 } } });
    let index = 0;
    for (const block of msg.content as Obj[]) {
      if (block.type === "tool_use") {
        yield named("content_block_start", { index, content_block: { ...block, input: {} } });
        yield named("content_block_delta", { index, delta: { type: "input_json_delta", partial_json: JSON.stringify(block.input) } });
      } else {
        yield named("content_block_start", { index, content_block: { type: "text", text: "" } });
        if (index === 0) yield named("ping", {});
        for (const d of deltas(block.text)) yield named("content_block_delta", { index, delta: { type: "text_delta", text: d } });
      }
      yield named("content_block_stop", { index });
      index++;
    }
    yield named("message_delta", { delta: { stop_reason: msg.stop_reason, stop_sequence: null }, usage: { output_tokens: g.usage.output } });
    yield named("message_stop", {});
  });
}

/** A Chat Completions request as the gateway would send it to Anthropic (for the upstream log). */
export function chatToAnthropicRequest(body: ChatBody, providerModel: string): Obj {
  const system = (body.messages as Obj[]).filter((m) => m.role === "system" || m.role === "developer").map((m) => contentText(m.content));
  const out: Obj = {
    model: providerModel,
    max_tokens: body.max_completion_tokens ?? body.max_tokens ?? 4096,
    messages: (body.messages as Obj[]).filter((m) => m.role !== "system" && m.role !== "developer").map((m) => ({ role: m.role === "tool" ? "user" : m.role, content: m.role === "tool" ? [{ type: "tool_result", tool_use_id: m.tool_call_id, content: contentText(m.content) }] : contentText(m.content) })),
  };
  if (system.length) out.system = system.join("\n");
  if (body.tools) out.tools = chatTools(body.tools).map((t) => ({ name: t.name, description: t.description, input_schema: t.parameters ?? { type: "object" } }));
  if (body.stream) out.stream = true;
  return out;
}

// ---------- Google AI Studio (generateContent) ----------

export function fromGoogle(body: Obj, model: string): Conversation {
  const messages: Msg[] = [];
  if (body.systemInstruction) messages.push({ role: "system", text: contentText(body.systemInstruction.parts) });
  for (const c of (body.contents ?? []) as Obj[]) {
    const parts = (c.parts ?? []) as Obj[];
    for (const p of parts.filter((p) => p.functionResponse)) messages.push({ role: "tool", text: JSON.stringify(p.functionResponse.response ?? {}), toolName: p.functionResponse.name });
    const calls = parts.filter((p) => p.functionCall).map((p) => ({ id: p.functionCall.name, name: p.functionCall.name, arguments: p.functionCall.args ?? {} }));
    const text = contentText(parts);
    if (text || calls.length) messages.push({ role: c.role === "model" ? "assistant" : "user", text, ...(calls.length ? { toolCalls: calls } : {}) });
  }
  const decls = ((body.tools ?? []) as Obj[]).flatMap((t) => t.functionDeclarations ?? []);
  const gc = body.generationConfig ?? {};
  return {
    model,
    messages,
    tools: chatTools(decls),
    maxTokens: gc.maxOutputTokens,
    responseFormat: gc.responseSchema ? { type: "json_schema", schema: lowerTypes(gc.responseSchema) } : gc.responseMimeType === "application/json" ? { type: "json_object" } : undefined,
  };
}

function lowerTypes(s: Obj): JsonSchema {
  const out: Obj = { ...s };
  if (typeof s.type === "string") out.type = s.type.toLowerCase();
  if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, lowerTypes(v as Obj)]));
  if (s.items) out.items = lowerTypes(s.items);
  return out;
}

export function googleResponse(g: Generation, model: string, text = g.text, final = true): Obj {
  const parts = g.toolCalls.length ? g.toolCalls.map((c) => ({ functionCall: { name: c.name, args: c.arguments } })) : [{ text }];
  return {
    candidates: [{ content: { role: "model", parts }, ...(final ? { finishReason: g.finish === "length" ? "MAX_TOKENS" : "STOP" } : {}), index: 0 }],
    usageMetadata: { promptTokenCount: g.usage.input, candidatesTokenCount: g.usage.output, totalTokenCount: g.usage.input + g.usage.output },
    modelVersion: model,
  };
}

export function googleEvents(g: Generation, model: string): Events {
  return lazyEvents(function* () {
    if (g.toolCalls.length) return yield json(googleResponse(g, model));
    const ds = deltas(g.text);
    for (let i = 0; i < ds.length; i++) yield json(googleResponse(g, model, ds[i], i === ds.length - 1));
  });
}
