/** Offsets → line:column, and the lexers that pull reader-visible strings out of prose and code. */
import { tokenizer } from "acorn";
import { isWorkersAiId, WORKERS_AI } from "../../catalog/forms.ts";

/** Maps string offsets to 1-based line and column. */
export class LineIndex {
  private starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  pos(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? 0) + column - 1;
  }
}

/** A piece of text at an offset of the file it came from. */
export type Piece = { text: string; offset: number };

const DELIMITERS = /[^\s"'`,;(){}[\]<>|=\\*]+/g;
const NAME = /^[a-z0-9][a-z0-9._-]*$/;
/** A whole Workers AI id (`@cf/…` or `@hf/…`), as opposed to prose about the form (`@cf/{author}/{model}`). */
const WAI_ID = /^@[a-z]{2}\/[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.:-]*$/;

/**
 * Model-id candidates in a run of text (prose, a string literal, a shell word, a YAML value).
 * A candidate is a whole token: `@cf/<author>/<model>`, `workers-ai/@cf/…`, `<prefix>/<name>` where the prefix is a
 * known author or provider slug, or the model part of a run URL (`…/ai/run/<model>`). URLs and paths whose first
 * segment is not such a prefix (`https://x/openai/y`, `src/lib/foo`, `/ai/run/`) are not candidates.
 */
export function idCandidates(text: string, prefixes: ReadonlySet<string>): { id: string; index: number }[] {
  const out: { id: string; index: number }[] = [];
  if (!text.includes("/")) return out; // most prose: nothing id-shaped
  for (const m of text.matchAll(DELIMITERS)) {
    if (!m[0].includes("/")) continue;
    let token = m[0];
    let index = m.index;
    // Prose punctuation around a token: "(see openai/gpt-4.1)." or "`x`:"
    const lead = /^[.:!?]+/.exec(token)?.[0].length ?? 0;
    token = token.slice(lead).replace(/[.:!?]+$/, "");
    index += lead;
    const c = tokenCandidate(token, prefixes);
    if (c) out.push({ id: c.id, index: index + c.at });
  }
  return out;
}

function tokenCandidate(token: string, prefixes: ReadonlySet<string>): { id: string; at: number } | null {
  const run = token.indexOf("/ai/run/");
  if (run >= 0) {
    const rest = token.slice(run + 8).replace(/[?#].*$/, "");
    // `/ai/run/{model}`, `/ai/run/$MODEL`, `/ai/run/:model` are placeholders, not ids.
    if (/^[@a-z0-9]/.test(rest) && rest.includes("/") && /^[@a-z0-9/._-]+$/.test(rest))
      return { id: rest, at: run + 8 };
    return null;
  }
  if (token.includes("://")) return null;
  if (isWorkersAiId(token)) {
    // `@cf/`, `@cf/…`, `@cf/{author}/{model}` are how prose talks about the form, not ids.
    return WAI_ID.test(token.replace(`${WORKERS_AI}/`, "")) ? { id: token, at: 0 } : null;
  }
  const segs = token.split("/");
  if (segs.length === 2 && prefixes.has(segs[0]) && NAME.test(segs[1])) return { id: token, at: 0 };
  if (segs.length === 3 && segs[0] === "openrouter" && prefixes.has(segs[1]) && NAME.test(segs[2]))
    return { id: token, at: 0 };
  const cf = token.search(/\/@(cf|hf)\//);
  if (cf > 0 && WAI_ID.test(token.slice(cf + 1))) return { id: token.slice(cf + 1), at: cf + 1 };
  return null;
}

export type JsString = Piece & { kind: "string" | "comment"; moduleSpecifier: boolean };

/**
 * String literals, template-literal text and comments of JavaScript/TypeScript (or JSON) source, by token, so code
 * such as `a / b` or `import x from "openai/helpers"` is told apart from a model id in a string.
 */
export function jsStrings(code: string): JsString[] {
  const out: JsString[] = [];
  let prev = "";
  let prevPrev = "";
  try {
    const tokens = tokenizer(code, {
      ecmaVersion: "latest",
      sourceType: "module",
      allowHashBang: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      onComment: (_block, text, start) => {
        out.push({ text, offset: start + 2, kind: "comment", moduleSpecifier: false });
      },
    });
    for (const t of tokens) {
      const label = t.type.label;
      if (label === "string") {
        const spec =
          prev === "from" || prev === "import" || (prev === "(" && (prevPrev === "import" || prevPrev === "require"));
        out.push({
          text: code.slice(t.start + 1, t.end - 1),
          offset: t.start + 1,
          kind: "string",
          moduleSpecifier: spec,
        });
      } else if (label === "template") {
        out.push({ text: code.slice(t.start, t.end), offset: t.start, kind: "string", moduleSpecifier: false });
      }
      prevPrev = prev;
      prev = label === "name" || t.type.keyword ? code.slice(t.start, t.end) : label;
    }
  } catch {
    // Syntax acorn does not know (decorators, some TypeScript): fall back to quoted runs from where it stopped.
    const seen = out.length ? out[out.length - 1].offset : 0;
    for (const m of code.slice(seen).matchAll(/(["'`])((?:\\.|(?!\1)[^\\\n])*)\1/g)) {
      const before = code.slice(Math.max(0, seen + m.index - 12), seen + m.index);
      out.push({
        text: m[2],
        offset: seen + m.index + 1,
        kind: "string",
        moduleSpecifier: /\b(from|import|require\()\s*\(?\s*$/.test(before),
      });
    }
  }
  return out;
}

/** Languages whose fences are lexed as JavaScript; everything else (sh, http, text, yaml) is read as words. */
export const JS_LANGS = new Set([
  "js",
  "javascript",
  "mjs",
  "cjs",
  "ts",
  "typescript",
  "mts",
  "tsx",
  "jsx",
  "json",
  "jsonc",
]);

/** Placeholder-looking values after `Bearer`: `$TOKEN`, `${token}`, `<API_TOKEN>`, `{api_token}`, `YOUR_TOKEN`, `xxxx`. */
function isPlaceholder(v: string): boolean {
  if (/^[$<{%]/.test(v)) return true;
  if (/^[A-Z0-9_]+$/.test(v)) return true;
  if (/your|token|example|placeholder|redacted|x{4,}|\.{3}/i.test(v)) return true;
  return false;
}

/**
 * Secret-shaped strings: Cloudflare API tokens after `Bearer`, `sk-…` provider keys, and any literal (non-placeholder)
 * bearer credential. A word like `sk-learn` or `task-sk-1` is not a key: keys are long and mix letters and digits.
 */
export function findSecrets(text: string): { index: number; length: number; message: string }[] {
  const out: { index: number; length: number; message: string }[] = [];
  for (const m of text.matchAll(/(?<![\w-])sk-(?:proj-|ant-(?:api\d+-)?|or-v1-)?[A-Za-z0-9_-]{20,}/g)) {
    if (/\d/.test(m[0]) && /[A-Za-z]/.test(m[0].slice(3))) {
      out.push({
        index: m.index,
        length: m[0].length,
        message: `a provider API key (\`${m[0].slice(0, 8)}…\`) is written out`,
      });
    }
  }
  for (const m of text.matchAll(/api[_-]?token["']?\s*[=:]\s*["']?([A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/gi)) {
    const v = m[1];
    if (isPlaceholder(v)) continue;
    out.push({
      index: m.index + m[0].length - v.length,
      length: v.length,
      message: `a Cloudflare API token (\`${v.slice(0, 6)}…\`) is written out`,
    });
  }
  for (const m of text.matchAll(/\bBearer\s+([^\s"'`,;)]+)/g)) {
    const v = m[1];
    if (isPlaceholder(v) || out.some((o) => o.index >= m.index && o.index < m.index + m[0].length)) continue;
    if (v.length < 12) continue;
    const what = /^[A-Za-z0-9_-]{40}$/.test(v) ? "a Cloudflare API token" : "a literal bearer token";
    out.push({
      index: m.index + m[0].length - v.length,
      length: v.length,
      message: `${what} (\`${v.slice(0, 6)}…\`) is written out`,
    });
  }
  return out;
}
