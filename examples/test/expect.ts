/**
 * Assertion helpers for the examples tests. Every failure message starts with the run's name (`<example id> [form]`)
 * and carries the example's output, so a failing example says which file to open and what it printed.
 */
import type { LogEntry, UpstreamCall } from "../../emulator/src/types.ts";
import type { RunResult } from "../harness/run.ts";

export class ExampleFailure extends Error {}

export type CheckContext = {
  /** True in live mode (the real API): no emulator log, no faults, answers vary. */
  live: boolean;
  run: RunResult;
  /** The requests the emulator answered for this run, in order (always empty in live mode). */
  entries: LogEntry[];
  accountId: string;
  apiToken: string;
};

export function describeRun(run: RunResult): string {
  const out = run.stdout.trim() || "(nothing)";
  const err = run.stderr.trim() || "(nothing)";
  return `${run.id} [${run.form}] (${run.command}, exit code ${run.code})\n--- stdout\n${out}\n--- stderr\n${err}`;
}

/** Fails the test with the run's name, a reason and everything the example printed. */
export function fail(ctx: CheckContext, reason: string): never {
  throw new ExampleFailure(`${ctx.run.id} [${ctx.run.form}]: ${reason}\n${describeRun(ctx.run)}`);
}

export function check(ctx: CheckContext, ok: unknown, reason: string): void {
  if (!ok) fail(ctx, reason);
}

/** stdout parsed as JSON (curl examples print the response body). `--write-out` lines after the body are ignored. */
export function json<T = any>(ctx: CheckContext, text = ctx.run.stdout): T {
  const body = text.trim();
  const end = Math.max(body.lastIndexOf("}"), body.lastIndexOf("]"));
  try {
    return JSON.parse(body.slice(0, end + 1)) as T;
  } catch {
    return fail(ctx, "stdout is not a JSON body");
  }
}

/** The `data:` payloads of a server-sent-event stream (stdout of a streaming curl example), [DONE] included. */
export function sseData(ctx: CheckContext): string[] {
  const data = ctx.run.stdout
    .split("\n")
    .filter((l) => l.startsWith("data:"))
    .map((l) => l.slice(5).trim());
  check(ctx, data.length > 0, "expected server-sent events on stdout");
  return data;
}

/** The `event:` names of a server-sent-event stream. */
export function sseEvents(ctx: CheckContext): string[] {
  return ctx.run.stdout
    .split("\n")
    .filter((l) => l.startsWith("event:"))
    .map((l) => l.slice(6).trim());
}

/** Lines of stdout, without blank ones. */
export function lines(ctx: CheckContext, text = ctx.run.stdout): string[] {
  return text.split("\n").map((l) => l.trimEnd()).filter(Boolean);
}

/** The one request this run made (emulator only). */
export function only(ctx: CheckContext): LogEntry {
  check(ctx, ctx.entries.length === 1, `expected exactly 1 request to the emulator, got ${ctx.entries.length}`);
  return ctx.entries[0];
}

export function upstreamOf(ctx: CheckContext, provider: string): UpstreamCall[] {
  return ctx.entries.flatMap((e) => e.upstream).filter((u) => u.provider === provider);
}

/** No third-party provider received the Cloudflare API token, in any header. */
export function noTokenUpstream(ctx: CheckContext): void {
  for (const call of ctx.entries.flatMap((e) => e.upstream)) {
    if (call.provider === "workers-ai") continue;
    const leaked = Object.entries(call.headers).filter(([, v]) => v.includes(ctx.apiToken));
    check(ctx, leaked.length === 0, `the Cloudflare API token reached ${call.provider} in ${leaked.map(([k]) => k).join(", ")}`);
  }
}

/** The run's path relative to the REST base (`/client/v4/accounts/{id}/ai/`) or the gateway base (`/v1/{id}/`). */
export function route(ctx: CheckContext, entry: LogEntry): string {
  const rest = `/client/v4/accounts/${ctx.accountId}/ai/`;
  const gateway = `/v1/${ctx.accountId}/`;
  if (entry.path.startsWith(rest)) return `rest:${entry.path.slice(rest.length)}`;
  if (entry.path.startsWith(gateway)) return `gateway:${entry.path.slice(gateway.length)}`;
  return entry.path;
}
