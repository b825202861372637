/** Pieces both hosts share: JSON bodies, `cf-aig-*` header rules, the cache, REST model resolution. */
import { CODES, MESSAGES, clipped } from "./contract.ts";
import type { Ctx } from "./ctx.ts";
import { restError, type Out } from "./errors.ts";
import { digest } from "./hash.ts";
import { currentReplacement, findModel, isWorkersAiId, type Endpoint, type Model } from "./model-ids.ts";
import { check } from "./schemas.ts";
import { listText } from "./util.ts";
import type { z } from "zod";

export const ONE_MONTH_SECONDS = 30 * 24 * 60 * 60; // "one month" read as 30 days (ASSUMED)

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * Parses the JSON body, or returns the error made by `fail` (each host/provider words its own errors).
 * The REST host parses the body as JSON whatever its Content-Type (`anyContentType`): Cloudflare's get-started example
 * sends `curl -d '{…}'`, which curl labels application/x-www-form-urlencoded, and shows a success (facts section 11).
 * The gateway host keeps requiring a JSON Content-Type (ASSUMED).
 */
export function readJson(ctx: Ctx, fail: (status: number, message: string) => Out, opts: { anyContentType?: boolean } = {}): { ok: true; body: unknown } | { ok: false; out: Out } {
  const ct = ctx.headers["content-type"];
  if (!ctx.raw) return { ok: false, out: fail(400, MESSAGES.emptyBody) };
  if (!opts.anyContentType && (!ct || !JSON_TYPE.test(ct))) return { ok: false, out: fail(400, MESSAGES.unsupportedContentType(ct ?? "(none)")) };
  try {
    ctx.json = JSON.parse(ctx.raw);
    return { ok: true, body: ctx.json };
  } catch (e) {
    const hint = ct && !JSON_TYPE.test(ct) ? ` (the body is read as JSON whatever its Content-Type; this one was "${clipped(ct)}")` : "";
    return { ok: false, out: fail(400, `${MESSAGES.malformedJson((e as Error).message)}${hint}`) };
  }
}

/** Validates `body` against `schema`; the failure names the field path. */
export function validate<T>(schema: z.ZodType<T>, body: unknown, fail: (status: number, message: string, param: string) => Out): { ok: true; data: T } | { ok: false; out: Out } {
  const r = check(schema, body);
  return r.ok ? r : { ok: false, out: fail(400, `Invalid request body: ${r.message}`, r.path) };
}

const BOOL = /^(true|false)$/;
const INT = /^\d+$/;

