/** api.cloudflare.com: `/client/v4/accounts/{account_id}/ai/...`. Routes are registered by restRoutes(). */
import type { Hono, MiddlewareHandler } from "hono";
import type { z } from "zod";
import * as a from "./answer.ts";
import { type AppEnv, route, send } from "./respond.ts";
import { cached, noWholesale, readJson, resolveRestModel, validate } from "./common.ts";
import { ACCOUNT_ID, BEARER, CODES, MESSAGES, REST_ROUTES } from "./contract.ts";
import type { Ctx, Gw } from "./ctx.ts";
import { restAuthError, restError, type Out } from "./errors.ts";
import { chatToAnthropicRequest, fromAnthropic, fromChat, fromResponses, fromWorkersAi, type ChatRequest } from "./formats.ts";
import { isWorkersAiModel, providerModelId, providerOf, quirksOf, type Endpoint, type Model } from "./model-ids.ts";
import { inputSchemaProblem } from "./input-schema.ts";
import { listed, listWorkersAiModels } from "./model-lists.ts";
import { callProvider } from "./providers.ts";
import * as s from "./schemas.ts";
import { check } from "./schemas.ts";

const fail = (status: number, message: string) => restError(status, CODES.invalidInput, message);
/** REST bodies are JSON whatever their Content-Type (see readJson). */
const readRestJson = (ctx: Ctx) => readJson(ctx, fail, { anyContentType: true });
type Warning = { code: number; message: string };

/** Account id (404 code 7003), then `Authorization: Bearer <token>` (401 code 10000; malformed → 400 6003/6111). */
export const restAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const ctx = c.get("ctx");
  if (!ACCOUNT_ID.test(ctx.account)) return send(c, restError(404, CODES.couldNotRoute, MESSAGES.couldNotRoute(ctx.path)));
  const auth = ctx.headers.authorization;
  if (auth === undefined) return send(c, restAuthError()); // ASSUMED: a missing header is answered like a wrong token
  const bearer = BEARER.exec(auth);
  if (!bearer) return send(c, restError(400, CODES.invalidHeaders, MESSAGES.invalidHeaders, { error_chain: [{ code: CODES.invalidAuthorizationFormat, message: MESSAGES.invalidAuthorizationFormat }] }));
  if (bearer[1] !== ctx.state.token) return send(c, restAuthError());
  await next();
};

export function restRoutes(app: Hono<AppEnv>, at: (path: string) => string) {
  app.get(at(REST_ROUTES.modelsSearch), route(modelsSearch));
  app.post(at(REST_ROUTES.run), route(envelopeRun));
  app.post(at(REST_ROUTES.runModel), route(runModel));
  app.post(at(REST_ROUTES.chatCompletions), route(chatCompletions));
  app.post(at(REST_ROUTES.responses), route(responses));
  app.post(at(REST_ROUTES.embeddings), route(embeddings));
  app.post(at(REST_ROUTES.messages), route(messages));
}

/** The gateway a REST request goes through: `cf-aig-gateway-id`, else `default` (created on first use). */
function restGateway(ctx: Ctx): { ok: true; gw: Gw } | { ok: false; out: Out } {
  const id = ctx.headers["cf-aig-gateway-id"]?.trim() || "default";
  const g = ctx.state.gateway(ctx.account, id, true);
  if (!g) return { ok: false, out: restError(400, CODES.gatewayNotFound, MESSAGES.restGatewayNotFound(id)) };
  ctx.gw = { id, ...g };
  return { ok: true, gw: ctx.gw };
}

/** ASSUMED (the docs do not record the exact error): Workers AI models on /ai/v1/* and envelope /ai/run need cf-aig-gateway-id. */
function needsGatewayHeader(ctx: Ctx, model: Model, where: string): Out | undefined {
  if (isWorkersAiModel(model) && !ctx.headers["cf-aig-gateway-id"]) return restError(400, CODES.gatewayNotFound, MESSAGES.needsGatewayHeader(where, model.id));
  return undefined;
}

/**
 * The emulated provider call behind a REST request; undefined when it went through. ASSUMED: the REST host never
 * forwards a provider key from the request (its Authorization is the Cloudflare token, and the sources document
 * request-supplied provider keys on the gateway host only), so third-party models use BYOK or Unified Billing.
 */
function upstream(ctx: Ctx, gw: Gw, model: Model, body: unknown) {
  return callProvider(ctx.state, ctx.upstream, {
    provider: providerOf(model),
    headers: { "content-type": "application/json" },
    restHost: true,
    byokOnly: gw.byokOnly || noWholesale(ctx.headers),
    gatewayByok: gw.byok,
    model,
    body,
  });
}

function chatUpstreamBody(model: Model, body: ChatRequest): Record<string, unknown> {
  const name = providerModelId(model);
  return providerOf(model) === "anthropic" ? chatToAnthropicRequest(body, name) : { ...body, model: name };
}

