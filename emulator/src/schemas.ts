/** Request bodies, validated with zod 4. Unknown fields pass through (the real APIs accept many more options). */
import { z } from "zod";

const content = z.union([z.string(), z.array(z.looseObject({ type: z.string() })), z.null()]);
/** OpenAI's function tool `{type: "function", function: {name, …}}`. */
export const functionToolSchema = z.looseObject({ type: z.literal("function"), function: z.looseObject({ name: z.string().min(1), description: z.string().optional(), parameters: z.record(z.string(), z.unknown()).optional() }) });
const flatTool = z.looseObject({ name: z.string().min(1), description: z.string().optional(), parameters: z.record(z.string(), z.unknown()).optional() });
const responseFormat = z.looseObject({ type: z.enum(["text", "json_object", "json_schema"]) });

const chatMessage = z.discriminatedUnion("role", [
  z.looseObject({ role: z.enum(["system", "developer", "user"]), content: content }),
  z.looseObject({ role: z.literal("assistant"), content: content.optional(), tool_calls: z.array(z.looseObject({ id: z.string(), type: z.literal("function"), function: z.looseObject({ name: z.string(), arguments: z.string() }) })).optional() }),
  z.looseObject({ role: z.literal("tool"), content: content, tool_call_id: z.string(), name: z.string().optional() }),
]);

export const chatSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(chatMessage).min(1),
  stream: z.boolean().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).optional(),
  max_tokens: z.int().positive().optional(),
  max_completion_tokens: z.int().positive().optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  n: z.int().min(1).optional(), // accepted; the emulator always answers one choice
  tools: z.array(functionToolSchema).optional(),
  tool_choice: z.union([z.enum(["auto", "none", "required"]), z.looseObject({ type: z.literal("function"), function: z.looseObject({ name: z.string() }) })]).optional(),
  response_format: responseFormat.optional(),
});

/** A tool call in a Workers AI message: the OpenAI shape `{id, function: {name, arguments}}` or the flat `{name, arguments}`. */
const waiToolCall = z.looseObject({ id: z.string().optional(), name: z.string().optional(), arguments: z.unknown().optional(), function: z.looseObject({ name: z.string(), arguments: z.unknown().optional() }).optional() });
const waiMessage = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool"]),
  content: content.optional(),
  tool_calls: z.array(waiToolCall).optional(),
  tool_call_id: z.string().optional(),
  name: z.string().optional(),
});

/** Workers AI text generation (`/ai/run/@cf/…`): `prompt` or `messages`. */
export const workersAiTextSchema = z
  .looseObject({
    prompt: z.string().min(1).optional(),
    messages: z.array(waiMessage).min(1).optional(),
    stream: z.boolean().optional(),
    max_tokens: z.int().positive().optional(),
    max_completion_tokens: z.int().positive().optional(),
    temperature: z.number().min(0).max(5).optional(),
    top_p: z.number().min(0).max(2).optional(),
    top_k: z.int().min(1).max(50).optional(),
    seed: z.int().optional(),
    tools: z.array(z.union([functionToolSchema, flatTool])).optional(),
    /** The older name of `tools` (flat function definitions). */
    functions: z.array(flatTool).optional(),
    response_format: z.looseObject({ type: z.enum(["json_object", "json_schema"]), json_schema: z.unknown().optional() }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.prompt === undefined && v.messages === undefined) ctx.addIssue({ code: "custom", path: ["prompt"], message: "either prompt or messages is required" });
    if (v.prompt !== undefined && v.messages !== undefined) ctx.addIssue({ code: "custom", path: ["messages"], message: "send prompt or messages, not both" });
  });

export const embeddingTextSchema = z.looseObject({ text: z.union([z.string(), z.array(z.string()).min(1)]) });
export const rerankSchema = z.looseObject({ query: z.string(), contexts: z.array(z.looseObject({ text: z.string() })).min(1) });
export const audioSchema = z.looseObject({ audio: z.union([z.string().min(1), z.array(z.int().min(0).max(255)).min(1)]) });
export const ttsSchema = z.looseObject({ text: z.string().min(1) });
export const imageSchema = z.looseObject({ prompt: z.string().min(1) });

export const envelopeSchema = z.looseObject({ model: z.string().min(1), input: z.record(z.string(), z.unknown()) });

