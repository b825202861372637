/** Whitespace-separated words: the emulator's notion of a token (use on bounded text only; see wordCount). */
export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** How many whitespace-separated words `text` has, without allocating them (safe on a 10 MB string). */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \s: ASCII space and 9-13, then the Unicode spaces (checked only above 127).
    const space = c < 128 ? c === 32 || (c >= 9 && c <= 13) : c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    if (space) inWord = false;
    else if (!inWord) (inWord = true), n++;
  }
  return n;
}

/**
 * A copy of `text` that does not share memory with the string it was cut from. V8 keeps a slice of a string as a view
 * into the whole, so a 200-character cut of a 10 MB body would keep the 10 MB alive for as long as the cut is kept
 * (in the request log or the cache). Use on every cut that outlives the request.
 */
export function detach(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** At most `max` characters of `text`, with an ellipsis when cut: what the emulator echoes back of user input. */
export function clip(text: string, max = 200): string {
  return text.length > max ? detach(`${text.slice(0, max)}…`) : text;
}

/** Lower-cases header names (HTTP header names are case-insensitive, RFC 9110 section 5.1). */
export function lowerHeaders(h: Headers | Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  if (h instanceof Headers) h.forEach((v, k) => (out[k.toLowerCase()] = v));
  else for (const [k, v] of Object.entries(h)) if (typeof v === "string") out[k.toLowerCase()] = v;
  return out;
}

const SECRET_HEADERS = new Set([
  "authorization",
  "cf-aig-authorization",
  "x-api-key",
  "x-goog-api-key",
  "api-key",
  "proxy-authorization",
  "cookie",
]);

function redactValue(value: string): string {
  const m = /^(bearer|basic)\s+(.*)$/i.exec(value);
  const scheme = m ? `${m[1]} ` : "";
  const secret = m ? m[2] : value;
  return secret.length <= 8 ? `${scheme}[redacted]` : `${scheme}${secret.slice(0, 4)}…[redacted]`;
}

/**
 * Copy of `headers` fit for printing: credentials keep their scheme and first four characters only.
 * Names are matched case-insensitively and returned lower-cased.
 */
export function redactHeaders(headers: Record<string, string> | Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(lowerHeaders(headers))) out[k] = SECRET_HEADERS.has(k) ? redactValue(v) : v;
  return out;
}

/** Redacts a `key=` query parameter (Google AI Studio accepts the key there). */
export function redactQuery(query: Record<string, string>): Record<string, string> {
  const out = { ...query };
  if (out.key) out.key = redactValue(out.key);
  return out;
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });

/** "a", "a and b", "a, b and c". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
