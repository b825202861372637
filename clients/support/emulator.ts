/**
 * What the client suites share: an emulator per test file, and fetch functions that change only where traffic goes
 * (https://api.cloudflare.com and https://gateway.ai.cloudflare.com become the emulator's origin; nothing else changes).
 */
import { afterAll, beforeAll } from "vitest";
import { DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID, type Emulator, type LogEntry, type UpstreamCall } from "../../emulator/src/index.ts";

export const TOKEN = DEFAULT_API_TOKEN;
export const ACCOUNT = EXAMPLE_ACCOUNT_ID;
export const LLAMA = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
export const CLOUDFLARE_ORIGINS = ["https://api.cloudflare.com", "https://gateway.ai.cloudflare.com"];
/** Provider keys shaped like real ones (the emulated providers check the shape). */
export const KEYS = { openai: "sk-proj-clientsuite0123456789abcdefghij", openrouter: "sk-or-v1-clientsuite0123456789abcdef0123456789abcdef" };

/** The REST API base and the gateway base of the emulated account, as the real clients would spell them. */
export const REST = `https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/ai`;
export const GATEWAY = (gateway = "default") => `https://gateway.ai.cloudflare.com/v1/${ACCOUNT}/${gateway}`;

/** One emulator for the test file (the emulator suite's helper). */
export { useEmulator } from "../../emulator/test/helpers.ts";

/** A fetch that sends requests for Cloudflare's two hosts to `origin`, unchanged otherwise. */
export function redirectingFetch(origin: () => string, base: typeof fetch = globalThis.fetch): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(`${origin()}/`)) return base(input, init); // already redirected (a custom fetch over the redirected global)
    const from = CLOUDFLARE_ORIGINS.find((o) => url.startsWith(o));
    if (!from) throw new Error(`client suite: a request left for ${url}; only Cloudflare's hosts are redirected to the emulator`);
    const target = origin() + url.slice(from.length);
    return input instanceof Request ? base(new Request(target, input), init) : base(target, init);
  }) as typeof fetch;
}

/**
 * For libraries that call the global fetch themselves (ai-gateway-provider builds gateway.ai.cloudflare.com URLs and
 * has no fetch option): the global fetch is redirected for the test file, and restored after it.
 */
export function redirectGlobalFetch(origin: () => string) {
  const original = globalThis.fetch;
  beforeAll(() => {
    globalThis.fetch = redirectingFetch(origin, original);
  });
  afterAll(() => {
    globalThis.fetch = original;
  });
}

/** The upstream calls of the emulator's last request (what each provider received). */
export function lastUpstream(emu: Emulator): UpstreamCall[] {
  return (emu.log.entries.at(-1) as LogEntry).upstream;
}

/** The status and message of an AI SDK APICallError (or any error), for assertions. */
export function errorOf(e: unknown): { status?: number; message: string; body?: string } {
  const err = e as { statusCode?: number; status?: number; message?: string; responseBody?: string; lastError?: unknown };
  if (err.lastError) return errorOf(err.lastError);
  return { status: err.statusCode ?? err.status, message: String(err.message), body: err.responseBody };
}