/**
 * The last branch of a union of shapes told apart by `type`: an object of any other `type` passes through (the APIs
 * have many more item and block types), while a `known` type must fit its own shape, and its error names the field
 * that does not (`content[0].text: expected string`), so narrowing by `type` gives the shape that was checked.
 */
const otherType = (known: Record<string, z.ZodType>) =>
  z.looseObject({ type: z.string() }).superRefine((v, ctx) => {
    const shape = Object.hasOwn(known, v.type) ? known[v.type] : undefined;
    for (const issue of shape?.safeParse(v).error?.issues ?? []) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  });

const messageItem = z.looseObject({ type: z.literal("message").optional(), role: z.enum(["user", "assistant", "system", "developer"]), content: z.union([z.string(), z.array(z.looseObject({ type: z.string() }))]) });
const functionCallItem = z.looseObject({ type: z.literal("function_call"), call_id: z.string(), name: z.string(), arguments: z.string() });
const functionCallOutputItem = z.looseObject({ type: z.literal("function_call_output"), call_id: z.string(), output: z.union([z.string(), z.array(z.unknown())]) });
const responsesItem = z.union([messageItem, functionCallItem, functionCallOutputItem, otherType({ message: messageItem, function_call: functionCallItem, function_call_output: functionCallOutputItem })]);
const responsesFunctionTool = z.looseObject({ type: z.literal("function"), name: z.string().min(1), description: z.string().optional(), parameters: z.record(z.string(), z.unknown()).nullable().optional() });
const responsesTool = z.union([responsesFunctionTool, otherType({ function: responsesFunctionTool })]);

export const responsesSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(responsesItem).min(1)]),
  instructions: z.string().optional(),
  max_output_tokens: z.int().positive().optional(),
  stream: z.boolean().optional(),
  tools: z.array(responsesTool).optional(),
  /** Structured output: `text.format` {type: "json_schema", schema} or {type: "json_object"}. */
  text: z.looseObject({ format: z.looseObject({ type: z.string(), schema: z.record(z.string(), z.unknown()).optional() }).optional() }).optional(),
  reasoning: z.looseObject({ effort: z.enum(["minimal", "low", "medium", "high"]).optional() }).optional(),
});

export const embeddingsSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1)]),
  encoding_format: z.enum(["float", "base64"]).optional(),
  dimensions: z.int().positive().optional(),
});

const textBlock = z.looseObject({ type: z.literal("text"), text: z.string() });
const toolUseBlock = z.looseObject({ type: z.literal("tool_use"), id: z.string(), name: z.string(), input: z.unknown().optional() });
const toolResultBlock = z.looseObject({ type: z.literal("tool_result"), tool_use_id: z.string(), content: z.unknown().optional() });
const anthropicBlock = z.union([textBlock, toolUseBlock, toolResultBlock, otherType({ text: textBlock, tool_use: toolUseBlock, tool_result: toolResultBlock })]);
export const messagesSchema = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.int().positive(),
  messages: z.array(z.looseObject({ role: z.enum(["user", "assistant"]), content: z.union([z.string(), z.array(anthropicBlock).min(1)]) })).min(1),
  system: z.union([z.string(), z.array(anthropicBlock)]).optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(1).optional(),
  tools: z.array(z.looseObject({ name: z.string().min(1), description: z.string().optional(), input_schema: z.record(z.string(), z.unknown()) })).optional(),
  tool_choice: z
    .discriminatedUnion("type", [
      z.looseObject({ type: z.enum(["auto", "any", "none"]) }),
      z.looseObject({ type: z.literal("tool"), name: z.string().min(1) }),
    ])
    .optional(),
  /** Anthropic structured outputs: `output_config.format` {type: "json_schema", schema} (the older beta `output_format` too). */
  output_config: z.looseObject({ format: z.looseObject({ type: z.literal("json_schema"), schema: z.record(z.string(), z.unknown()) }).optional() }).optional(),
  output_format: z.looseObject({ type: z.literal("json_schema"), schema: z.record(z.string(), z.unknown()) }).optional(),
});

