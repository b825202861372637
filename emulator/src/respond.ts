/** How every answer leaves the emulator: the handler wrapper, the cf-aig-* response headers, the body and the log entry. */
import type { Context } from "hono";
import { CODES, LOG_UPSTREAM_LIMIT } from "./contract.ts";
import type { Ctx } from "./ctx.ts";
import { gatewayError, restError, type Out } from "./errors.ts";
import { isLarge, logSummary } from "./log-summary.ts";
import { sseStream, yieldToEventLoop } from "./sse.ts";
import type { Host, LogEntry } from "./types.ts";

export type AppEnv = { Variables: { ctx: Ctx } };
export type Handler = (ctx: Ctx) => Promise<Out> | Out;

export function errorFor(host: Host, status: number, code: number, message: string): Out {
  return host === "api" ? restError(status, code, message) : gatewayError(status, code, message);
}

/** Turns a handler's Out into the Response and records the request in the log. */
export function send(c: Context<AppEnv>, out: Out): Response {
  const ctx = c.get("ctx");
  ctx.state.record(logEntry(ctx, out));
  const h = new Headers(out.headers);
  h.set("cf-aig-log-id", ctx.logId);
  h.set("cf-aig-cache-status", ctx.cacheStatus);
  if (ctx.host === "gateway") h.set("cf-aig-request-id", ctx.logId);
  if (ctx.headers["cf-aig-event-id"]) h.set("cf-aig-event-id", ctx.headers["cf-aig-event-id"]);
  for (const [k, v] of Object.entries(ctx.extra)) h.set(k, v);
  if (out.events) {
    const outgoing = (c.env as { outgoing?: { destroy(): void } } | undefined)?.outgoing;
    return new Response(sseStream(out.events, { cutAfter: ctx.cutAfter, onCut: outgoing ? () => outgoing.destroy() : undefined }), { status: out.status, headers: h });
  }
  if (out.binary) {
    h.set("content-type", out.binary.type);
    return new Response(out.binary.bytes, { status: out.status, headers: h });
  }
  h.set("content-type", "application/json");
  return new Response(JSON.stringify(out.json), { status: out.status, headers: h });
}

function logEntry(ctx: Ctx, out: Out): LogEntry {
  const large = isLarge(ctx.raw);
  return {
    host: ctx.host,
    method: ctx.method,
    path: ctx.path,
    query: ctx.query,
    headers: ctx.headers,
    body: logSummary(ctx.raw, ctx.json),
    status: out.status,
    upstream: ctx.upstream.slice(0, LOG_UPSTREAM_LIMIT).map((u) => (large ? { ...u, body: logSummary(undefined, u.body, true) } : u)),
    logId: ctx.logId,
    cacheStatus: ctx.cacheStatus,
  };
}

/** Runs a handler; an exception becomes a 500 in the host's error format (no valid input may crash the server). */
export function route(fn: Handler) {
  return async (c: Context<AppEnv>) => {
    const ctx = c.get("ctx");
    let out: Out;
    // Between reading a large body and parsing it, let other requests run (one large request should not hold them up).
    if (isLarge(ctx.raw)) await yieldToEventLoop();
    try {
      out = await fn(ctx);
    } catch (err) {
      out = errorFor(ctx.host, 500, ctx.host === "api" ? CODES.emulatorError : CODES.gatewayBadRequest, `Emulator error: ${(err as Error).message}`);
    }
    return send(c, out);
  };
}

