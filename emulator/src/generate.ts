/**
 * Deterministic "inference". Every endpoint turns its request into a Conversation, and `generate()` derives the answer
 * from it with fixed rules (documented in emulator/README.md), so the same request always gives the same output.
 */
import { digest, Hasher, seededRandom } from "./hash.ts";
import { clip, detach, wordCount, words } from "./util.ts";

export type ToolCall = { id: string; name: string; arguments: Record<string, unknown> };
export type Msg = {
  role: "system" | "user" | "assistant" | "tool";
  text: string;
  toolCalls?: ToolCall[];
  toolCallId?: string;
  toolName?: string;
};
export type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; enum?: unknown[] };
export type Tool = { name: string; description?: string; parameters?: JsonSchema };
export type ToolChoice = "auto" | "none" | "required" | { name: string };
export type ResponseFormat = { type: "text" } | { type: "json_object" } | { type: "json_schema"; schema?: JsonSchema };
export type Conversation = {
  model: string;
  messages: Msg[];
  tools?: Tool[];
  toolChoice?: ToolChoice;
  maxTokens?: number;
  responseFormat?: ResponseFormat;
};
export type Generation = {
  text: string;
  toolCalls: ToolCall[];
  finish: "stop" | "length" | "tool_calls";
  usage: { input: number; output: number };
};

/** How much of the user's input the emulator ever echoes (answers stay small whatever the request's size). */
export const MAX_ECHO = 200;

/** Whitespace collapsed and cut at MAX_ECHO characters; only the start of a long text is ever looked at. */
export function echoText(text: string): string {
  const start = text.trimStart().slice(0, MAX_ECHO * 8);
  return detach(clip(start.replace(/\s+/g, " ").trim(), MAX_ECHO));
}

/** The text of the last user message, whitespace collapsed, cut at 200 characters. */
export function lastUserText(messages: Msg[]): string {
  let user: Msg | undefined;
  for (let i = messages.length - 1; i >= 0 && !user; i--) if (messages[i].role === "user") user = messages[i];
  return echoText((user ?? messages[messages.length - 1])?.text ?? "");
}

/** The reply to a plain request: names the model and echoes the last user message. */
export function replyText(model: string, messages: Msg[]): string {
  return `Emulated response from ${model} to: ${lastUserText(messages)}`;
}

const GENERIC_VERBS = new Set(["get", "set", "fetch", "lookup", "look", "find", "search", "list", "create", "update", "delete", "run", "call", "do", "make", "query", "check", "the", "for", "and"]);

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_\-.]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 3 && !GENERIC_VERBS.has(w));
}

/**
 * Tool rule: a tool is called when `tool_choice` names it, or (choice `auto`) when the last user message contains the
 * tool's name, or one of the words of its name other than generic verbs (`get_weather` → "weather"). `required` falls
 * back to the first tool. The first matching tool wins; one call per turn.
 */
export function pickTool(tools: Tool[], choice: ToolChoice | undefined, userText: string): Tool | undefined {
  if (!tools.length || choice === "none") return undefined;
  if (choice && typeof choice === "object") return tools.find((t) => t.name === choice.name);
  const text = userText.toLowerCase();
  const userWords = new Set(text.split(/[^a-z0-9]+/).filter(Boolean));
  const hit = tools.find((t) => {
    const n = t.name.toLowerCase();
    if (text.includes(n) || text.includes(n.replace(/[_-]/g, " "))) return true;
    return nameWords(t.name).some((w) => userWords.has(w) || userWords.has(`${w}s`) || (w.endsWith("s") && userWords.has(w.slice(0, -1))));
  });
  return hit ?? (choice === "required" ? tools[0] : undefined);
}

/** A string derived from the message: the phrase after the last "in/for/at/of/about/to", else the whole message. */
export function phraseFrom(text: string): string {
  const m = /.*\b(?:in|for|at|of|about|to)\s+([^?.!,;]+)/i.exec(text);
  const phrase = (m ? m[1] : text).replace(/[?.!,;]+$/g, "").trim();
  return phrase || text;
}

function typeOf(schema: JsonSchema | undefined): string {
  const t = schema?.type;
  return (Array.isArray(t) ? t.find((x) => x !== "null") : t) ?? (schema?.properties ? "object" : "string");
}

