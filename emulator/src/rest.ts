/** api.cloudflare.com: `/client/v4/accounts/{account_id}/ai/...`. */
import { models, type Endpoint, type Model } from "../../catalog/index.ts";
import { listed, listWorkersAiModels } from "./model-lists.ts";
import type { Ctx } from "./app.ts";
import * as a from "./answer.ts";
import { aigHeaderProblem, cached, noWholesale, readJson, resolveRestModel, validate } from "./common.ts";
import { restAuthError, restError, type Out } from "./errors.ts";
import { chatToAnthropicRequest, fromAnthropic, fromChat, fromResponses, fromWorkersAi } from "./formats.ts";
import { callProvider, providerModelName, providerOf } from "./providers.ts";
import * as s from "./schemas.ts";
import { check } from "./schemas.ts";
import { digest } from "./util.ts";
import type { z } from "zod";

type Obj = Record<string, any>;
const ACCOUNT = /^[0-9a-f]{32}$/i;
const routeError = (path: string) => restError(404, 7003, `Could not route to ${path}, perhaps your object identifier is invalid?`);
const fail = (status: number, message: string) => restError(status, 5004, message);
type Gw = { id: string; cacheTtl: number; byokOnly: boolean };

export function restRoutes() {
  return async (ctx: Ctx, p: { acct: string; sub: string }): Promise<Out> => {
    if (!ACCOUNT.test(p.acct)) return routeError(ctx.path);
    const auth = ctx.headers.authorization;
    if (auth === undefined) return restAuthError(); // ASSUMED: a missing header is answered like a wrong token
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!bearer) return restError(400, 6003, "Invalid request headers", { error_chain: [{ code: 6111, message: "Invalid format for Authorization header" }] });
    if (bearer[1] !== ctx.state.token) return restAuthError();
    const problem = aigHeaderProblem(ctx.headers);
    if (problem) return restError(400, 6003, `Invalid request headers: ${problem}`);

    if (ctx.method === "GET" && p.sub === "models/search") return listed(listWorkersAiModels(new URLSearchParams(ctx.query)));
    if (ctx.method !== "POST") return routeError(ctx.path);
    if (p.sub === "run") return envelopeRun(ctx);
    if (p.sub.startsWith("run/")) {
      let id: string;
      try {
        id = decodeURIComponent(p.sub.slice(4));
      } catch {
        return routeError(ctx.path);
      }
      const body = readJson(ctx, fail);
      if (!body.ok) return body.out;
      return run(ctx, id, body.body, []);
    }
    switch (p.sub) {
      case "v1/chat/completions":
        return chatCompletions(ctx);
      case "v1/responses":
        return responses(ctx);
      case "v1/embeddings":
        return embeddings(ctx);
      case "v1/messages":
        return messages(ctx);
    }
    return routeError(ctx.path);
  };
}

/** The gateway a REST request goes through: `cf-aig-gateway-id`, else `default` (created on first use). */
function restGateway(ctx: Ctx): { ok: true; gw: Gw } | { ok: false; out: Out } {
  const id = ctx.headers["cf-aig-gateway-id"]?.trim() || "default";
  const g = ctx.state.gateway(ctx.account, id, true);
  if (!g) return { ok: false, out: restError(400, 2001, `Gateway "${id}" does not exist on this account. Create it first, or leave out cf-aig-gateway-id to use "default".`) };
  return { ok: true, gw: { id, cacheTtl: g.cacheTtl, byokOnly: g.byokOnly } };
}

/** ASSUMED (the docs do not record the exact error): `@cf/` models on /ai/v1/* and envelope /ai/run need cf-aig-gateway-id. */
function needsGatewayHeader(ctx: Ctx, model: Model, where: string): Out | undefined {
  if (model.id.startsWith("@cf/") && !ctx.headers["cf-aig-gateway-id"])
    return restError(400, 2001, `Workers AI models on ${where} need the cf-aig-gateway-id header (for example "cf-aig-gateway-id: default"). Or call POST /ai/run/${model.id}, which needs no gateway.`);
  return undefined;
}

/** The emulated provider call behind a REST request; undefined when it went through. */
function upstream(ctx: Ctx, gw: Gw, model: Model, body: unknown): Out | undefined {
  const r = callProvider(ctx.state, ctx.upstream, {
    provider: providerOf(model),
    headers: { "content-type": "application/json" },
    restHost: true,
    byokOnly: gw.byokOnly || noWholesale(ctx.headers),
    model,
    body,
  });
  return r.ok ? undefined : r.out;
}

function chatUpstreamBody(model: Model, body: Obj): Obj {
  const name = providerModelName(model);
  return providerOf(model) === "anthropic" ? chatToAnthropicRequest(body, name) : { ...body, model: name };
}