const googlePart = z.looseObject({
  text: z.string().optional(),
  functionCall: z.looseObject({ name: z.string(), args: z.record(z.string(), z.unknown()).optional() }).optional(),
  functionResponse: z.looseObject({ name: z.string(), response: z.unknown().optional() }).optional(),
});
export const googleSchema = z.looseObject({
  contents: z.array(z.looseObject({ role: z.enum(["user", "model"]).optional(), parts: z.array(googlePart).min(1) })).min(1),
  systemInstruction: z.looseObject({ parts: z.array(googlePart).optional() }).optional(),
  tools: z.array(z.looseObject({ functionDeclarations: z.array(flatTool).optional() })).optional(),
  generationConfig: z
    .looseObject({ maxOutputTokens: z.int().positive().optional(), responseMimeType: z.string().optional(), responseSchema: z.record(z.string(), z.unknown()).optional() })
    .optional(),
});

const stepConfig = z.looseObject({
  requestTimeout: z.int().positive().optional(),
  maxAttempts: z.int().min(1).max(5).optional(),
  retryDelay: z.int().min(0).max(5000).optional(),
  backoff: z.enum(["constant", "linear", "exponential"]).optional(),
});
export const universalStep = z.looseObject({
  provider: z.string().min(1),
  endpoint: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  query: z.unknown(),
  config: stepConfig.optional(),
});
export const universalSchema = z.union([z.array(universalStep).min(1), universalStep]);

/** `messages[0].content`-style path. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || "(body)";
}

/** Validates, returning the data or one message naming the first bad field: `messages[0].content: expected string`. */
export function check<T>(schema: z.ZodType<T>, body: unknown, prefix: ReadonlyArray<PropertyKey> = []): { ok: true; data: T } | { ok: false; message: string; path: string } {
  const r = schema.safeParse(body);
  if (r.success) return { ok: true, data: r.data };
  // Prefer the deepest issue: a union failure at `messages[0]` is less useful than `messages[0].content`.
  const issue = deepest(r.error.issues);
  const path = fieldPath([...prefix, ...issue.path]);
  let msg = issue.message.replace(/^Invalid input: /, "");
  if (issue.code === "invalid_union") {
    // "expected string, array or null, received number" from the branches' type errors.
    const branches = issue.errors.map((b) => b.find((x) => x.path.length === 0 && x.code === "invalid_type")).filter(Boolean) as z.core.$ZodIssueInvalidType[];
    if (branches.length === issue.errors.length && branches.length) {
      const expected = [...new Set(branches.map((b) => b.expected))];
      const received = /received (\w+)/.exec(branches[0].message)?.[1];
      msg = `expected ${expected.length > 1 ? `${expected.slice(0, -1).join(", ")} or ${expected[expected.length - 1]}` : expected[0]}${received ? `, received ${received}` : ""}`;
    }
  }
  if (/received undefined$/.test(msg)) msg = "is required";
  return { ok: false, path, message: `${path}: ${msg}` };
}

function deepest(issues: z.core.$ZodIssue[]): z.core.$ZodIssue & { path: PropertyKey[] } {
  let best = issues[0] as z.core.$ZodIssue & { path: PropertyKey[] };
  const visit = (list: z.core.$ZodIssue[], base: PropertyKey[]) => {
    for (const i of list) {
      const full = { ...i, path: [...base, ...i.path] } as z.core.$ZodIssue & { path: PropertyKey[] };
      if (full.path.length > best.path.length) best = full;
      if (i.code === "invalid_union") for (const branch of i.errors) visit(branch, full.path);
    }
  };
  visit(issues, []);
  return best;
}

export type ChatBody = z.infer<typeof chatSchema>;
export type WorkersAiTextBody = z.infer<typeof workersAiTextSchema>;
export type EmbeddingTextBody = z.infer<typeof embeddingTextSchema>;
export type RerankBody = z.infer<typeof rerankSchema>;
export type AudioBody = z.infer<typeof audioSchema>;
export type TtsBody = z.infer<typeof ttsSchema>;
export type ImageBody = z.infer<typeof imageSchema>;
export type EnvelopeBody = z.infer<typeof envelopeSchema>;
export type ResponsesBody = z.infer<typeof responsesSchema>;
export type EmbeddingsBody = z.infer<typeof embeddingsSchema>;
export type MessagesBody = z.infer<typeof messagesSchema>;
export type GoogleBody = z.infer<typeof googleSchema>;
export type UniversalStep = z.infer<typeof universalStep>;
/** A function definition as the request APIs spell it: OpenAI's `{type, function: {…}}` or the flat `{name, …}`. */
export type FunctionTool = z.infer<typeof functionToolSchema>;
export type FlatTool = z.infer<typeof flatTool>;