/** `POST /ai/run/{model}`: the model id is the rest of the path, slashes included (`@` may be `%40`). */
async function runModel(ctx: Ctx): Promise<Out> {
  const marker = "/ai/run/";
  let id: string;
  try {
    id = decodeURIComponent(ctx.path.slice(ctx.path.indexOf(marker) + marker.length));
  } catch {
    return restError(404, CODES.couldNotRoute, MESSAGES.couldNotRoute(ctx.path));
  }
  const body = readRestJson(ctx);
  if (!body.ok) return body.out;
  return run(ctx, id, body.body, []);
}

function isJsonMode(body: s.WorkersAiTextBody): boolean {
  return body.response_format?.type === "json_object" || body.response_format?.type === "json_schema";
}

async function run(ctx: Ctx, id: string, input: unknown, envelopeWarnings: Warning[], inputPrefix: string[] = []): Promise<Out> {
  const r = resolveRestModel(id, "run");
  if (!r.ok) return r.out;
  const model = r.model;
  const g = restGateway(ctx);
  if (!g.ok) return g.out;
  const warnings = [...envelopeWarnings, ...r.warnings];
  // The model's published input schema first (workers-types); the 400's code and wording are ASSUMED. Then the
  // emulator's own task schema, which also covers models with no published schema (ASSUMED checks).
  const published = inputSchemaProblem(model.id, input, inputPrefix);
  if (published) return fail(400, `Invalid input: ${published}`);
  const v = <T>(schema: z.ZodType<T>) => {
    const c = check(schema, input, inputPrefix);
    return c.ok ? c : { ok: false as const, out: fail(400, `Invalid input: ${c.message}`) };
  };
  const viaProvider = (body: unknown, answer: () => Out): Out => {
    const called = upstream(ctx, g.gw, model, body);
    return called.ok ? answer() : called.out;
  };
  return cached(ctx, g.gw, async () => {
    switch (model.task) {
      case "Text Generation": {
        const c = v(s.workersAiTextSchema);
        if (!c.ok) return c.out;
        const body = c.data;
        const provider = providerOf(model);
        // JSON mode does not support streaming (workers-ai/features/json-mode.mdx); the 400 and its wording are ASSUMED.
        if (provider === "workers-ai" && isJsonMode(body) && body.stream === true) return fail(400, MESSAGES.jsonModeStreaming);
        const called = upstream(ctx, g.gw, model, provider === "workers-ai" ? body : chatUpstreamBody(model, promptToMessages(body)));
        if (!called.ok) return called.out;
        const conv = fromWorkersAi(body, model.id);
        if (provider === "workers-ai") {
          // gpt-oss answers with JSON even when stream is true on /ai/run (noted in cloudflare/ai utils.ts).
          const stream = body.stream === true && !quirksOf(model).runStreamAnswersJson;
          return a.answerWorkersAi(conv, { stream, messages: warnings, jsonMode: isJsonMode(body) });
        }
        // ASSUMED: third-party models on /ai/run answer in their provider's format inside the envelope
        // (OpenAI chat completion; Anthropic message), streams as that provider's events.
        const out = provider === "anthropic" ? a.answerAnthropic(conv, { model: model.id, stream: body.stream, seed: ctx.seed }) : a.answerChat(conv, { model: model.id, stream: body.stream, seed: ctx.seed });
        return out.events ? out : { ...out, json: a.envelope(out.json, warnings) };
      }
      case "Text Embeddings": {
        const c = v(s.embeddingTextSchema);
        return c.ok ? viaProvider(c.data, () => a.answerWorkersAiEmbeddings(c.data, model.id)) : c.out;
      }
      case "Text Classification": {
        const c = v(s.rerankSchema);
        return c.ok ? viaProvider(c.data, () => a.answerRerank(c.data)) : c.out;
      }
      case "Automatic Speech Recognition": {
        const c = v(s.audioSchema);
        return c.ok ? viaProvider({ audio: "[audio bytes]" }, () => a.answerTranscription(c.data)) : c.out;
      }
      case "Text-to-Speech": {
        const c = v(s.ttsSchema);
        return c.ok ? viaProvider(c.data, () => a.answerSpeech(c.data)) : c.out;
      }
      case "Text-to-Image": {
        const c = v(s.imageSchema);
        return c.ok ? viaProvider(c.data, () => a.answerImage()) : c.out;
      }
    }
    return fail(400, `${model.id} (${model.task}) cannot be run by the emulator.`);
  });
}

/** A Workers AI body with `messages` (the schema lets through exactly one of `prompt` and `messages`). */
function promptToMessages(body: s.WorkersAiTextBody): s.WorkersAiTextBody & ChatRequest {
  return typeof body.prompt === "string" ? { ...body, prompt: undefined, messages: [{ role: "user", content: body.prompt }] } : { ...body, messages: body.messages ?? [] };
}