async function run(ctx: Ctx, id: string, input: unknown, envelopeWarnings: { code: number; message: string }[], inputPrefix: string[] = []): Promise<Out> {
  const r = resolveRestModel(id, "run");
  if (!r.ok) return r.out;
  const model = r.model;
  const g = restGateway(ctx);
  if (!g.ok) return g.out;
  const warnings = [...envelopeWarnings, ...r.warnings];
  const v = (schema: z.ZodType<unknown>) => {
    const c = check(schema, input, inputPrefix);
    return c.ok ? c : { ok: false as const, out: fail(400, `Invalid input: ${c.message}`) };
  };
  return cached(ctx, g.gw, async () => {
    switch (model.task) {
      case "Text Generation": {
        const c = v(s.workersAiTextSchema);
        if (!c.ok) return c.out;
        const body = c.data as Obj;
        const provider = providerOf(model);
        const err = upstream(ctx, g.gw, model, provider === "workers-ai" ? body : chatUpstreamBody(model, promptToMessages(body)));
        if (err) return err;
        const conv = fromWorkersAi(body, model.id);
        if (provider === "workers-ai") {
          // gpt-oss answers with JSON even when stream is true on /ai/run (noted in cloudflare/ai utils.ts).
          const stream = body.stream === true && !model.id.startsWith("@cf/openai/gpt-oss");
          return a.answerWorkersAi(conv, { stream, messages: warnings });
        }
        // ASSUMED: third-party models on /ai/run answer in their provider's format inside the envelope
        // (OpenAI chat completion; Anthropic message), streams as that provider's events.
        const out = provider === "anthropic" ? a.answerAnthropic(conv, { model: model.id, stream: body.stream, seed: ctx.seed }) : a.answerChat(conv, { model: model.id, stream: body.stream, seed: ctx.seed });
        return out.events ? out : { ...out, json: a.envelope(out.json, warnings) };
      }
      case "Text Embeddings": {
        const c = v(s.embeddingTextSchema);
        if (!c.ok) return c.out;
        return upstream(ctx, g.gw, model, c.data) ?? a.answerWorkersAiEmbeddings(c.data as Obj, model.id);
      }
      case "Text Classification": {
        const c = v(s.rerankSchema);
        if (!c.ok) return c.out;
        return upstream(ctx, g.gw, model, c.data) ?? a.answerRerank(c.data as Obj);
      }
      case "Automatic Speech Recognition": {
        const c = v(s.audioSchema);
        if (!c.ok) return c.out;
        return upstream(ctx, g.gw, model, { audio: "[audio bytes]" }) ?? a.answerTranscription(c.data as Obj);
      }
      case "Text-to-Speech": {
        const c = v(s.ttsSchema);
        if (!c.ok) return c.out;
        return upstream(ctx, g.gw, model, c.data) ?? a.answerSpeech(c.data as Obj);
      }
      case "Text-to-Image": {
        const c = v(s.imageSchema);
        if (!c.ok) return c.out;
        return upstream(ctx, g.gw, model, c.data) ?? a.answerImage();
      }
    }
    return fail(400, `${model.id} (${model.task}) cannot be run by the emulator.`);
  });
}

function promptToMessages(body: Obj): Obj {
  return typeof body.prompt === "string" ? { ...body, prompt: undefined, messages: [{ role: "user", content: body.prompt }] } : body;
}

/** `POST /ai/run` with `{model, input}`. */
async function envelopeRun(ctx: Ctx): Promise<Out> {
  const body = readJson(ctx, fail);
  if (!body.ok) return body.out;
  const c = validate(s.envelopeSchema, body.body, fail);
  if (!c.ok) return c.out;
  const r = resolveRestModel(c.data.model, "run");
  if (!r.ok) return r.out;
  const missing = needsGatewayHeader(ctx, r.model, "POST /ai/run");
  if (missing) return missing;
  return run(ctx, c.data.model, c.data.input, [], ["input"]);
}

/**
 * The shared start of every /ai/v1/* route: a JSON body that fits the endpoint's schema, naming a model that works on
 * this endpoint, with `cf-aig-gateway-id` where a Workers AI model needs it (`where` names the route in that error;
 * routes that never take Workers AI models pass none).
 */
function v1Request(ctx: Ctx, schema: z.ZodType, endpoint: Endpoint, where?: string): { ok: true; body: Obj; model: Model } | { ok: false; out: Out } {
  const parsed = readJson(ctx, fail);
  if (!parsed.ok) return parsed;
  const c = validate(schema, parsed.body, fail);
  if (!c.ok) return c;
  const body = c.data as Obj;
  const r = resolveRestModel(body.model, endpoint);
  if (!r.ok) return r;
  const missing = where ? needsGatewayHeader(ctx, r.model, where) : undefined;
  if (missing) return { ok: false, out: missing };
  return { ok: true, body, model: r.model };
}

