/**
 * gateway.ai.cloudflare.com: `/v1/{account_id}/{gateway_id}/...` (provider-native, universal and compat routes; only
 * compat is badged deprecated). Routes are registered by gatewayRoutes().
 */
import type { Hono, MiddlewareHandler } from "hono";
import type { z } from "zod";
import * as a from "./answer.ts";
import { type AppEnv, route, send } from "./respond.ts";
import { aigHeaderProblem, cached, noWholesale, readJson, validate } from "./common.ts";
import { ACCOUNT_ID, BEARER, CODES, GATEWAY_ROUTES, MESSAGES, clipped } from "./contract.ts";
import type { Ctx, Gw } from "./ctx.ts";
import { gatewayError, openaiError, providerError, restError, type Out } from "./errors.ts";
import { chatToAnthropicRequest, fromAnthropic, fromChat, fromGoogle, fromResponses, fromWorkersAi } from "./formats.ts";
import { authorOfSlug, compatFormOf, currentReplacement, findModel, getModel, isWorkersAiId, isWorkersAiModel, providerModelId, providerOf, quirksOf, type Model } from "./model-ids.ts";
import { listCompatModels, listed } from "./model-lists.ts";
import { callProvider } from "./providers.ts";
import * as s from "./schemas.ts";
import { check } from "./schemas.ts";
import { lowerHeaders, listText } from "./util.ts";

const GW_BAD_REQUEST = CODES.gatewayBadRequest;

/** Account id (400 code 2001, ASSUMED), the gateway (unknown → 400 2001), then `cf-aig-authorization` when the gateway has authentication on (401 2009). */
export const gatewayAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const ctx = c.get("ctx");
  const gwId = c.req.param("gateway") ?? "";
  if (!ACCOUNT_ID.test(ctx.account)) return send(c, gatewayError(400, CODES.gatewayNotFound, MESSAGES.notAnAccount(ctx.account))); // ASSUMED
  const auth = ctx.headers["cf-aig-authorization"];
  const bearer = auth ? BEARER.exec(auth) : null;
  const authenticated = !!bearer && bearer[1] === ctx.state.token;
  const g = ctx.state.gateway(ctx.account, gwId, authenticated);
  if (!g) return send(c, gatewayError(400, CODES.gatewayNotFound, MESSAGES.gatewayNotFound(gwId)));
  if (g.authentication && !authenticated) return send(c, gatewayError(401, CODES.gatewayUnauthorized, MESSAGES.gatewayUnauthorized));
  ctx.gw = { id: gwId, ...g };
  await next();
};

const gwOf = (ctx: Ctx): Gw => ctx.gw as Gw;

export function gatewayRoutes(app: Hono<AppEnv>, at: (path: string) => string) {
  app.post(at(GATEWAY_ROUTES.universal), route((ctx) => cached(ctx, gwOf(ctx), () => universal(ctx, gwOf(ctx)))));
  app.post(
    at(GATEWAY_ROUTES.compatChat),
    route((ctx) => {
      const parsed = readJson(ctx, compatFail);
      return parsed.ok ? cached(ctx, gwOf(ctx), () => compat(ctx, gwOf(ctx), { body: parsed.body, headers: ctx.headers })) : parsed.out;
    }),
  );
  app.get(at(GATEWAY_ROUTES.compatModels), route(() => compatModels()));
  app.post(
    at(GATEWAY_ROUTES.providerNative),
    route((ctx) => {
      const provider = decodeURIComponent(ctx.path.split("/")[4] ?? "");
      const endpoint = ctx.path.split("/").slice(5).join("/");
      const parsed = readJson(ctx, (st, m) => providerError(provider, st, m));
      if (!parsed.ok) return parsed.out;
      return cached(ctx, gwOf(ctx), () => providerRoute(ctx, gwOf(ctx), { provider, endpoint, body: parsed.body, headers: ctx.headers, query: ctx.query }));
    }),
  );
}

const OPENAI_LIKE: Record<string, string> = { openai: "openai", openrouter: "", grok: "xai", deepseek: "deepseek", groq: "groq" };