/** `POST /ai/run` with `{model, input}`. */
async function envelopeRun(ctx: Ctx): Promise<Out> {
  const body = readRestJson(ctx);
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
 * routes that never take Workers AI models pass none), and the gateway it goes through.
 */
function v1Request<T extends { model: string }>(ctx: Ctx, schema: z.ZodType<T>, endpoint: Endpoint, where?: string): { ok: true; body: T; model: Model; gw: Gw } | { ok: false; out: Out } {
  const parsed = readRestJson(ctx);
  if (!parsed.ok) return parsed;
  const c = validate(schema, parsed.body, fail);
  if (!c.ok) return c;
  const r = resolveRestModel(c.data.model, endpoint);
  if (!r.ok) return r;
  const missing = where ? needsGatewayHeader(ctx, r.model, where) : undefined;
  if (missing) return { ok: false, out: missing };
  const g = restGateway(ctx);
  if (!g.ok) return g;
  return { ok: true, body: c.data, model: r.model, gw: g.gw };
}

async function chatCompletions(ctx: Ctx): Promise<Out> {
  const r = v1Request(ctx, s.chatSchema, "chat-completions", "/ai/v1/chat/completions");
  if (!r.ok) return r.out;
  const { body, model, gw } = r;
  const wai = isWorkersAiModel(model);
  return cached(ctx, gw, async () => {
    const called = upstream(ctx, gw, model, wai ? body : chatUpstreamBody(model, body));
    if (!called.ok) return called.out;
    return a.answerChat(fromChat(body, model.id), { model: model.id, stream: body.stream, seed: ctx.seed, usageEvery: wai, includeUsage: body.stream_options?.include_usage });
  });
}

/**
 * cloudflare/ai #548 (open): /ai/v1/responses answers 402 when Unified Billing pays on an authenticated gateway, while
 * the same request to chat/completions works. Config `bugs.responsesUnifiedBilling402: false` turns this off for when
 * it is fixed. The body (REST envelope, code 2021 as Unified Billing's other 402s) is ASSUMED.
 */
function responsesBillingBug(ctx: Ctx, gw: Gw, model: Model, credential: string): Out | undefined {
  if (ctx.state.config.bugs?.responsesUnifiedBilling402 === false) return undefined;
  if (credential !== "unified" || !gw.authentication) return undefined;
  return restError(402, CODES.byokOnlyModel, MESSAGES.responsesUnifiedBilling(model.id));
}

async function responses(ctx: Ctx): Promise<Out> {
  const r = v1Request(ctx, s.responsesSchema, "responses", "/ai/v1/responses");
  if (!r.ok) return r.out;
  const { body, model, gw } = r;
  if (quirksOf(model).responsesNonStreamingOnly && body.stream)
    return fail(400, `${model.id} answers /ai/v1/responses without streaming only: leave out "stream" or use /ai/v1/chat/completions to stream.`); // ASSUMED wording and status
  return cached(ctx, gw, async () => {
    const called = upstream(ctx, gw, model, { ...body, model: providerModelId(model) });
    if (!called.ok) return called.out;
    const bug = responsesBillingBug(ctx, gw, model, called.call.credential);
    if (bug) return ((called.call.status = bug.status), bug);
    return a.answerResponses(fromResponses(body, model.id), body, { model: model.id, stream: body.stream, seed: ctx.seed });
  });
}

async function embeddings(ctx: Ctx): Promise<Out> {
  const r = v1Request(ctx, s.embeddingsSchema, "embeddings", "/ai/v1/embeddings");
  if (!r.ok) return r.out;
  const { body, model, gw } = r;
  return cached(ctx, gw, async () => {
    const called = upstream(ctx, gw, model, { ...body, model: providerModelId(model) });
    return called.ok ? a.answerEmbeddings(body, model.id) : called.out;
  });
}

async function messages(ctx: Ctx): Promise<Out> {
  const r = v1Request(ctx, s.messagesSchema, "messages");
  if (!r.ok) return r.out;
  const { body, model, gw } = r;
  return cached(ctx, gw, async () => {
    const called = upstream(ctx, gw, model, { ...body, model: providerModelId(model) });
    if (!called.ok) return called.out;
    return a.answerAnthropic(fromAnthropic(body, model.id), { model: model.id, stream: body.stream, seed: ctx.seed });
  });
}

/** `GET /ai/models/search`: the catalog's Workers AI listing (emulator/src/model-lists.ts; paging and filters ASSUMED). */
function modelsSearch(ctx: Ctx): Out {
  return listed(listWorkersAiModels(new URLSearchParams(ctx.query)));
}
