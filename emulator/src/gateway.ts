/** gateway.ai.cloudflare.com (deprecated surface): `/v1/{account_id}/{gateway_id}/...`. */
import { getModel, models, resolveAlias, currentReplacement, type Model } from "../../catalog/index.ts";
import { listCompatModels, listed } from "./model-lists.ts";
import type { Ctx } from "./app.ts";
import * as a from "./answer.ts";
import { aigHeaderProblem, cached, noWholesale, readJson, validate } from "./common.ts";
import { gatewayError, openaiError, providerError, restError, type Out } from "./errors.ts";
import { chatToAnthropicRequest, fromAnthropic, fromChat, fromGoogle, fromResponses, fromWorkersAi } from "./formats.ts";
import { callProvider, providerModelName, providerOf } from "./providers.ts";
import * as s from "./schemas.ts";
import { check } from "./schemas.ts";
import { lowerHeaders, listText } from "./util.ts";
import type { z } from "zod";

type Obj = Record<string, any>;
type Gw = { id: string; cacheTtl: number; byokOnly: boolean };
const ACCOUNT = /^[0-9a-f]{32}$/i;
/** ASSUMED: the gateway's code for a malformed request (body or cf-aig-* header). */
const GW_BAD_REQUEST = 2005;

export function gatewayRoutes() {
  return async (ctx: Ctx, p: { acct: string; gw?: string; sub: string }): Promise<Out> => {
    const gwId = p.gw ?? "";
    if (!ACCOUNT.test(p.acct)) return gatewayError(400, 2001, `"${p.acct}" is not an account id: use your 32-character account id.`); // ASSUMED
    const auth = ctx.headers["cf-aig-authorization"];
    const bearer = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
    const authenticated = !!bearer && bearer[1] === ctx.state.token;
    const g = ctx.state.gateway(p.acct, gwId, authenticated);
    if (!g) return gatewayError(400, 2001, `Gateway "${gwId}" does not exist on this account.`);
    if (g.authentication && !authenticated) return gatewayError(401, 2009, "Unauthorized");
    const problem = aigHeaderProblem(ctx.headers);
    if (problem) return gatewayError(400, GW_BAD_REQUEST, `Invalid request headers: ${problem}`);
    const gw: Gw = { id: gwId, cacheTtl: g.cacheTtl, byokOnly: g.byokOnly };

    if (p.sub === "" && ctx.method === "POST") return cached(ctx, gw, () => universal(ctx, gw));
    if (p.sub === "compat/chat/completions" && ctx.method === "POST") return cached(ctx, gw, () => compat(ctx, gw));
    if (p.sub === "compat/models" && ctx.method === "GET") return listed(listCompatModels());
    const slash = p.sub.indexOf("/");
    if (slash > 0 && ctx.method === "POST") {
      const provider = p.sub.slice(0, slash);
      const endpoint = p.sub.slice(slash + 1);
      const parsed = readJson(ctx, (st, m) => providerError(provider, st, m));
      if (!parsed.ok) return parsed.out;
      return cached(ctx, gw, () => providerRoute(ctx, gw, { provider, endpoint, body: parsed.body, headers: ctx.headers, query: ctx.query }));
    }
    return gatewayError(404, 2002, `No route for ${ctx.method} ${ctx.path} on the gateway.`); // ASSUMED code
  };
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

function schemaFor(op: Op): z.ZodType<unknown> | undefined {
  switch (op.kind) {
    case "chat":
    case "wai-chat":
      return s.chatSchema;
    case "responses":
      return s.responsesSchema;
    case "embeddings":
    case "wai-embed":
      return s.embeddingsSchema;
    case "messages":
      return s.messagesSchema;
    case "google":
      return s.googleSchema;
    case "wai-run":
      return undefined;
  }
}

/** Looks a provider's own model name up in the catalog; an error in the provider's words when it is not there. */
function providerModel(provider: string, op: Op, body: Obj): { model?: Model; name: string } | { error: Out } {
  const notFound = (name: string): { error: Out } => {
    switch (provider) {
      case "anthropic":
        return { error: providerError(provider, 404, `model: ${name}`) };
      case "google-ai-studio":
        return { error: providerError(provider, 404, `models/${name} is not found for API version v1beta, or is not supported for generateContent.`) };
      case "workers-ai":
        return { error: restError(400, 5007, `No such model ${name} or task`) };
      default:
        return { error: providerError(provider, 404, `The model \`${name}\` does not exist or you do not have access to it.`, "model") };
    }
  };
  const retired = (m: Model): { error: Out } =>
    provider === "workers-ai"
      ? { error: restError(400, 5028, `model was deprecated: ${m.id} was retired; use ${currentReplacement(m.id)?.id ?? (m.lifecycle as Obj).replacement} instead.`) }
      : notFound(providerModelName(m));
  if (op.kind === "wai-run" || op.kind === "wai-chat" || op.kind === "wai-embed") {
    const name = op.kind === "wai-run" ? op.model : String(body.model);
    const m = getModel(name);
    if (!m || !m.id.startsWith("@cf/")) return notFound(name);
    if (m.lifecycle.status === "retired") return retired(m);
    return { model: m, name };
  }
  const name = op.kind === "google" ? op.model : String(body.model);
  if (provider === "openrouter") {
    // OpenRouter's own catalog is not emulated: any "author/model" id is accepted. (ASSUMED)
    if (!/^[^/\s]+\/[^/\s]+$/.test(name)) return { error: providerError(provider, 400, `${name} is not a valid model ID`) };
    return { model: getModel(name), name };
  }
  if (op.kind === "embeddings" && /^text-embedding-/.test(name)) return { name };
  const author = provider === "anthropic" ? "anthropic" : provider === "google-ai-studio" ? "google" : OPENAI_LIKE[provider];
  const m = getModel(`${author}/${name}`);
  if (!m) return notFound(name);
  if (m.lifecycle.status === "retired") return retired(m);
  return { model: m, name };
}

/** A provider-native call (`/{provider}/…` or one universal step): credential, validation, answer in that provider's format. */
async function providerRoute(ctx: Ctx, gw: Gw, r: ProviderRequest): Promise<Out> {
  const { provider } = r;
  const op = operation(provider, r.endpoint);
  if (!op) {
    if (!(provider in OPENAI_LIKE) && !["anthropic", "google-ai-studio", "workers-ai"].includes(provider))
      return gatewayError(400, GW_BAD_REQUEST, `The emulator does not serve provider "${provider}". It serves ${listText([...Object.keys(OPENAI_LIKE), "anthropic", "google-ai-studio", "workers-ai"])}.`);
    return providerError(provider, 404, `Unknown endpoint "${r.endpoint}" for provider ${provider}.`);
  }
  const body = (r.body && typeof r.body === "object" ? r.body : {}) as Obj;
  const looked = providerModel(provider, op, body);
  const called = callProvider(ctx.state, ctx.upstream, {
    provider,
    headers: r.headers,
    query: r.query,
    allowAlias: true,
    byokOnly: gw.byokOnly || noWholesale(r.headers),
    model: "model" in looked ? looked.model : undefined,
    body: r.body,
    step: r.step,
  });
  if (!called.ok) return called.out;
  const finish = (out: Out) => ((called.call.status = out.status), out);
  const schema = schemaFor(op);
  if (schema) {
    const c = check(schema, r.body);
    if (!c.ok) return finish(providerError(provider, 400, `Invalid request body: ${c.message}`, c.path));
  }
  if ("error" in looked) return finish(looked.error);
  const name = looked.name;
  const seed = [ctx.seed, r.step ?? -1];
  switch (op.kind) {
    case "chat":
    case "wai-chat":
      return finish(a.answerChat(fromChat(body, name), { model: name, stream: body.stream, seed, usageEvery: op.kind === "wai-chat", includeUsage: body.stream_options?.include_usage }));
    case "responses":
      return finish(a.answerResponses(fromResponses(body, name), body, { model: name, stream: body.stream, seed }));
    case "embeddings":
    case "wai-embed":
      return finish(a.answerEmbeddings(body, name));
    case "messages":
      return finish(a.answerAnthropic(fromAnthropic(body, name), { model: name, stream: body.stream, seed }));
    case "google": {
      const out = a.answerGoogle(fromGoogle(body, name), { model: name, stream: op.stream });
      // streamGenerateContent answers SSE with ?alt=sse, else one JSON array of the chunks.
      if (out.events && r.query.alt !== "sse") return finish({ status: 200, json: out.events.map((e) => JSON.parse(e.data)) });
      return finish(out);
    }
    case "wai-run": {
      const m = looked.model as Model;
      if (m.task === "Text Embeddings") {
        const c = check(s.embeddingTextSchema, body);
        return finish(c.ok ? a.answerWorkersAiEmbeddings(body, m.id) : restError(400, 5004, `Invalid input: ${c.message}`));
      }
      if (m.task !== "Text Generation") return finish(restError(400, 5004, `The emulator runs text-generation and embedding models on the gateway; ${m.id} is ${m.task}.`));
      const c = check(s.workersAiTextSchema, body);
      if (!c.ok) return finish(restError(400, 5004, `Invalid input: ${c.message}`));
      return finish(a.answerWorkersAi(fromWorkersAi(body, m.id), { stream: body.stream === true && !m.id.startsWith("@cf/openai/gpt-oss") }));
    }
  }
}

/** The id of a model on /compat: `workers-ai/@cf/…`, a compat alias, or `{provider}/{model}`. */
function compatId(m: Model): string {
  if (m.id.startsWith("@cf/")) return `workers-ai/${m.id}`;
  return m.aliases.find((x) => x.context === "compat")?.id ?? `${providerOf(m)}/${providerModelName(m)}`;
}

/** `POST /compat/chat/completions`: OpenAI format in and out; `model` is `{gateway provider}/{model}`. */
async function compat(ctx: Ctx, gw: Gw): Promise<Out> {
  const fail = (st: number, m: string, param: string | null = null) => openaiError(st, m, "invalid_request_error", st === 404 ? "model_not_found" : null, param);
  const parsed = readJson(ctx, fail);
  if (!parsed.ok) return parsed.out;
  const c = validate(s.chatSchema, parsed.body, fail);
  if (!c.ok) return c.out;
  const body = c.data as Obj;
  const id: string = body.model;
  const slash = id.indexOf("/");
  if (slash < 0) return fail(400, `"${id}" has no provider: on /compat the model is {provider}/{model}, for example openai/gpt-5-mini or workers-ai/@cf/meta/llama-3.3-70b-instruct-fp8-fast.`, "model");
  const slug = id.slice(0, slash);
  let model: Model | undefined;
  if (slug === "workers-ai") {
    model = getModel(id.slice(slash + 1));
    if (model && !model.id.startsWith("@cf/")) model = undefined;
  } else {
    model = resolveAlias(id)?.model;
    const direct = getModel(id);
    if (!model && direct) {
      if (providerOf(direct) === slug) model = direct;
      else return fail(400, `"${id}" is a REST API id. On /compat use the gateway provider slug: "${compatId(direct)}".`, "model");
    }
  }
  if (!model) return fail(404, `The model \`${id}\` does not exist or you do not have access to it.`, "model");
  if (model.lifecycle.status === "retired") {
    const next = currentReplacement(model.id);
    return fail(400, `model was deprecated: ${id} was retired on ${model.lifecycle.date}. Use ${next ? compatId(next) : model.lifecycle.replacement} instead.`, "model");
  }
  if (!model.endpoints.includes("chat-completions")) return fail(400, `${id} does not do chat completions.`, "model");
  const provider = providerOf(model);
  const name = providerModelName(model);
  const upstreamBody = provider === "anthropic" ? chatToAnthropicRequest(body, name) : { ...body, model: name };
  const called = callProvider(ctx.state, ctx.upstream, { provider, headers: ctx.headers, translateAuth: true, byokOnly: gw.byokOnly || noWholesale(ctx.headers), model, body: upstreamBody });
  if (!called.ok) return called.out;
  return a.answerChat(fromChat(body, id), { model: id, stream: body.stream, seed: ctx.seed, usageEvery: provider === "workers-ai", includeUsage: body.stream_options?.include_usage });
}

function compatModels(): Out {
  const data = models
    .filter((m) => m.lifecycle.status !== "retired" && m.endpoints.includes("chat-completions"))
    .map((m) => ({ id: compatId(m), object: "model", created_at: 1735689600, owned_by: providerOf(m) }));
  return { status: 200, json: { object: "list", data } };
}

/**
 * The universal endpoint: an array of steps `{provider, endpoint, headers, query}` tried in order; the first that
 * answers below 400 wins and `cf-aig-step` names its index. A step's headers override the request's headers.
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
