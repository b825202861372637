/**
 * Content-Security-Policy for the edge host. Starlight ships a few small inline scripts (theme, sidebar state, synced
 * tabs); instead of allowing every inline script, the build hashes the ones it actually emitted and writes those hashes
 * into dist/_headers, where public/_headers has the placeholder {INLINE_SCRIPT_HASHES}.
 */
import { createHash } from "node:crypto";

export const HASH_PLACEHOLDER = "{INLINE_SCRIPT_HASHES}";

/** Cloudflare ignores `_headers` lines longer than this. */
export const MAX_HEADER_LINE = 2000;

/** The text of every inline `<script>` (one without `src`) in an HTML document. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1];
    if (/\bsrc\s*=/i.test(attrs)) continue;
    out.push(m[2]);
  }
  return out;
}

/** `'sha256-…'` source expression for a script text, as browsers compute it (UTF-8 bytes of the element's text). */
export function scriptHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** Fills the placeholder in a _headers template with the given hashes (sorted, deduplicated) and checks line length. */
export function fillHeaders(template: string, hashes: Iterable<string>, file = "public/_headers"): string {
  if (!template.includes(HASH_PLACEHOLDER)) {
    throw new Error(`${file}: the Content-Security-Policy must contain ${HASH_PLACEHOLDER} in script-src, where the build puts the hashes of inline scripts`);
  }
  const list = [...new Set(hashes)].sort().join(" ");
  const text = template.replaceAll(HASH_PLACEHOLDER, list);
  const long = text.split("\n").find((line) => line.length > MAX_HEADER_LINE);
  if (long) throw new Error(`${file}: a header line grew to ${long.length} characters (Cloudflare's limit is ${MAX_HEADER_LINE}); too many distinct inline scripts`);
  return text;
}
