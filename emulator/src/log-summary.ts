/**
 * Bounded request-log bodies: a body up to LOG_BODY_LIMIT bytes is kept whole (parsed when it is JSON); a larger one is
 * kept as a summary whose long strings and arrays are cut and say how much was left out. The log never holds on to a
 * 10 MB body.
 */
import { LOG_BODY_LIMIT, LOG_STRING_LIMIT } from "./contract.ts";
import { detach } from "./util.ts";

const MAX_ITEMS = 100;
const MAX_DEPTH = 20;

function summarize(value: unknown, depth = 0): unknown {
  // detach: a cut must not keep the whole body alive through V8's sliced strings.
  if (typeof value === "string") return value.length > LOG_STRING_LIMIT ? detach(`${value.slice(0, LOG_STRING_LIMIT)}… [${value.length - LOG_STRING_LIMIT} more characters not kept]`) : value;
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[nested too deep, not kept]";
  if (Array.isArray(value)) {
    const head = value.slice(0, MAX_ITEMS).map((v) => summarize(v, depth + 1));
    if (value.length > MAX_ITEMS) head.push(`[${value.length - MAX_ITEMS} more items not kept]`);
    return head;
  }
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const [k, v] of Object.entries(value)) {
    if (n++ >= MAX_ITEMS) {
      out["[not kept]"] = `${Object.keys(value).length - MAX_ITEMS} more fields`;
      break;
    }
    out[k] = summarize(v, depth + 1);
  }
  return out;
}

/** Whether a request body is large enough that its log entry (and its upstream calls) keep summaries only. */
export function isLarge(raw: string | undefined): boolean {
  return raw !== undefined && raw.length > LOG_BODY_LIMIT;
}

/** The log's copy of a body: `parsed` (or `raw` parsed) when small, else a bounded summary. */
export function logSummary(raw: string | undefined, parsed: unknown, large = isLarge(raw)): unknown {
  if (parsed === undefined && (raw === undefined || raw === "")) return null;
  if (!large) {
    if (parsed !== undefined) return parsed;
    try {
      return JSON.parse(raw as string);
    } catch {
      return raw;
    }
  }
  return summarize(parsed !== undefined ? parsed : raw);
}