async function chatCompletions(ctx: Ctx): Promise<Out> {
  const r = v1Request(ctx, s.chatSchema, "chat-completions", "/ai/v1/chat/completions");
  if (!r.ok) return r.out;
  const body = r.body;
  const g = restGateway(ctx);
  if (!g.ok) return g.out;
  const model = r.model;
  return cached(ctx, g.gw, async () => {
    const err = upstream(ctx, g.gw, model, model.id.startsWith("@cf/") ? body : chatUpstreamBody(model, body));
    if (err) return err;
    return a.answerChat(fromChat(body, model.id), { model: model.id, stream: body.stream, seed: ctx.seed, usageEvery: model.id.startsWith("@cf/"), includeUsage: body.stream_options?.include_usage });
  });
}

async function responses(ctx: Ctx): Promise<Out> {
  const r = v1Request(ctx, s.responsesSchema, "responses", "/ai/v1/responses");
  if (!r.ok) return r.out;
  const body = r.body;
  if (r.model.id.startsWith("@cf/") && body.stream)
    return fail(400, `${r.model.id} answers /ai/v1/responses without streaming only: leave out "stream" or use /ai/v1/chat/completions to stream.`); // ASSUMED wording and status
  const g = restGateway(ctx);
  if (!g.ok) return g.out;
  const model = r.model;
  return cached(ctx, g.gw, async () => {
    const err = upstream(ctx, g.gw, model, { ...body, model: providerModelName(model) });
    if (err) return err;
    return a.answerResponses(fromResponses(body, model.id), body, { model: model.id, stream: body.stream, seed: ctx.seed });
  });
}

async function embeddings(ctx: Ctx): Promise<Out> {
  const r = v1Request(ctx, s.embeddingsSchema, "embeddings", "/ai/v1/embeddings");
  if (!r.ok) return r.out;
  const body = r.body;
  const g = restGateway(ctx);
  if (!g.ok) return g.out;
  const model = r.model;
  return cached(ctx, g.gw, async () => upstream(ctx, g.gw, model, { ...body, model: providerModelName(model) }) ?? a.answerEmbeddings(body, model.id));
}

async function messages(ctx: Ctx): Promise<Out> {
  const r = v1Request(ctx, s.messagesSchema, "messages");
  if (!r.ok) return r.out;
  const body = r.body;
  const g = restGateway(ctx);
  if (!g.ok) return g.out;
  const model = r.model;
  return cached(ctx, g.gw, async () => {
    const err = upstream(ctx, g.gw, model, { ...body, model: providerModelName(model) });
    if (err) return err;
    return a.answerAnthropic(fromAnthropic(body, model.id), { model: model.id, stream: body.stream, seed: ctx.seed });
  });
}

function uuid(seed: string): string {
  const h = digest(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What /ai/models/search lists for a model (the Workers AI search object; fields as in the docs' model files). */
function searchItem(m: Model): Obj {
  const properties: Obj[] = [];
  if (m.context_window) properties.push({ property_id: "context_window", value: String(m.context_window) });
  for (const cap of m.capabilities) if (cap !== "streaming") properties.push({ property_id: cap, value: "true" });
  if (m.lifecycle.status === "deprecated") properties.push({ property_id: "planned_deprecation_date", value: m.lifecycle.sunset ?? m.lifecycle.date });
  return {
    id: uuid(m.id),
    source: 1,
    name: m.id,
    description: m.note ? `${m.name}. ${m.note}` : m.name,
    task: { id: uuid(m.task), name: m.task, description: `${m.task} models.` },
    created_at: "2025-01-01 00:00:00.000",
    tags: [],
    properties,
  };
}

/**
 * `GET /ai/models/search`: Workers AI models only (third-party models are not listed here), retired ones hidden.
 * Filters `author`, `task` (case-insensitive, exact), `search` (substring of id, name or description); paging with
 * `page` (from 1) and `per_page` (1 to 1000, default 100). `result_info` is ASSUMED to be {page, per_page, count, total_count}.
 */
function modelsSearch(ctx: Ctx): Out {
  const q = ctx.query;
  const page = q.page === undefined ? 1 : Number(q.page);
  const perPage = q.per_page === undefined ? 100 : Number(q.per_page);
  if (!Number.isInteger(page) || page < 1) return fail(400, `page must be a whole number from 1; got "${q.page}".`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 1000) return fail(400, `per_page must be a whole number from 1 to 1000; got "${q.per_page}".`);
  const author = q.author?.toLowerCase();
  const task = q.task?.toLowerCase();
  const search = q.search?.toLowerCase();
  const all = models
    .filter((m) => m.id.startsWith("@cf/") && m.lifecycle.status !== "retired")
    .filter((m) => !author || m.author.toLowerCase() === author)
    .filter((m) => !task || m.task.toLowerCase() === task)
    .filter((m) => !search || [m.id, m.name, m.note ?? ""].some((t) => t.toLowerCase().includes(search)))
    .filter((m) => q.source === undefined || q.source === "1");
  const result = all.slice((page - 1) * perPage, page * perPage).map(searchItem);
  return { status: 200, json: { result, success: true, errors: [], messages: [], result_info: { page, per_page: perPage, count: result.length, total_count: all.length } } };
}