/** The first problem with the request's `cf-aig-*` headers (and the deprecated `cf-cache-ttl`/`cf-skip-cache`), if any. */
export function aigHeaderProblem(h: Record<string, string>): string | undefined {
  for (const name of ["cf-aig-cache-ttl", "cf-cache-ttl"]) {
    const v = h[name];
    if (v === undefined) continue;
    if (!INT.test(v.trim()) || Number(v) < 60 || Number(v) > ONE_MONTH_SECONDS)
      return `${name} must be a whole number of seconds from 60 to ${ONE_MONTH_SECONDS} (one month); got "${v}".`;
  }
  for (const name of ["cf-aig-skip-cache", "cf-skip-cache", "cf-aig-collect-log", "cf-aig-zdr", "cf-aig-no-wholesale"]) {
    const v = h[name];
    if (v !== undefined && !BOOL.test(v.trim())) return `${name} must be "true" or "false"; got "${v}".`;
  }
  const attempts = h["cf-aig-max-attempts"];
  if (attempts !== undefined && (!INT.test(attempts) || Number(attempts) < 1 || Number(attempts) > 5)) return `cf-aig-max-attempts must be a whole number from 1 to 5; got "${attempts}".`;
  const delay = h["cf-aig-retry-delay"];
  if (delay !== undefined && (!INT.test(delay) || Number(delay) > 5000)) return `cf-aig-retry-delay must be a whole number of milliseconds from 0 to 5000; got "${delay}".`;
  const backoff = h["cf-aig-backoff"];
  if (backoff !== undefined && !["constant", "linear", "exponential"].includes(backoff)) return `cf-aig-backoff must be one of constant, linear, exponential; got "${backoff}".`;
  const timeout = h["cf-aig-request-timeout"];
  if (timeout !== undefined && (!INT.test(timeout) || Number(timeout) < 1)) return `cf-aig-request-timeout must be a positive whole number of milliseconds; got "${timeout}".`;
  for (const name of ["cf-aig-metadata", "cf-aig-custom-cost"]) {
    const v = h[name];
    if (v === undefined) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch {
      return `${name} must be a JSON object; "${v}" is not valid JSON.`;
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return `${name} must be a JSON object (for example {"user":"42"}); got ${v}.`;
  }
  for (const name of ["cf-aig-cache-key", "cf-aig-event-id", "cf-aig-byok-alias", "cf-aig-gateway-id"]) {
    if (h[name] !== undefined && !h[name].trim()) return `${name} must not be empty.`;
  }
  return undefined;
}

export const noWholesale = (h: Record<string, string>) => h["cf-aig-no-wholesale"]?.trim() === "true";

type CacheSlot = { out: Out; extra: Record<string, string>; expires: number };

/**
 * The gateway cache: with a TTL (header `cf-aig-cache-ttl`, old `cf-cache-ttl`, or the gateway's setting) an identical
 * request is answered from the cache (`cf-aig-cache-status: HIT`) without reaching the provider. `cf-aig-skip-cache`
 * (old `cf-skip-cache`) bypasses it. `cf-aig-cache-key` replaces the body in the key; alone it caches for 5 minutes.
 */
export async function cached(ctx: Ctx, gateway: { id: string; cacheTtl: number }, produce: () => Promise<Out>): Promise<Out> {
  const h = ctx.headers;
  const skip = h["cf-aig-skip-cache"]?.trim() === "true" || h["cf-skip-cache"]?.trim() === "true";
  const header = h["cf-aig-cache-ttl"] ?? h["cf-cache-ttl"];
  let ttl = header !== undefined ? Number(header) : gateway.cacheTtl;
  if (!ttl && h["cf-aig-cache-key"]) ttl = 300;
  if (skip || !ttl) return produce();
  const cache: Map<string, CacheSlot> = ctx.state.cache;
  const key = digest([ctx.host, gateway.id, ctx.method, ctx.path, h["cf-aig-cache-key"] ?? ctx.seed], 40);
  const hit = cache.get(key);
  if (hit && hit.expires > Date.now()) {
    ctx.cacheStatus = "HIT";
    Object.assign(ctx.extra, hit.extra);
    return hit.out;
  }
  const out = await produce();
  if (out.status === 200) {
    if (cache.size >= 5000) for (const [k, v] of cache) if (v.expires <= Date.now()) cache.delete(k);
    cache.set(key, { out, extra: { ...ctx.extra }, expires: Date.now() + ttl * 1000 });
  }
  return out;
}

export const ENDPOINT_PATHS: Record<Endpoint, string> = {
  run: "/ai/run",
  "chat-completions": "/ai/v1/chat/completions",
  responses: "/ai/v1/responses",
  messages: "/ai/v1/messages",
  embeddings: "/ai/v1/embeddings",
};

/**
 * Catalog rules on the REST host: unknown id → not found; provider-slug id → 400 with the REST form; retired → 400
 * naming the replacement (5028 "model was deprecated"); not on this endpoint → 400 naming where it works.
 */
export function resolveRestModel(id: string, endpoint: Endpoint): { ok: true; model: Model; warnings: { code: number; message: string }[] } | { ok: false; out: Out } {
  const found = findModel(id);
  // ASSUMED: the REST API takes both spellings the catalog lists as REST ids (anthropic/claude-sonnet-4-5 and
  // anthropic/claude-sonnet-4.5); which one /ai/v1/* accepts is not verified (facts section 11).
  const model = found && (found.form === "rest" || found.form === "alias") ? found.model : undefined;
  if (!model) {
    if (found?.form === "provider-native")
      return { ok: false, out: restError(400, CODES.invalidInput, `"${clipped(id)}" is the provider's own model name. On the REST API use "${found.model.id}".`) };
    if (found)
      return { ok: false, out: restError(400, CODES.invalidInput, `"${clipped(id)}" is a gateway provider-slug id, which only the gateway.ai.cloudflare.com endpoints accept. On the REST API use "${found.model.id}".`) };
    if (isWorkersAiId(id)) return { ok: false, out: restError(400, CODES.noSuchModel, MESSAGES.noSuchModel(id)) };
    return { ok: false, out: restError(404, CODES.couldNotRoute, MESSAGES.modelNotFound(id)) };
  }
  if (model.lifecycle.status === "retired") {
    const next = currentReplacement(model.id)?.id ?? model.lifecycle.replacement;
    // Status 400 is ASSUMED; the code and wording follow the reported 5028 "model was deprecated".
    return { ok: false, out: restError(400, 5028, `model was deprecated: ${model.id} was retired${model.lifecycle.date ? ` on ${model.lifecycle.date}` : ""}. Use ${next} instead.`) };
  }
  if (!model.endpoints.includes(endpoint)) {
    const where = model.endpoints.map((e) => ENDPOINT_PATHS[e]);
    // ASSUMED wording and code: the sources do not record the answer for a model an endpoint does not take.
    const supports = where.length
      ? `It supports ${listText(where)}.`
      : "The REST API does not serve it: it is called through the gateway host's preview Run API (POST https://gateway.ai.cloudflare.com/v1/{account_id}/{gateway_id}/run).";
    return { ok: false, out: restError(400, 5004, `${model.id} is not supported on ${ENDPOINT_PATHS[endpoint]}. ${supports}`) };
  }
  const warnings =
    model.lifecycle.status === "deprecated"
      ? [{ code: 5029, message: `${model.id} is deprecated since ${model.lifecycle.date}${model.lifecycle.sunset ? ` and stops working on ${model.lifecycle.sunset}` : ""}. Use ${model.lifecycle.replacement} instead.` }] // ASSUMED code
      : [];
  return { ok: true, model, warnings };
}
