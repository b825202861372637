/**
 * The HTTP side: one Hono app that answers both hosts' paths. Every request goes through `pipeline()`: read the body
 * (10 MB limit), count faults, run the route, add the `cf-aig-*` response headers, write JSON or SSE, log the request.
 */
import { Hono, type Context } from "hono";
import { randomBytes } from "node:crypto";
import { gatewayError, restError, type Out } from "./errors.ts";
import { sseStream } from "./sse.ts";
import type { State } from "./state.ts";
import type { Fault, Host, UpstreamCall } from "./types.ts";
import { digest, sleep } from "./util.ts";
import { restRoutes } from "./rest.ts";
import { gatewayRoutes } from "./gateway.ts";

export const BODY_LIMIT = 10 * 1024 * 1024;

export type Ctx = {
  state: State;
  host: Host;
  /** The account id from the path. */
  account: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  raw?: string;
  upstream: UpstreamCall[];
  logId: string;
  cacheStatus: "HIT" | "MISS";
  /** Response headers a route adds (e.g. cf-aig-step). */
  extra: Record<string, string>;
  /** Stable per request content: seeds the ids in responses. */
  seed: string;
  signal: AbortSignal;
};

type Route = (ctx: Ctx, params: { acct: string; gw?: string; sub: string }) => Promise<Out>;

function errorFor(host: Host, status: number, code: number, message: string): Out {
  return host === "api" ? restError(status, code, message) : gatewayError(status, code, message);
}

/** Reads the body, stopping at the limit. */
async function readBody(req: Request): Promise<{ text?: string; tooLarge?: boolean }> {
  const len = Number(req.headers.get("content-length") ?? "0");
  if (len > BODY_LIMIT) return { tooLarge: true };
  if (!req.body) return {};
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > BODY_LIMIT) {
      await reader.cancel().catch(() => {});
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString("utf8") };
}

function faultOut(host: Host, f: Fault & { kind: "status" }): Out {
  const out =
    f.status === 429
      ? errorFor(host, 429, host === "api" ? 3040 : 2003, "Capacity temporarily exceeded, please try again later. (injected fault)")
      : errorFor(host, f.status, host === "api" ? 3043 : 2005, f.status === 503 ? "Service temporarily unavailable. (injected fault)" : "Internal server error. (injected fault)");
  if (f.retryAfter !== undefined) out.headers = { "retry-after": String(f.retryAfter) };
  return out;
}

function logBody(text: string | undefined): unknown {
  if (text === undefined || text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function pipeline(c: Context, state: State, host: Host, route: Route, params: { acct: string; gw?: string; sub: string }): Promise<Response> {
  const req = c.req.raw;
  const url = new URL(req.url);
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
  const ctx: Ctx = {
    state,
    host,
    account: params.acct,
    method: req.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    upstream: [],
    logId: randomBytes(13).toString("hex").toUpperCase().slice(0, 26),
    cacheStatus: "MISS",
    extra: {},
    seed: "",
    signal: req.signal,
  };
  let out: Out;
  let cut: number | undefined;
  const body = req.method === "GET" || req.method === "HEAD" ? {} : await readBody(req).catch(() => ({ text: undefined, tooLarge: false }));
  if (body.tooLarge) {
    out = errorFor(host, 413, 3006, "Request is too large: the body is over the 10 MB limit.");
    // The rest of the body is never read, so the connection cannot be reused.
    out.headers = { connection: "close" };
  } else {
    ctx.raw = body.text;
    ctx.seed = digest([ctx.method, ctx.path, ctx.raw ?? ""], 32);
    const faults = state.faultsFor(ctx.path);
    const status = faults.find((f): f is Fault & { kind: "status" } => f.kind === "status");
    const slow = faults.find((f): f is Fault & { kind: "slow-first-byte" } => f.kind === "slow-first-byte");
    const cutF = faults.find((f): f is Fault & { kind: "cut-stream" } => f.kind === "cut-stream");
    if (slow) await sleep(slow.ms, ctx.signal);
    if (status) out = faultOut(host, status);
    else {
      try {
        out = await route(ctx, params);
      } catch (err) {
        out = errorFor(host, 500, host === "api" ? 3043 : 2005, `Emulator error: ${(err as Error).message}`);
      }
      if (cutF && out.events) cut = cutF.afterEvents;
    }
  }
  state.record({
    host,
    method: ctx.method,
    path: ctx.path,
    query: ctx.query,
    headers: ctx.headers,
    body: body.tooLarge ? "[body over 10 MB, not kept]" : logBody(ctx.raw),
    status: out.status,
    upstream: ctx.upstream,
    logId: ctx.logId,
    cacheStatus: ctx.cacheStatus,
  });
  const h = new Headers(out.headers);
  h.set("cf-aig-log-id", ctx.logId);
  h.set("cf-aig-cache-status", ctx.cacheStatus);
  if (host === "gateway") h.set("cf-aig-request-id", ctx.logId);
  if (headers["cf-aig-event-id"]) h.set("cf-aig-event-id", headers["cf-aig-event-id"]);
  for (const [k, v] of Object.entries(ctx.extra)) h.set(k, v);
  if (out.events) {
    const outgoing = (c.env as { outgoing?: { destroy(): void } } | undefined)?.outgoing;
    return new Response(sseStream(out.events, { cutAfter: cut, onCut: outgoing ? () => outgoing.destroy() : undefined }), { status: out.status, headers: h });
  }
  if (out.binary) {
    h.set("content-type", out.binary.type);
    return new Response(out.binary.bytes, { status: out.status, headers: h });
  }
  h.set("content-type", "application/json");
  return new Response(JSON.stringify(out.json), { status: out.status, headers: h });
}

export function createApp(state: State): Hono {
  const app = new Hono();
  const rest = restRoutes();
  const gateway = gatewayRoutes();
  app.all("/client/v4/accounts/:acct/ai/*", (c) => {
    const acct = c.req.param("acct");
    const prefix = `/client/v4/accounts/${acct}/ai/`;
    const path = new URL(c.req.url).pathname;
    return pipeline(c, state, "api", rest, { acct, sub: path.slice(path.indexOf(prefix) + prefix.length) });
  });
  const gw = (c: Context) => {
    const path = new URL(c.req.url).pathname;
    const [, , acct, gwId, ...rest] = path.split("/");
    return pipeline(c, state, "gateway", gateway, { acct, gw: gwId, sub: rest.join("/") });
  };
  app.all("/v1/:acct/:gw", gw);
  app.all("/v1/:acct/:gw/*", gw);
  // Last resort: whatever goes wrong outside a route still gets a JSON error, never a crash.
  app.onError((err, c) => c.json({ result: null, success: false, errors: [{ code: 3043, message: `Emulator error: ${err.message}` }], messages: [] }, 500));
  app.notFound((c) =>
    pipeline(c, state, c.req.path.startsWith("/v1/") ? "gateway" : "api", async (ctx) => errorFor(ctx.host, 404, 7003, `Could not route to ${ctx.path}, perhaps your object identifier is invalid?`), { acct: "", sub: "" }),
  );
  return app;
}
