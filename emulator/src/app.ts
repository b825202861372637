/**
 * The HTTP side: one Hono app that answers both hosts' paths. No `node:` imports anywhere in its import graph, so the
 * same core runs in Node (index.ts), a browser Service Worker or a Worker: `createEmulator(config).fetch(request)`.
 *
 * Every request passes, in order: `begin` (the request context and its log entry), the body limit (413, code 3006),
 * the body read and fault injection, the host's authentication (REST token / gateway `cf-aig-authorization`), the
 * `cf-aig-*` header rules, then one route. Every answer goes out through `send()`, which adds the `cf-aig-*` response
 * headers, writes JSON, bytes or a lazily produced SSE stream, and records a bounded log entry.
 */
import { Hono, type Context, type MiddlewareHandler } from "hono";
export type { AppEnv } from "./respond.ts";
import { bodyLimit } from "hono/body-limit";
import { aigHeaderProblem } from "./common.ts";
import { BODY_LIMIT, CODES, GATEWAY_BASE, MESSAGES, REST_BASE } from "./contract.ts";
import type { Ctx } from "./ctx.ts";
import { gatewayError, restError, type Out } from "./errors.ts";
import { gatewayAuth, gatewayRoutes } from "./gateway.ts";
import { type AppEnv, errorFor, route, send } from "./respond.ts";
import { restAuth, restRoutes } from "./rest.ts";
import { State } from "./state.ts";
import type { EmulatorConfig, Fault, Host } from "./types.ts";
import { Hasher } from "./hash.ts";
import { sleep } from "./util.ts";

/**
 * A 26-character upper-case hex log id: distinct for every request one emulator answers, and the same sequence in
 * every fresh emulator, so that a run prints the same ids each time (in Node and in the browser alike).
 */
function newLogId(state: State): string {
  return new Hasher().update("cf-aig-log-id").update(String(state.requestCount++)).hex(26).toUpperCase();
}

function newCtx(c: Context, state: State, host: Host): Ctx {
  const req = c.req.raw;
  const url = new URL(req.url);
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
  return {
    state,
    host,
    account: c.req.param("account") ?? "",
    method: req.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    upstream: [],
    logId: newLogId(state),
    cacheStatus: "MISS",
    extra: {},
    seed: "",
    signal: req.signal,
  };
}

function faultOut(host: Host, f: Fault & { kind: "status" }): Out {
  const out =
    f.status === 429
      ? errorFor(host, 429, host === "api" ? CODES.injectedCapacity : CODES.gatewayInjected429, "Capacity temporarily exceeded, please try again later. (injected fault)")
      : errorFor(host, f.status, host === "api" ? CODES.emulatorError : CODES.gatewayBadRequest, f.status === 503 ? "Service temporarily unavailable. (injected fault)" : "Internal server error. (injected fault)");
  if (f.retryAfter !== undefined) out.headers = { "retry-after": String(f.retryAfter) };
  return out;
}

/** The request context for this host. */
const begin =
  (state: State, host: Host): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    c.set("ctx", newCtx(c, state, host));
    await next();
  };

/** 413 code 3006 over BODY_LIMIT (by Content-Length, or while reading a body sent without one). */
const limitBody = bodyLimit({
  maxSize: BODY_LIMIT,
  onError: (c) => {
    const ctx = (c as Context<AppEnv>).get("ctx");
    const out = errorFor(ctx.host, 413, CODES.tooLarge, MESSAGES.tooLarge);
    out.headers = { connection: "close" }; // the rest of the body is never read, so the connection cannot be reused
    ctx.raw = undefined;
    return send(c as Context<AppEnv>, out);
  },
});

const decoder = new TextDecoder();

/** Reads the body once, seeds the deterministic ids, and applies injected faults (tests only). */
const readBodyAndFaults: MiddlewareHandler<AppEnv> = async (c, next) => {
  const ctx = c.get("ctx");
  if (ctx.method !== "GET" && ctx.method !== "HEAD" && c.req.raw.body) {
    try {
      ctx.raw = decoder.decode(await c.req.arrayBuffer());
    } catch {
      ctx.raw = undefined; // a client that went away mid-body: the route answers "empty body" to nobody
    }
  }
  ctx.seed = new Hasher().update(ctx.method).update(ctx.path).update(ctx.raw ?? "").hex(32);
  const faults = ctx.state.faultsFor(ctx.path);
  const slow = faults.find((f): f is Fault & { kind: "slow-first-byte" } => f.kind === "slow-first-byte");
  const status = faults.find((f): f is Fault & { kind: "status" } => f.kind === "status");
  const cut = faults.find((f): f is Fault & { kind: "cut-stream" } => f.kind === "cut-stream");
  if (slow) await sleep(slow.ms, ctx.signal);
  if (status) return send(c, faultOut(ctx.host, status));
  if (cut) ctx.cutAfter = cut.afterEvents;
  await next();
};

/** `cf-aig-*` request headers: 400 naming the header (REST: code 6003; gateway: 2005). */
const aigHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  const ctx = c.get("ctx");
  const problem = aigHeaderProblem(ctx.headers);
  if (problem) return send(c, ctx.host === "api" ? restError(400, CODES.invalidHeaders, `${MESSAGES.invalidHeaders}: ${problem}`) : gatewayError(400, CODES.gatewayBadRequest, `${MESSAGES.invalidHeaders}: ${problem}`));
  await next();
};

/** The Hono app over one State. Routes are listed in rest.ts and gateway.ts; patterns in contract.ts. */
export function createApp(state: State): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const rest = `${REST_BASE}/*`;
  const gateway = `${GATEWAY_BASE}/*`;
  app.use(rest, begin(state, "api"), limitBody, readBodyAndFaults, restAuth, aigHeaders);
  app.use(gateway, begin(state, "gateway"), limitBody, readBodyAndFaults, gatewayAuth, aigHeaders);
  restRoutes(app, (p) => `${REST_BASE}${p}`);
  gatewayRoutes(app, (p) => `${GATEWAY_BASE}${p}`);
  app.all(rest, route((ctx) => restError(404, CODES.couldNotRoute, MESSAGES.couldNotRoute(ctx.path))));
  app.all(gateway, route((ctx) => gatewayError(404, CODES.gatewayNoRoute, `No route for ${ctx.method} ${ctx.path} on the gateway.`)));
  app.notFound((c) => {
    const host: Host = c.req.path.startsWith("/v1/") ? "gateway" : "api";
    c.set("ctx", newCtx(c, state, host));
    return send(c, errorFor(host, 404, CODES.couldNotRoute, MESSAGES.couldNotRoute(c.get("ctx").path)));
  });
  // Last resort: whatever goes wrong outside a route still gets a JSON error, never a crash.
  app.onError((err, c) => c.json({ result: null, success: false, errors: [{ code: CODES.emulatorError, message: `Emulator error: ${err.message}` }], messages: [] }, 500));
  return app;
}

/** The emulator core without a server: `fetch(request)` answers as the emulator would (for a Service Worker or a Worker). */
export function createEmulator(config: EmulatorConfig = {}) {
  const state = new State(config);
  const app = createApp(state);
  return {
    state,
    fetch: (req: Request): Promise<Response> => Promise.resolve(app.fetch(req)),
  };
}
