/**
 * `npm run catalog:sync`: compares the catalog with the live model lists of an account: Workers AI models from
 * `GET /client/v4/accounts/{account}/ai/models/search` (every page) and the gateway's `GET /compat/models`. Prints the
 * difference (added, removed, changed fields) and, with `--out <file>`, writes it as JSON. It changes no catalog file:
 * a person turns the proposals into overlay or snapshot edits and runs `npm run catalog:build`.
 *
 * A model the catalog lists but the account no longer does is proposed as `retired` with today's date as the day it
 * was first seen missing, never as its retirement date (no source gives that date).
 *
 * Environment: CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (without them it says so and exits 0);
 * CLOUDFLARE_GATEWAY_ID (default "default"); CATALOG_SYNC_API_ORIGIN (default https://api.cloudflare.com) and
 * CATALOG_SYNC_GATEWAY_ORIGIN (default https://gateway.ai.cloudflare.com) to point it elsewhere, for example at the
 * emulator in tests; CATALOG_SYNC_PER_PAGE (default 100) for the page size of models/search.
 */
import { writeFileSync } from "node:fs";
import { findModel, isWorkersAiModel, models as catalogModels, providerOf, restFormOf, type Model } from "../catalog/index.ts";

export type SearchObject = { name: string; task?: { name?: string }; properties?: { property_id: string; value: unknown }[] };
export type CompatModel = { id: string; owned_by?: string };
export type Live = { workersAi: SearchObject[]; compat: CompatModel[] };

export type SyncDiff = {
  checked: { workers_ai: number; compat: number };
  added: { list: "models/search" | "compat/models"; id: string; task?: string }[];
  removed: { id: string; list: "models/search" | "compat/models"; proposal: { status: "retired"; first_seen_missing: string; date: null; note: string } }[];
  changed: { id: string; field: string; catalog: unknown; live: unknown }[];
};

const PER_PAGE = 100;

/** The difference between the live lists and the catalog. `today` is an ISO date (the day the lists were read). */
export function diffCatalog(live: Live, models: readonly Model[], today: string): SyncDiff {
  const diff: SyncDiff = { checked: { workers_ai: live.workersAi.length, compat: live.compat.length }, added: [], removed: [], changed: [] };
  const missing = (id: string, list: "models/search" | "compat/models") =>
    diff.removed.push({
      id,
      list,
      proposal: { status: "retired", first_seen_missing: today, date: null, note: `not listed by GET ${list} on ${today}; the retirement date is unknown: find it in a source before setting lifecycle.date` },
    });

  // Workers AI: /ai/models/search.
  const seen = new Set<string>();
  for (const item of live.workersAi) {
    const m = findModel(item.name)?.model;
    if (!m) {
      diff.added.push({ list: "models/search", id: item.name, task: item.task?.name });
      continue;
    }
    seen.add(m.id);
    if (m.lifecycle.status === "retired") diff.changed.push({ id: m.id, field: "lifecycle.status", catalog: "retired", live: "listed" });
    if (item.task?.name && item.task.name !== m.task) diff.changed.push({ id: m.id, field: "task", catalog: m.task, live: item.task.name });
    const props = new Map((item.properties ?? []).map((p) => [p.property_id, p.value]));
    const ctx = props.get("context_window");
    if (ctx !== undefined && Number(ctx) !== m.context_window) diff.changed.push({ id: m.id, field: "context_window", catalog: m.context_window ?? null, live: Number(ctx) });
    for (const cap of ["function_calling", "reasoning", "vision"] as const) {
      const says = props.get(cap);
      if (says === undefined) continue;
      const liveHas = String(says) === "true";
      if (liveHas !== m.capabilities.includes(cap)) diff.changed.push({ id: m.id, field: `capabilities.${cap}`, catalog: m.capabilities.includes(cap), live: liveHas });
    }
  }
  for (const m of models) if (isWorkersAiModel(m) && m.lifecycle.status !== "retired" && !seen.has(m.id)) missing(m.id, "models/search");

  // Third-party (and Workers AI) models on the gateway: /compat/models.
  const seenCompat = new Set<string>();
  for (const item of live.compat) {
    const rest = restFormOf(item.id);
    const m = rest ? findModel(rest)?.model : undefined;
    if (!m) {
      diff.added.push({ list: "compat/models", id: item.id });
      continue;
    }
    seenCompat.add(m.id);
    if (item.owned_by && item.owned_by !== providerOf(m)) diff.changed.push({ id: m.id, field: "provider", catalog: providerOf(m), live: item.owned_by });
  }
  for (const m of models) {
    if (isWorkersAiModel(m) || m.lifecycle.status === "retired" || !m.endpoints.includes("chat-completions")) continue;
    if (!seenCompat.has(m.id)) missing(m.id, "compat/models");
  }
  diff.added.sort((a, b) => a.id.localeCompare(b.id));
  diff.removed.sort((a, b) => a.id.localeCompare(b.id));
  return diff;
}