/** A value that fits `schema`, derived from the user's message. */
export function valueFor(schema: JsonSchema | undefined, text: string, depth = 0): unknown {
  if (schema?.enum?.length) return schema.enum[0];
  switch (typeOf(schema)) {
    case "number":
    case "integer": {
      const n = /-?\d+(?:\.\d+)?/.exec(text);
      return n ? Number(n[0]) : 1;
    }
    case "boolean":
      return true;
    case "array":
      return depth > 4 ? [] : [valueFor(schema?.items, text, depth + 1)];
    case "object": {
      const out: Record<string, unknown> = {};
      const props = schema?.properties ?? {};
      const keys = schema?.required?.length ? schema.required : Object.keys(props);
      if (depth <= 4) for (const k of keys) out[k] = valueFor(props[k], text, depth + 1);
      return out;
    }
    default:
      return phraseFrom(text);
  }
}

function trailingToolResults(messages: Msg[]): Msg[] {
  const out: Msg[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i].role === "tool"; i--) out.unshift(messages[i]);
  return out;
}

function toolNameFor(messages: Msg[], result: Msg): string {
  if (result.toolName) return result.toolName;
  for (const m of messages) for (const c of m.toolCalls ?? []) if (c.id === result.toolCallId) return c.name;
  return "tool";
}

export function generate(conv: Conversation): Generation {
  const input = conv.messages.reduce((n, m) => n + wordCount(m.text) + (m.toolCalls ? wordCount(JSON.stringify(m.toolCalls.map((c) => c.arguments))) : 0), 0);
  const user = lastUserText(conv.messages);
  const results = trailingToolResults(conv.messages);
  let text: string;
  if (results.length) {
    // A conversation that already has tool results: answer with text that uses them.
    text = results
      .slice(0, 20)
      .map((r) => `The ${clip(toolNameFor(conv.messages, r), 64)} tool returned: ${echoText(r.text)}`)
      .join("\n");
  } else {
    const tool = pickTool(conv.tools ?? [], conv.toolChoice, user);
    if (tool) {
      const call: ToolCall = {
        id: `call_${digest([conv.model, conv.messages, tool.name])}`,
        name: tool.name,
        arguments: valueFor({ type: "object", ...tool.parameters }, user) as Record<string, unknown>,
      };
      return { text: "", toolCalls: [call], finish: "tool_calls", usage: { input: Math.max(1, input), output: words(JSON.stringify(call.arguments)).length || 1 } };
    }
    const fmt = conv.responseFormat;
    if (fmt?.type === "json_schema" && fmt.schema) text = JSON.stringify(valueFor(fmt.schema, user));
    else if (fmt?.type === "json_object" || fmt?.type === "json_schema") text = JSON.stringify({ response: replyText(conv.model, conv.messages) });
    else text = replyText(conv.model, conv.messages);
  }
  let finish: Generation["finish"] = "stop";
  const ws = text.split(/(?<=\s)/); // words with their trailing whitespace
  if (conv.maxTokens !== undefined && conv.responseFormat?.type !== "json_schema" && ws.length > conv.maxTokens) {
    text = ws.slice(0, Math.max(1, conv.maxTokens)).join("").trimEnd();
    finish = "length";
  }
  return { text, toolCalls: [], finish, usage: { input: Math.max(1, input), output: words(text).length } };
}

/** Splits text into stream deltas: one word (with its following whitespace) per delta. */
export function deltas(text: string): string[] {
  const parts = text.split(/(?<=\s)/).filter(Boolean);
  return parts.length ? parts : [""];
}

const DIMS: Record<string, number> = {
  "@cf/baai/bge-large-en-v1.5": 1024,
  "@cf/baai/bge-m3": 1024,
  "@cf/baai/bge-base-en-v1.5": 768,
  "@cf/baai/bge-small-en-v1.5": 384,
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
};

export function embeddingDims(model: string): number {
  return DIMS[model] ?? DIMS[model.replace(/^openai\//, "")] ?? 768;
}

/** A unit-length vector seeded by the text: same text, same vector. */
export function embed(text: string, dims: number): number[] {
  const next = seededRandom(new Hasher().update(text).seed32());
  const out: number[] = [];
  for (let i = 0; i < dims; i++) out.push(next() - 0.5);
  const norm = Math.sqrt(out.reduce((n, x) => n + x * x, 0)) || 1;
  return out.map((x) => Math.fround(x / norm));
}
