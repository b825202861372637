/**
 * The model listings the emulator serves, as pure functions over the catalog (no Hono, no node: imports, so the
 * in-browser emulator can use them too):
 * - `GET /client/v4/accounts/:account/ai/models/search`: Workers AI models (`@cf/…` and `@hf/…`), Cloudflare's
 *   envelope with `result_info` paging. The `result_info` fields and the filters are ASSUMED (api-facts section 8:
 *   the exact shape is not recorded); the items follow the search object of @cloudflare/workers-types
 *   (`AiModelsSearchObject`: id, source, name, description, task, tags, properties).
 * - `GET /v1/:account/:gateway/compat/models`: third-party and Workers AI models in their compat form
 *   (`{object: "list", data: [{id, object: "model", created_at, owned_by}]}`, api-facts section 1b; the cost fields
 *   are left out because the catalog has no prices).
 */
import { compatFormOf, isWorkersAiModel, models, providerOf, type Model } from "../../catalog/index.ts";

export type Listing = { status: number; body: unknown };

/** A fixed creation time for every listed model: the catalog has no dates. ASSUMED. */
const CREATED_AT = "2025-01-01 00:00:00.000";
const CREATED_UNIX = 1735689600;

/** A stable uuid-shaped id from a string (FNV-1a), so the same model has the same id in every run. */
export function stableId(seed: string): string {
  let hex = "";
  for (let round = 0; hex.length < 32; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
    hex += (h >>> 0).toString(16).padStart(8, "0");
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** One Workers AI model as /ai/models/search lists it. */
export function searchObject(m: Model): Record<string, unknown> {
  const properties: { property_id: string; value: string }[] = [];
  if (m.context_window) properties.push({ property_id: "context_window", value: String(m.context_window) });
  for (const cap of m.capabilities) if (cap !== "streaming") properties.push({ property_id: cap, value: "true" });
  if (m.lifecycle.status === "deprecated") properties.push({ property_id: "planned_deprecation_date", value: m.lifecycle.sunset ?? m.lifecycle.date });
  return {
    id: stableId(m.id),
    source: 1,
    name: m.id,
    description: m.name,
    task: { id: stableId(m.task), name: m.task, description: `${m.task} models.` },
    created_at: CREATED_AT,
    tags: [],
    properties,
  };
}

function envelopeError(status: number, message: string): Listing {
  return { status, body: { result: null, success: false, errors: [{ code: 7001, message }], messages: [] } };
}

/**
 * `GET /ai/models/search`. Filters (ASSUMED): `author`, `task` (case-insensitive, exact), `search` (substring of id
 * or name). Paging: `page` (from 1), `per_page` (1 to 1000, default 100). Retired models are not listed.
 */
export function listWorkersAiModels(query: URLSearchParams): Listing {
  const page = query.has("page") ? Number(query.get("page")) : 1;
  const perPage = query.has("per_page") ? Number(query.get("per_page")) : 100;
  if (!Number.isInteger(page) || page < 1) return envelopeError(400, `page must be a whole number from 1; got "${query.get("page")}".`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 1000) return envelopeError(400, `per_page must be a whole number from 1 to 1000; got "${query.get("per_page")}".`);
  const author = query.get("author")?.toLowerCase();
  const task = query.get("task")?.toLowerCase();
  const search = query.get("search")?.toLowerCase();
  const all = models
    .filter((m) => isWorkersAiModel(m) && m.lifecycle.status !== "retired")
    .filter((m) => !author || m.author.toLowerCase() === author)
    .filter((m) => !task || m.task.toLowerCase() === task)
    .filter((m) => !search || m.id.toLowerCase().includes(search) || m.name.toLowerCase().includes(search));
  const result = all.slice((page - 1) * perPage, page * perPage).map(searchObject);
  return {
    status: 200,
    body: { result, success: true, errors: [], messages: [], result_info: { page, per_page: perPage, count: result.length, total_count: all.length } },
  };
}

/** `GET /compat/models`: every model that is not retired and works on chat completions, in its compat form. */
export function listCompatModels(): Listing {
  const data = models
    .filter((m) => m.lifecycle.status !== "retired" && m.endpoints.includes("chat-completions"))
    .map((m) => ({ id: compatFormOf(m), object: "model", created_at: CREATED_UNIX, owned_by: providerOf(m) }));
  return { status: 200, body: { object: "list", data } };
}

/** A listing as the emulator's routes answer it. */
export function listed(l: Listing): { status: number; json: unknown } {
  return { status: l.status, json: l.body };
}
