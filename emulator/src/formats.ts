/**
 * Wire formats: each API's request → Conversation, and Generation → that API's response body or stream events.
 * Events are produced lazily (re-iterable generators, one event at a time) and written by the one SSE helper (sse.ts).
 */
import { deltas, type Conversation, type Generation, type JsonSchema, type Msg, type Tool, type ToolCall, type ToolChoice, type ResponseFormat } from "./generate.ts";
import { lazyEvents, type Events, type SSEEvent } from "./sse.ts";
import { digest } from "./hash.ts";
import { functionToolSchema, type ChatBody, type FlatTool, type FunctionTool, type GoogleBody, type MessagesBody, type ResponsesBody, type WorkersAiTextBody } from "./schemas.ts";

const now = () => Math.floor(Date.now() / 1000);
const json = (v: unknown): SSEEvent => ({ data: JSON.stringify(v) });
const named = (event: string, v: object): SSEEvent => ({ event, data: JSON.stringify({ type: event, ...v }) });
export const DONE: SSEEvent = { data: "[DONE]" };

/**
 * The item, block or tool of `type`. The schemas give each known type its own shape and let other types through only
 * when they are none of the known ones, so narrowing by `type` narrows to the shape that was checked.
 */
function ofType<T extends { type?: unknown }, K extends string>(item: T, type: K): item is Extract<T, { type: K }> {
  return item.type === type;
}

/**
 * JSON the schemas pass through unchecked (tool arguments, JSON schemas, fields of other APIs' options), read as an
 * object: a value that is not one reads as an object with no fields.
 */
type Unchecked = Record<string, unknown>;
const fieldsOf = (v: unknown): Unchecked => (v !== null && typeof v === "object" ? (v as Unchecked) : {});

function parseArgs(a: unknown): ToolCall["arguments"] {
  if (typeof a !== "string") return fieldsOf(a);
  try {
    return fieldsOf(JSON.parse(a));
  } catch {
    return {};
  }
}

/** Text of OpenAI/Workers AI/Anthropic content: a string or an array of parts with `text`. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content))
    return content
      .map((p: unknown) => {
        if (typeof p === "string") return p;
        const part = fieldsOf(p);
        return typeof part.text === "string" ? part.text : part.type === "tool_result" ? contentText(part.content) : "";
      })
      .filter(Boolean)
      .join("\n");
  if (content == null) return "";
  return JSON.stringify(content);
}

/** A function definition in any API's spelling: OpenAI's `{type, function}`, the flat `{name, parameters}` (Workers AI, Responses, Google), Anthropic's `{name, input_schema}`. */
type ToolIn = FunctionTool | FlatTool | NonNullable<MessagesBody["tools"]>[number] | Extract<NonNullable<ResponsesBody["tools"]>[number], { type: "function" }>;
const isFunctionTool = (t: ToolIn): t is FunctionTool => functionToolSchema.safeParse(t).success;
/** A tool's parameters: a JSON schema object (the schemas check it is an object where they know the field). */
const schemaOf = (v: unknown): JsonSchema | undefined => (v !== null && typeof v === "object" ? (v as JsonSchema) : undefined);

function chatTools(tools: readonly ToolIn[] = []): Tool[] {
  return tools.map((t) => {
    const f = isFunctionTool(t) ? t.function : t;
    return { name: f.name, description: f.description, parameters: schemaOf(f.parameters ?? f.input_schema) };
  });
}

function chatToolChoice(c: unknown): ToolChoice | undefined {
  if (c === "auto" || c === "none" || c === "required") return c;
  const o = fieldsOf(c);
  const name = fieldsOf(o.function).name ?? o.name;
  return typeof name === "string" ? { name } : undefined;
}

type FormatIn = ChatBody["response_format"] | WorkersAiTextBody["response_format"];

