/** Turns a Conversation into a finished response (JSON or SSE events) in the format the caller speaks. */
import { embed, embeddingDims, generate, type Conversation } from "./generate.ts";
import * as f from "./formats.ts";
import type { Out } from "./errors.ts";
import { SSE_HEADERS } from "./sse.ts";
import { digest } from "./util.ts";

type Obj = Record<string, any>;
const sse = (events: Out["events"]): Out => ({ status: 200, headers: { ...SSE_HEADERS }, events });

export function answerChat(conv: Conversation, o: { model: string; stream?: boolean; seed: unknown; usageEvery?: boolean; includeUsage?: boolean }): Out {
  const g = generate(conv);
  if (o.stream) return sse(f.chatChunks(g, o.model, o.seed, { usageEvery: o.usageEvery, includeUsage: o.includeUsage }));
  return { status: 200, json: f.chatCompletion(g, o.model, o.seed) };
}

/** Workers AI `/ai/run` output: `{result, success, errors, messages}`, or the `data: {"response":…}` stream. */
export function answerWorkersAi(conv: Conversation, o: { stream?: boolean; messages?: unknown[] }): Out {
  const g = generate(conv);
  if (o.stream) return sse(f.workersAiEvents(g));
  return { status: 200, json: envelope(f.workersAiResult(g), o.messages) };
}

export function envelope(result: unknown, messages: unknown[] = []): Obj {
  return { result, success: true, errors: [], messages };
}

export function answerResponses(conv: Conversation, body: Obj, o: { model: string; stream?: boolean; seed: unknown }): Out {
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
export function answerEmbeddings(body: Obj, model: string): Out {
  const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
  const dims = body.dimensions ?? embeddingDims(model);
  const data = inputs.map((text, index) => {
    const v = embed(text, dims);
    const embedding = body.encoding_format === "base64" ? Buffer.from(new Float32Array(v).buffer).toString("base64") : v;
    return { object: "embedding", index, embedding };
  });
  const tokens = inputs.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
  return { status: 200, json: { object: "list", data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } } };
}

/** Workers AI embeddings: `{shape: [n, dims], data: [[…]], pooling}`. */
export function answerWorkersAiEmbeddings(body: Obj, model: string): Out {
  const inputs: string[] = Array.isArray(body.text) ? body.text : [body.text];
  const dims = embeddingDims(model);
  return { status: 200, json: envelope({ shape: [inputs.length, dims], data: inputs.map((t) => embed(t, dims)), pooling: "mean" }) };
}

/** Reranker: scores each context by the share of query words it contains. */
export function answerRerank(body: Obj): Out {
  const q = new Set(String(body.query).toLowerCase().split(/\W+/).filter(Boolean));
  const response = (body.contexts as Obj[])
    .map((c, id) => {
      const ws = String(c.text).toLowerCase().split(/\W+/).filter(Boolean);
      const hits = ws.filter((w) => q.has(w)).length;
      return { id, score: Number((q.size ? hits / q.size : 0).toFixed(4)) };
    })
    .sort((a, b) => b.score - a.score || a.id - b.id);
  return { status: 200, json: envelope({ response }) };
}

export function answerTranscription(body: Obj): Out {
  const bytes = typeof body.audio === "string" ? Buffer.from(body.audio, "base64").length : body.audio.length;
  const text = `Emulated transcription of ${bytes} bytes of audio.`;
  return { status: 200, json: envelope({ text, word_count: text.split(" ").length, vtt: `WEBVTT\n\n00:00.000 --> 00:01.000\n${text}\n` }) };
}

/** Text-to-speech: a few deterministic bytes labelled audio/mpeg (not playable audio). */
export function answerSpeech(body: Obj): Out {
  const bytes = new Uint8Array(Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0]), Buffer.from(digest(body.text, 32), "hex")]));
  return { status: 200, binary: { bytes, type: "audio/mpeg" } };
}

/** A 1×1 PNG, base64: image models answer with a stand-in image. */
const PNG_1x1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
export function answerImage(): Out {
  return { status: 200, json: envelope({ image: PNG_1x1 }) };
}