async function getJson(url: string, headers: Record<string, string>): Promise<any> {
  let res: Response;
  try {
    res = await fetch(url, { headers });
  } catch (e) {
    throw new Error(`GET ${url} failed: ${(e as Error).message}`);
  }
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`GET ${url} answered ${res.status} with a body that is not JSON: ${text.slice(0, 120)}`);
  }
}

/** Reads every page of /ai/models/search and the gateway's /compat/models. */
export async function readLive(env: Record<string, string | undefined>): Promise<Live> {
  const account = env.CLOUDFLARE_ACCOUNT_ID!;
  const token = env.CLOUDFLARE_API_TOKEN!;
  const api = (env.CATALOG_SYNC_API_ORIGIN ?? "https://api.cloudflare.com").replace(/\/$/, "");
  const gatewayOrigin = (env.CATALOG_SYNC_GATEWAY_ORIGIN ?? "https://gateway.ai.cloudflare.com").replace(/\/$/, "");
  const gateway = env.CLOUDFLARE_GATEWAY_ID ?? "default";
  const perPage = Number(env.CATALOG_SYNC_PER_PAGE ?? PER_PAGE);
  const workersAi: SearchObject[] = [];
  for (let page = 1; page < 1000; page++) {
    const url = `${api}/client/v4/accounts/${account}/ai/models/search?per_page=${perPage}&page=${page}`;
    const body = await getJson(url, { authorization: `Bearer ${token}` });
    const result: SearchObject[] = Array.isArray(body?.result) ? body.result : [];
    workersAi.push(...result);
    const total = body?.result_info?.total_count;
    if (!result.length || (typeof total === "number" ? workersAi.length >= total : result.length < perPage)) break;
  }
  const compatBody = await getJson(`${gatewayOrigin}/v1/${account}/${gateway}/compat/models`, { "cf-aig-authorization": `Bearer ${token}` });
  const compat: CompatModel[] = Array.isArray(compatBody?.data) ? compatBody.data : [];
  return { workersAi, compat };
}

export function formatDiff(d: SyncDiff): string {
  const lines = [`catalog:sync: read ${d.checked.workers_ai} Workers AI models (models/search) and ${d.checked.compat} gateway models (compat/models)`];
  lines.push(`  added (listed live, not in the catalog): ${d.added.length}`);
  for (const a of d.added) lines.push(`    + ${a.id}  (${a.list}${a.task ? `, ${a.task}` : ""})`);
  lines.push(`  removed (in the catalog, not listed live): ${d.removed.length}`);
  for (const r of d.removed) lines.push(`    - ${r.id}  (${r.list}): propose lifecycle "retired", first seen missing ${r.proposal.first_seen_missing}; retirement date unknown`);
  lines.push(`  changed fields: ${d.changed.length}`);
  for (const c of d.changed) lines.push(`    ~ ${c.id} ${c.field}: catalog ${JSON.stringify(c.catalog)}, live ${JSON.stringify(c.live)}`);
  if (!d.added.length && !d.removed.length && !d.changed.length) lines.push("  the catalog matches the live lists");
  return lines.join("\n");
}

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  if (!env.CLOUDFLARE_ACCOUNT_ID || !env.CLOUDFLARE_API_TOKEN) {
    console.log("catalog:sync: set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN to compare the catalog with your account's model lists; nothing was compared.");
    return 0;
  }
  const outAt = argv.indexOf("--out");
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (outAt >= 0 && !out) {
    console.error("catalog:sync: --out needs a file name, e.g. --out catalog-sync.json");
    return 1;
  }
  let live: Live;
  try {
    live = await readLive(env);
  } catch (e) {
    console.error(`catalog:sync: ${(e as Error).message}`);
    return 1;
  }
  const diff = diffCatalog(live, catalogModels, new Date().toISOString().slice(0, 10));
  console.log(formatDiff(diff));
  if (out) {
    writeFileSync(out, `${JSON.stringify(diff, null, 2)}\n`);
    console.log(`  wrote ${out}`);
  }
  return 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