function chatFormat(f: FormatIn): ResponseFormat | undefined {
  if (f?.type === "json_schema") return { type: "json_schema", schema: schemaOf(fieldsOf(f.json_schema).schema ?? f.json_schema ?? f.schema) };
  if (f?.type === "json_object") return { type: "json_object" };
  return undefined;
}

/** A chat message of Chat Completions or of Workers AI's `messages`. */
type ChatMessageIn = ChatBody["messages"][number] | NonNullable<WorkersAiTextBody["messages"]>[number];
/** A tool call as either spells it: `{id, function: {name, arguments}}`, or Workers AI's flat `{name, arguments}`. */
type ToolCallIn = { id?: string; name?: string; arguments?: unknown; function?: { name: string; arguments?: unknown } };

function chatMessages(messages: readonly ChatMessageIn[]): Msg[] {
  return messages.map((m) => {
    const role = m.role === "developer" ? "system" : m.role;
    const msg: Msg = { role, text: contentText(m.content) };
    const calls: readonly ToolCallIn[] | undefined = m.role === "assistant" ? m.tool_calls : undefined;
    if (calls) msg.toolCalls = calls.map((c) => ({ id: c.id ?? "", name: c.function?.name ?? c.name ?? "", arguments: parseArgs(c.function?.arguments ?? c.arguments) }));
    if (m.role === "tool" && m.tool_call_id) msg.toolCallId = m.tool_call_id;
    if (m.role === "tool" && m.name) msg.toolName = m.name;
    return msg;
  });
}

// ---------- OpenAI Chat Completions ----------

export function fromChat(body: ChatBody, model: string): Conversation {
  return {
    model,
    messages: chatMessages(body.messages),
    tools: chatTools(body.tools),
    toolChoice: chatToolChoice(body.tool_choice),
    maxTokens: body.max_completion_tokens ?? body.max_tokens,
    responseFormat: chatFormat(body.response_format),
  };
}

const chatUsage = (g: Generation) => ({ prompt_tokens: g.usage.input, completion_tokens: g.usage.output, total_tokens: g.usage.input + g.usage.output });
const chatToolCalls = (calls: ToolCall[]) => calls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments) } }));

type ChatToolCallOut = ReturnType<typeof chatToolCalls>[number];

export function chatCompletion(g: Generation, model: string, seed: unknown) {
  const message: { role: "assistant"; content: string | null; refusal: null; tool_calls?: ChatToolCallOut[] } = { role: "assistant", content: g.toolCalls.length ? null : g.text, refusal: null };
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
  const chunk = (delta: object, finish: string | null = null) => json({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...usage });
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
  const messages: Msg[] = typeof body.prompt === "string" ? [{ role: "user", text: body.prompt }] : chatMessages(body.messages ?? []);
  return {
    model,
    messages,
    tools: chatTools(body.tools ?? body.functions),
    maxTokens: body.max_tokens ?? body.max_completion_tokens,
    responseFormat: chatFormat(body.response_format),
  };
}

const waiUsage = (g: Generation) => chatUsage(g);