type ProviderRequest = { provider: string; endpoint: string; body: unknown; headers: Record<string, string>; query: Record<string, string>; step?: number };
type Op =
  | { kind: "chat" | "responses" | "embeddings" | "messages" | "wai-chat" | "wai-embed" }
  | { kind: "google"; model: string; stream: boolean }
  | { kind: "wai-run"; model: string };

function operation(provider: string, endpoint: string): Op | undefined {
  const ep = endpoint.replace(/^\/+/, "").split("?")[0];
  if (provider in OPENAI_LIKE) {
    const e = ep.replace(/^v1\//, "");
    if (e === "chat/completions") return { kind: "chat" };
    if (provider === "openai" && e === "responses") return { kind: "responses" };
    if (provider === "openai" && e === "embeddings") return { kind: "embeddings" };
    return undefined;
  }
  if (provider === "anthropic") return ep.replace(/^v1\//, "") === "messages" ? { kind: "messages" } : undefined;
  if (provider === "google-ai-studio") {
    const m = /^(?:v1|v1beta)\/models\/([^:/]+):(generateContent|streamGenerateContent)$/.exec(ep);
    return m ? { kind: "google", model: m[1], stream: m[2] === "streamGenerateContent" } : undefined;
  }
  if (provider === "workers-ai") {
    if (ep === "v1/chat/completions") return { kind: "wai-chat" };
    if (ep === "v1/embeddings") return { kind: "wai-embed" };
    let decoded: string;
    try {
      decoded = decodeURIComponent(ep);
    } catch {
      return undefined;
    }
    const m = /^(?:run\/)?(@cf\/.+)$/.exec(decoded);
    return m ? { kind: "wai-run", model: m[1] } : undefined;
  }
  return undefined;
}

/** The request body of one provider operation, validated with its schema (Workers AI run bodies are checked later, by task). */
type Parsed =
  | { kind: "chat" | "wai-chat"; body: s.ChatBody }
  | { kind: "responses"; body: s.ResponsesBody }
  | { kind: "embeddings" | "wai-embed"; body: s.EmbeddingsBody }
  | { kind: "messages"; body: s.MessagesBody }
  | { kind: "google"; body: s.GoogleBody }
  | { kind: "wai-run"; body: Record<string, unknown> };

function parseFor(op: Op, body: unknown): { ok: true; parsed: Parsed } | { ok: false; message: string; path: string } {
  const as = <K extends Parsed["kind"], T>(kind: K, schema: z.ZodType<T>) => {
    const c = check(schema, body);
    return c.ok ? { ok: true as const, parsed: { kind, body: c.data } as Parsed } : c;
  };
  switch (op.kind) {
    case "chat":
    case "wai-chat":
      return as(op.kind, s.chatSchema);
    case "responses":
      return as("responses", s.responsesSchema);
    case "embeddings":
    case "wai-embed":
      return as(op.kind, s.embeddingsSchema);
    case "messages":
      return as("messages", s.messagesSchema);
    case "google":
      return as("google", s.googleSchema);
    case "wai-run":
      return { ok: true, parsed: { kind: "wai-run", body: (body && typeof body === "object" ? body : {}) as Record<string, unknown> } };
  }
}

/**
 * Looks a provider's own model name up in the catalog; `unknown` (with an error in the provider's words) when the site
 * catalog does not have it. Whether an unknown model is then forwarded depends on the credential (see providerRoute).
 */
function providerModel(provider: string, op: Op, body: { model?: unknown }): { model?: Model; name: string; unknown?: Out } | { error: Out } {
  const notFound = (name: string): Out => {
    switch (provider) {
      case "anthropic":
        return providerError(provider, 404, `model: ${clipped(name)}`);
      case "google-ai-studio":
        return providerError(provider, 404, `models/${clipped(name)} is not found for API version v1beta, or is not supported for generateContent.`);
      case "workers-ai":
        return restError(400, CODES.noSuchModel, MESSAGES.noSuchModel(name));
      default:
        return providerError(provider, 404, `The model \`${clipped(name)}\` does not exist or you do not have access to it.`, "model");
    }
  };
  const retired = (m: Model): { error: Out } =>
    provider === "workers-ai"
      ? { error: restError(400, CODES.modelDeprecated, `model was deprecated: ${m.id} was retired; use ${currentReplacement(m.id)?.id ?? (m.lifecycle.status === "active" ? "" : m.lifecycle.replacement)} instead.`) }
      : { error: notFound(providerModelId(m)) };
  if (op.kind === "wai-run" || op.kind === "wai-chat" || op.kind === "wai-embed") {
    // Workers AI models are Cloudflare's own catalog: an unknown id is refused whoever pays.
    const name = op.kind === "wai-run" ? op.model : String(body.model);
    const m = getModel(name);
    if (!m || !isWorkersAiModel(m)) return { error: notFound(name) };
    if (m.lifecycle.status === "retired") return retired(m);
    return { model: m, name };
  }
  const name = op.kind === "google" ? op.model : String(body.model);
  if (provider === "openrouter") {
    // OpenRouter's own catalog is not emulated: any "author/model" id is accepted. (ASSUMED)
    if (!/^[^/\s]+\/[^/\s]+$/.test(name)) return { error: providerError(provider, 400, `${clipped(name)} is not a valid model ID`) };
    return { model: getModel(name), name };
  }
  if (op.kind === "embeddings" && /^text-embedding-/.test(name)) return { name };
  const m = getModel(`${authorOfSlug(provider)}/${name}`);
  if (!m) return { name, unknown: notFound(name) };
  if (m.lifecycle.status === "retired") return retired(m);
  return { model: m, name };
}

/** Whether a model outside the site catalog goes to the provider: only with the user's own key (request or BYOK). */
const forwardsUnknown = (credential: string) => credential === "request" || credential === "byok";

/** A provider-native call (`/{provider}/…` or one universal step): credential, validation, answer in that provider's format. */
async function providerRoute(ctx: Ctx, gw: Gw, r: ProviderRequest): Promise<Out> {
  const { provider } = r;
  if (provider === "compat") return compat(ctx, gw, { body: r.body, headers: r.headers, step: r.step, endpoint: r.endpoint });
  const op = operation(provider, r.endpoint);
  if (!op) {
    if (!(provider in OPENAI_LIKE) && !["anthropic", "google-ai-studio", "workers-ai"].includes(provider))
      return gatewayError(400, GW_BAD_REQUEST, `The emulator does not serve provider "${clipped(provider, 64)}". It serves ${listText([...Object.keys(OPENAI_LIKE), "anthropic", "google-ai-studio", "workers-ai", "compat"])}.`);
    return providerError(provider, 404, `Unknown endpoint "${clipped(r.endpoint)}" for provider ${provider}.`);
  }
  const looked = providerModel(provider, op, (r.body && typeof r.body === "object" ? r.body : {}) as { model?: unknown });
  const called = callProvider(ctx.state, ctx.upstream, {
    provider,
    headers: r.headers,
    query: r.query,
    allowAlias: true,
    byokOnly: gw.byokOnly || noWholesale(r.headers),
    gatewayByok: gw.byok,
    model: "model" in looked ? looked.model : undefined,
    body: r.body,
    step: r.step,
  });
  if (!called.ok) return called.out;
  const finish = (out: Out) => ((called.call.status = out.status), out);
  const p = parseFor(op, r.body);
  if (!p.ok) return finish(providerError(provider, 400, `Invalid request body: ${p.message}`, p.path));
  if ("error" in looked) return finish(looked.error);
  // A model the site catalog does not list: with the user's own key the provider decides (the emulated provider
  // answers it); with Unified Billing the gateway cannot price it and the provider's "not found" comes back (ASSUMED).
  if (looked.unknown && !forwardsUnknown(called.call.credential)) return finish(looked.unknown);
  const name = looked.name;
  const seed = [ctx.seed, r.step ?? -1];
  const { parsed } = p;
  switch (parsed.kind) {
    case "chat":
    case "wai-chat": {
      const body = parsed.body;
      return finish(a.answerChat(fromChat(body, name), { model: name, stream: body.stream, seed, usageEvery: parsed.kind === "wai-chat", includeUsage: body.stream_options?.include_usage }));
    }
    case "responses":
      return finish(a.answerResponses(fromResponses(parsed.body, name), parsed.body, { model: name, stream: parsed.body.stream, seed }));
    case "embeddings":
    case "wai-embed":
      return finish(a.answerEmbeddings(parsed.body, name));
    case "messages":
      return finish(a.answerAnthropic(fromAnthropic(parsed.body, name), { model: name, stream: parsed.body.stream, seed }));
    case "google": {
      const out = a.answerGoogle(fromGoogle(parsed.body, name), { model: name, stream: op.kind === "google" && op.stream });
      // streamGenerateContent answers SSE with ?alt=sse, else one JSON array of the chunks.
      if (out.events && r.query.alt !== "sse") return finish({ status: 200, json: Array.from(out.events, (e) => JSON.parse(e.data)) });
      return finish(out);
    }
    case "wai-run": {
      const m = looked.model as Model;
      if (m.task === "Text Embeddings") {
        const c = check(s.embeddingTextSchema, parsed.body);
        return finish(c.ok ? a.answerWorkersAiEmbeddings(c.data, m.id) : restError(400, CODES.invalidInput, `Invalid input: ${c.message}`));
      }
      if (m.task !== "Text Generation") return finish(restError(400, CODES.invalidInput, `The emulator runs text-generation and embedding models on the gateway; ${m.id} is ${m.task}.`));
      const c = check(s.workersAiTextSchema, parsed.body);
      if (!c.ok) return finish(restError(400, CODES.invalidInput, `Invalid input: ${c.message}`));
      const jsonMode = c.data.response_format !== undefined;
      return finish(a.answerWorkersAi(fromWorkersAi(c.data, m.id), { stream: c.data.stream === true && !quirksOf(m).runStreamAnswersJson, jsonMode }));
    }
  }
}

const compatFail = (st: number, m: string, param: string | null = null) => openaiError(st, m, "invalid_request_error", st === 404 ? "model_not_found" : null, param);

/**
 * Unified Billing through /compat per facts section 11 ([I], a third party's live tests, models.dev PR #4715): it works
 * for openai/, anthropic/ and workers-ai/ ids; google-ai-studio/ and grok/ ids fail "Forbidden: Model or provider could
 * not be resolved for spend-limit enforcement"; deepseek/ reaches DeepSeek without a key ("Unauthorized: Authentication
 * Fails"). Statuses (403, 401) and body formats are ASSUMED.
 */
function compatUnifiedBillingFailure(slug: string): Out | undefined {
  if (slug === "google-ai-studio" || slug === "grok") return openaiError(403, MESSAGES.spendLimitUnresolved, "invalid_request_error", null);
  if (slug === "deepseek") return openaiError(401, MESSAGES.deepseekAuthFails, "authentication_error", "invalid_request_error");
  return undefined;
}

/** Providers /compat can send an id outside the site catalog to (with the user's own key). */
const COMPAT_PROVIDERS = new Set(["openai", "anthropic", "google-ai-studio", "grok", "deepseek", "groq", "openrouter"]);

/**
 * `POST /compat/chat/completions`, or a universal step `{provider: "compat", endpoint: "chat/completions"}` (what
 * ai-gateway-provider's createUnified() sends, facts section 11): OpenAI format in and out; `model` is
 * `{gateway provider}/{model}`.
 */
async function compat(ctx: Ctx, gw: Gw, r: { body: unknown; headers: Record<string, string>; step?: number; endpoint?: string }): Promise<Out> {
  const fail = compatFail;
  if (r.endpoint !== undefined && r.endpoint.replace(/^\/+/, "").replace(/^v1\//, "") !== "chat/completions")
    return fail(404, `Unknown compat endpoint "${clipped(r.endpoint)}": the compat provider serves chat/completions.`);
  const c = validate(s.chatSchema, r.body, fail);
  if (!c.ok) return c.out;
  const body = c.data;
  const id = body.model;
  const slash = id.indexOf("/");
  if (slash < 0) return fail(400, `"${clipped(id)}" has no provider: on /compat the model is {provider}/{model}, for example openai/gpt-5-mini or workers-ai/@cf/meta/llama-3.3-70b-instruct-fp8-fast.`, "model");
  const slug = id.slice(0, slash);
  const found = findModel(id);
  let model: Model | undefined;
  if (found?.form === "rest") {
    if (isWorkersAiModel(found.model)) model = undefined;
    else if (providerOf(found.model) === slug) model = found.model;
    else return fail(400, `"${clipped(id)}" is a REST API id. On /compat use the gateway provider slug: "${compatFormOf(found.model)}".`, "model");
  } else if (found) model = found.model;
  if (model && slug === "workers-ai" && !isWorkersAiModel(model)) model = undefined;
  const provider = model ? providerOf(model) : slug;
  const name = model ? providerModelId(model) : id.slice(slash + 1);
  if (!model && (slug === "workers-ai" || isWorkersAiId(name) || !COMPAT_PROVIDERS.has(slug))) return fail(404, `The model \`${clipped(id)}\` does not exist or you do not have access to it.`, "model");
  if (model?.lifecycle.status === "retired") {
    const next = currentReplacement(model.id);
    return fail(400, `model was deprecated: ${clipped(id)} was retired on ${model.lifecycle.date}. Use ${next ? compatFormOf(next) : model.lifecycle.replacement} instead.`, "model");
  }
  if (model && !model.endpoints.includes("chat-completions")) return fail(400, `${clipped(id)} does not do chat completions.`, "model");
  const upstreamBody = provider === "anthropic" ? chatToAnthropicRequest(body, name) : { ...body, model: name };
  const called = callProvider(ctx.state, ctx.upstream, { provider, headers: r.headers, translateAuth: true, byokOnly: gw.byokOnly || noWholesale(r.headers),
    gatewayByok: gw.byok, model, body: upstreamBody, step: r.step });
  if (!called.ok) return called.out;
  const credential = called.call.credential;
  if (credential === "unified") {
    const failure = compatUnifiedBillingFailure(provider);
    if (failure) return ((called.call.status = failure.status), failure);
  }
  // An id outside the site catalog reaches the provider only with the user's own key (the provider decides).
  if (!model && !forwardsUnknown(credential)) return ((called.call.status = 404), fail(404, `The model \`${clipped(id)}\` does not exist or you do not have access to it.`, "model"));
  return a.answerChat(fromChat(body, id), { model: id, stream: body.stream, seed: [ctx.seed, r.step ?? -1], usageEvery: provider === "workers-ai", includeUsage: body.stream_options?.include_usage });
}

/** `GET /compat/models`: the catalog's compat listing (emulator/src/model-lists.ts, shape from facts section 1b). */
function compatModels(): Out {
  return listed(listCompatModels());
}

/**
 * The universal endpoint: an array of steps `{provider, endpoint, headers, query}` tried in order; the first that
 * answers below 400 wins and `cf-aig-step` names its index. A step's headers override the request's headers.
 * `provider: "compat"` runs the compat route (chat/completions with `{gateway provider}/{model}` ids).
 */
async function universal(ctx: Ctx, gw: Gw): Promise<Out> {
  const fail = (st: number, m: string) => gatewayError(st, GW_BAD_REQUEST, m);
  const parsed = readJson(ctx, fail);
  if (!parsed.ok) return parsed.out;
  const c = check(s.universalSchema, parsed.body);
  if (!c.ok) return fail(400, `Invalid universal request: ${c.message}`);
  const steps = Array.isArray(c.data) ? c.data : [c.data];
  let last: Out | undefined;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const headers = { ...ctx.headers, ...lowerHeaders(step.headers ?? {}) };
    delete headers["content-length"];
    const problem = aigHeaderProblem(headers);
    if (problem) return fail(400, `Invalid request headers in step ${i}: ${problem}`);
    last = await providerRoute(ctx, gw, { provider: step.provider, endpoint: step.endpoint, body: step.query, headers, query: {}, step: i });
    ctx.extra["cf-aig-step"] = String(i);
    if (last.status < 400) return last;
  }
  return last as Out;
}
