/** Turns a Conversation into a finished response (JSON or SSE events) in the format the caller speaks. */
import { embed, embeddingDims, generate, type Conversation } from "./generate.ts";
import * as f from "./formats.ts";
import { wordCount } from "./util.ts";
import type { Out } from "./errors.ts";
import { SSE_HEADERS, type Events } from "./sse.ts";
import { digest } from "./hash.ts";
import type { AudioBody, EmbeddingTextBody, EmbeddingsBody, RerankBody, ResponsesBody, TtsBody } from "./schemas.ts";

const sse = (events: Events): Out => ({ status: 200, headers: { ...SSE_HEADERS }, events });

/** Base64 of bytes, in plain JS (no Buffer), in chunks so large inputs do not overflow the call stack. */
function toBase64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** How many bytes a base64 string decodes to, without decoding it. */
function base64Length(text: string): number {
  const t = text.replace(/\s+/g, "");
  const pad = t.endsWith("==") ? 2 : t.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((t.length * 3) / 4) - pad);
}

const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));

export function answerChat(conv: Conversation, o: { model: string; stream?: boolean; seed: unknown; usageEvery?: boolean; includeUsage?: boolean }): Out {
  const g = generate(conv);
  if (o.stream) return sse(f.chatChunks(g, o.model, o.seed, { usageEvery: o.usageEvery, includeUsage: o.includeUsage }));
  return { status: 200, json: f.chatCompletion(g, o.model, o.seed) };
}

/**
 * Workers AI `/ai/run` output: `{result, success, errors, messages}`, or the `data: {"response":…}` stream. In JSON mode
 * (`response_format` json_object / json_schema) `result.response` is the JSON value itself, not a string (facts section 11).
 */
export function answerWorkersAi(conv: Conversation, o: { stream?: boolean; messages?: unknown[]; jsonMode?: boolean }): Out {
  const g = generate(conv);
  if (o.stream) return sse(f.workersAiEvents(g));
  const result = f.workersAiResult(g);
  if (o.jsonMode && !g.toolCalls.length) result.response = JSON.parse(g.text);
  return { status: 200, json: envelope(result, o.messages) };
}

export function envelope(result: unknown, messages: unknown[] = []) {
  return { result, success: true, errors: [], messages };
}

export function answerResponses(conv: Conversation, body: ResponsesBody, o: { model: string; stream?: boolean; seed: unknown }): Out {
  const g = generate(conv);
  if (o.stream) return sse(f.responseEvents(g, o.model, body, o.seed));
  return { status: 200, json: f.responseObject(g, o.model, body, o.seed) };
}

export function answerAnthropic(conv: Conversation, o: { model: string; stream?: boolean; seed: unknown }): Out {
  const g = generate(conv);
  if (o.stream) return sse(f.anthropicEvents(g, o.model, o.seed));
  return { status: 200, json: f.anthropicMessage(g, o.model, o.seed) };
}

export function answerGoogle(conv: Conversation, o: { model: string; stream?: boolean }): Out {
  const g = generate(conv);
  if (o.stream) return sse(f.googleEvents(g, o.model));
  return { status: 200, json: f.googleResponse(g, o.model) };
}

/** OpenAI embeddings. The openai SDK asks for base64 by default: little-endian float32, base64-encoded. */
export function answerEmbeddings(body: EmbeddingsBody, model: string): Out {
  const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
  const dims = body.dimensions ?? embeddingDims(model);
  const data = inputs.map((text, index) => {
    const v = embed(text, dims);
    const embedding = body.encoding_format === "base64" ? toBase64(new Uint8Array(new Float32Array(v).buffer)) : v;
    return { object: "embedding", index, embedding };
  });
  const tokens = inputs.reduce((n, t) => n + wordCount(t), 0);
  return { status: 200, json: { object: "list", data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } } };
}

/** Workers AI embeddings: `{shape: [n, dims], data: [[…]], pooling}`. */
export function answerWorkersAiEmbeddings(body: EmbeddingTextBody, model: string): Out {
  const inputs: string[] = Array.isArray(body.text) ? body.text : [body.text];
  const dims = embeddingDims(model);
  return { status: 200, json: envelope({ shape: [inputs.length, dims], data: inputs.map((t) => embed(t, dims)), pooling: "mean" }) };
}

/** Reranker: scores each context by the share of query words it contains. */
export function answerRerank(body: RerankBody): Out {
  const q = new Set(body.query.slice(0, 10_000).toLowerCase().split(/\W+/).filter(Boolean));
  const response = body.contexts
    .map((c, id) => {
      const ws = c.text.slice(0, 10_000).toLowerCase().split(/\W+/).filter(Boolean);
      const hits = ws.filter((w) => q.has(w)).length;
      return { id, score: Number((q.size ? hits / q.size : 0).toFixed(4)) };
    })
    .sort((a, b) => b.score - a.score || a.id - b.id);
  return { status: 200, json: envelope({ response }) };
}

export function answerTranscription(body: AudioBody): Out {
  const bytes = typeof body.audio === "string" ? base64Length(body.audio) : body.audio.length;
  const text = `Emulated transcription of ${bytes} bytes of audio.`;
  return { status: 200, json: envelope({ text, word_count: text.split(" ").length, vtt: `WEBVTT\n\n00:00.000 --> 00:01.000\n${text}\n` }) };
}

/** Text-to-speech: a few deterministic bytes labelled audio/mpeg (not playable audio). */
export function answerSpeech(body: TtsBody): Out {
  const bytes = new Uint8Array([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0, ...hexBytes(digest(body.text, 32))]);
  return { status: 200, binary: { bytes, type: "audio/mpeg" } };
}

/** A 1×1 PNG, base64: image models answer with a stand-in image. */
const PNG_1x1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
export function answerImage(): Out {
  return { status: 200, json: envelope({ image: PNG_1x1 }) };
}