/** `response` is the text, or in JSON mode the JSON value itself (answer.ts). */
export function workersAiResult(g: Generation) {
  const out: { response: unknown; tool_calls?: { name: string; arguments: ToolCall["arguments"] }[]; usage?: ReturnType<typeof chatUsage> } = { response: g.text };
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

type ResponsesItem = Exclude<ResponsesBody["input"], string>[number];
/** A role message (`{role, content}`, `type: "message"` or none). */
const isMessageItem = (item: ResponsesItem): item is Extract<ResponsesItem, { role: string }> => "role" in item && (item.type === undefined || item.type === "message");

export function fromResponses(body: ResponsesBody, model: string): Conversation {
  const messages: Msg[] = [];
  if (typeof body.instructions === "string") messages.push({ role: "system", text: body.instructions });
  if (typeof body.input === "string") messages.push({ role: "user", text: body.input });
  else
    for (const item of body.input) {
      if (ofType(item, "function_call")) {
        const last = messages[messages.length - 1];
        const call = { id: item.call_id, name: item.name, arguments: parseArgs(item.arguments) };
        if (last?.role === "assistant" && last.toolCalls) last.toolCalls.push(call);
        else messages.push({ role: "assistant", text: "", toolCalls: [call] });
      } else if (ofType(item, "function_call_output")) {
        messages.push({ role: "tool", text: contentText(item.output), toolCallId: item.call_id });
      } else if (isMessageItem(item)) {
        messages.push({ role: item.role === "developer" ? "system" : item.role, text: contentText(item.content) });
      }
    }
  const fmt = body.text?.format;
  return {
    model,
    messages,
    tools: chatTools((body.tools ?? []).filter((t) => ofType(t, "function"))),
    toolChoice: chatToolChoice(body.tool_choice),
    maxTokens: body.max_output_tokens,
    responseFormat: fmt?.type === "json_schema" ? { type: "json_schema", schema: schemaOf(fmt.schema) } : fmt?.type === "json_object" ? { type: "json_object" } : undefined,
  };
}

type FunctionCallItem = { id: string; type: "function_call"; status: "completed"; call_id: string; name: string; arguments: string };
type MessageItem = { id: string; type: "message"; status: "completed"; role: "assistant"; content: { type: "output_text"; text: string; annotations: never[] }[] };

function responseItems(g: Generation, seed: unknown): (FunctionCallItem | MessageItem)[] {
  if (g.toolCalls.length)
    return g.toolCalls.map((c) => ({ id: `fc_${digest([seed, c.id])}`, type: "function_call", status: "completed", call_id: c.id, name: c.name, arguments: JSON.stringify(c.arguments) }));
  return [{ id: `msg_${digest(seed)}`, type: "message", status: "completed", role: "assistant", content: [{ type: "output_text", text: g.text, annotations: [] }] }];
}

export function responseObject(g: Generation, model: string, body: ResponsesBody, seed: unknown, status: "completed" | "in_progress" = "completed") {
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
export function responseEvents(g: Generation, model: string, body: ResponsesBody, seed: unknown): Events {
  return lazyEvents(function* () {
    let seq = 0;
    const ev = (type: string, v: object) => named(type, { sequence_number: seq++, ...v });
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
  for (const m of body.messages) {
    if (typeof m.content === "string") {
      messages.push({ role: m.role, text: m.content });
      continue;
    }
    const blocks = m.content;
    const uses = blocks.filter((b) => ofType(b, "tool_use")).map((b) => ({ id: b.id, name: b.name, arguments: parseArgs(b.input) }));
    const text = blocks.filter((b) => ofType(b, "text")).map((b) => b.text).join("\n");
    const results = blocks.filter((b) => ofType(b, "tool_result"));
    if (results.length) for (const r of results) messages.push({ role: "tool", text: contentText(r.content), toolCallId: r.tool_use_id });
    if (text || uses.length || !results.length) messages.push({ role: m.role, text, ...(uses.length ? { toolCalls: uses } : {}) });
  }
  const tc = body.tool_choice;
  const toolChoice: ToolChoice | undefined = tc?.type === "tool" ? { name: tc.name } : tc?.type === "any" ? "required" : tc?.type === "none" ? "none" : undefined;
  // Structured outputs: `output_config.format` (the older beta name `output_format` too) → a value built from the schema.
  const format = body.output_config?.format ?? body.output_format;
  const responseFormat: ResponseFormat | undefined = format ? { type: "json_schema", schema: schemaOf(format.schema) } : undefined;
  return { model, messages, tools: chatTools(body.tools), toolChoice, maxTokens: body.max_tokens, responseFormat };
}

const stopReason = (g: Generation) => (g.finish === "tool_calls" ? "tool_use" : g.finish === "length" ? "max_tokens" : "end_turn");

type AnthropicBlockOut = { type: "tool_use"; id: string; name: string; input: ToolCall["arguments"] } | { type: "text"; text: string };

function anthropicContent(g: Generation): AnthropicBlockOut[] {
  if (g.toolCalls.length) return g.toolCalls.map((c) => ({ type: "tool_use", id: c.id.replace(/^call_/, "toolu_"), name: c.name, input: c.arguments }));
  return [{ type: "text", text: g.text }];
}

export function anthropicMessage(g: Generation, model: string, seed: unknown) {
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
    for (const block of msg.content) {
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

/** A chat request: Chat Completions, or Workers AI's with `messages` (a `prompt` turned into one user message). */
export type ChatRequest = { messages: readonly ChatMessageIn[]; max_completion_tokens?: number; max_tokens?: number; tools?: readonly ToolIn[]; stream?: boolean };

type AnthropicRequest = {
  model: string;
  max_tokens: number;
  messages: { role: "user" | "assistant"; content: string | { type: "tool_result"; tool_use_id?: string; content: string }[] }[];
  system?: string;
  tools?: { name: string; description?: string; input_schema: JsonSchema }[];
  stream?: true;
};

/** A chat request as the gateway would send it to Anthropic (for the upstream log). */
export function chatToAnthropicRequest(body: ChatRequest, providerModel: string): AnthropicRequest {
  const system = body.messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => contentText(m.content));
  const out: AnthropicRequest = {
    model: providerModel,
    max_tokens: body.max_completion_tokens ?? body.max_tokens ?? 4096,
    messages: body.messages.flatMap((m) =>
      m.role === "system" || m.role === "developer" ? [] : [{ role: m.role === "tool" ? "user" : m.role, content: m.role === "tool" ? [{ type: "tool_result", tool_use_id: m.tool_call_id, content: contentText(m.content) }] : contentText(m.content) }],
    ),
  };
  if (system.length) out.system = system.join("\n");
  if (body.tools) out.tools = chatTools(body.tools).map((t) => ({ name: t.name, description: t.description, input_schema: t.parameters ?? { type: "object" } }));
  if (body.stream) out.stream = true;
  return out;
}

// ---------- Google AI Studio (generateContent) ----------

export function fromGoogle(body: GoogleBody, model: string): Conversation {
  const messages: Msg[] = [];
  if (body.systemInstruction) messages.push({ role: "system", text: contentText(body.systemInstruction.parts) });
  for (const c of body.contents) {
    const parts = c.parts;
    for (const { functionResponse: r } of parts) if (r) messages.push({ role: "tool", text: JSON.stringify(r.response ?? {}), toolName: r.name });
    const calls = parts.flatMap(({ functionCall: f }) => (f ? [{ id: f.name, name: f.name, arguments: f.args ?? {} }] : []));
    const text = contentText(parts);
    if (text || calls.length) messages.push({ role: c.role === "model" ? "assistant" : "user", text, ...(calls.length ? { toolCalls: calls } : {}) });
  }
  const decls = (body.tools ?? []).flatMap((t) => t.functionDeclarations ?? []);
  const gc = body.generationConfig ?? {};
  return {
    model,
    messages,
    tools: chatTools(decls),
    maxTokens: gc.maxOutputTokens,
    responseFormat: gc.responseSchema ? { type: "json_schema", schema: lowerTypes(gc.responseSchema) } : gc.responseMimeType === "application/json" ? { type: "json_object" } : undefined,
  };
}

/** Google's schema (OpenAPI types in capitals: `OBJECT`, `STRING`) as a JSON schema. Sub-schemas are unchecked JSON. */
function lowerTypes(schema: Unchecked): JsonSchema {
  const out: Unchecked = { ...schema };
  if (typeof schema.type === "string") out.type = schema.type.toLowerCase();
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(fieldsOf(schema.properties)).map(([k, v]) => [k, lowerTypes(fieldsOf(v))]));
  if (schema.items) out.items = lowerTypes(fieldsOf(schema.items));
  return out as JsonSchema;
}

export function googleResponse(g: Generation, model: string, text = g.text, final = true) {
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
