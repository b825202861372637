/**
 * Test harness preload (`node --import examples/harness/redirect.ts example.ts`): sends the example's requests to the
 * emulator instead of Cloudflare. It changes only the origin of URLs on api.cloudflare.com and
 * gateway.ai.cloudflare.com to EMULATOR_URL; paths, headers and bodies pass through untouched. Without EMULATOR_URL
 * (live mode) it does nothing.
 */
const target = process.env.EMULATOR_URL?.replace(/\/+$/, "");
const ORIGINS = ["https://api.cloudflare.com", "https://gateway.ai.cloudflare.com"];

/** `https://api.cloudflare.com/client/v4/…` → `${EMULATOR_URL}/client/v4/…`; any other URL unchanged. */
export function redirectUrl(url: string, to: string): string {
  for (const origin of ORIGINS) {
    if (url === origin || url.startsWith(origin + "/") || url.startsWith(origin + "?")) return to + url.slice(origin.length);
  }
  return url;
}

if (target) {
  const realFetch = globalThis.fetch;
  globalThis.fetch = function fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    if (typeof input === "string") return realFetch(redirectUrl(input, target), init);
    if (input instanceof URL) return realFetch(new URL(redirectUrl(input.href, target)), init);
    const moved = redirectUrl(input.url, target);
    return realFetch(moved === input.url ? input : new Request(moved, input), init);
  };
}
