/**
 * Merges the catalog's sources into the entries of catalog/generated/models.json: the Workers AI models of
 * @cloudflare/workers-types, the facts-only snapshot of Cloudflare's third-party model files, and the hand-kept
 * overlay. Pure: the CLI (tools/catalog-build.ts) reads the files and writes the result.
 */
import { z } from "zod";
import { fieldSchema, type Endpoint, type ModelInput, type Task, TASKS } from "../../catalog/schema.ts";
import { validateCatalog } from "../../catalog/validate.ts";
import { overlayEntrySchema, type OverlayEntry } from "./overlay-schema.ts";
import type { JsonSchema, WorkersAiModel } from "./workers-types.ts";

export const SNAPSHOT_FILE = "catalog/sources/catalog-models.json";
export const OVERLAY_FILE = "catalog/overlay.ts";
export const GENERATED_FILE = "catalog/generated/models.json";

/** One third-party model file as read (facts only). */
export const snapshotEntrySchema = z
  .object({
    model_id: z.string().regex(/^[a-z0-9][a-z0-9.-]*\/[a-z0-9][a-z0-9._-]*$/, "an author/model id"),
    provider_id: z.string().min(1),
    name: z.string().min(1),
    task: z.enum(TASKS),
    context_length: z.number().int().positive().nullable(),
    max_output_tokens: z.number().int().positive().nullable(),
    source_path: z.string().regex(/^src\/content\/catalog-models\/[^/]+\.json$/, "a path under src/content/catalog-models/"),
    source_commit: z.string().regex(/^[0-9a-f]{40}$/, "a 40-hex commit"),
    request_formats: z.array(z.string()).optional(),
    inputs: z.array(fieldSchema).optional(),
  })
  .strict();
export type SnapshotEntry = z.output<typeof snapshotEntrySchema>;

export type BuildInputs = {
  workersTypes: { version: string; models: WorkersAiModel[] };
  snapshot: unknown[];
  overlay: Record<string, OverlayEntry>;
  sameModelAs: Record<string, { id: string; source: string }>;
  /** The entries of the previous build, to mark Workers AI models that vanished from workers-types. */
  previous: ModelInput[];
};

export type BuildResult = {
  models: ModelInput[];
  schemas: Record<string, JsonSchema>;
  added: string[];
  vanished: string[];
};

export class BuildError extends Error {}

const WORKERS_TYPES = "@cloudflare/workers-types";

/** Endpoints a Workers AI model of a task works on (the Workers AI OpenAI-compatibility page names these). */
function workersAiEndpoints(task: Task): Endpoint[] {
  if (task === "Text Generation") return ["run", "chat-completions"];
  if (task === "Text Embeddings") return ["run", "embeddings"];
  return ["run"];
}

/** Endpoints the samples of a third-party model file call, by provider and task (see README "Add a model"). */
function thirdPartyEndpoints(e: SnapshotEntry): Endpoint[] {
  if (e.task !== "Text Generation") return ["run"];
  if (e.provider_id === "anthropic") return ["messages"];
  if (e.provider_id === "google") return ["run"];
  const out: Endpoint[] = ["chat-completions"];
  if (e.request_formats?.includes("responses")) out.push("responses");
  return out;
}

const short = (commit: string) => commit.slice(0, 12);

export function buildCatalog(inputs: BuildInputs): BuildResult {
  const problems: string[] = [];
  const byId = new Map<string, ModelInput>();
  const schemas: Record<string, JsonSchema> = {};
  const wt = inputs.workersTypes;

  // 1. Workers AI models of @cloudflare/workers-types.
  for (const m of wt.models) {
    const [, author, name] = m.id.split("/");
    const task = m.task ?? inputs.overlay[m.id]?.task;
    if (!task) {
      problems.push(`${WORKERS_TYPES} ${wt.version}: AiModels["${m.id}"] (${m.typeName}): task: cannot tell it from the types; add \`task\` to ${OVERLAY_FILE} for "${m.id}"`);
      continue;
    }
    schemas[m.inputTypeName] = m.inputSchema;
    const capabilities = [...(m.takesTools ? ["function_calling" as const] : []), ...(m.streams ? ["streaming" as const] : [])];
    byId.set(m.id, {
      id: m.id,
      author,
      name,
      task,
      endpoints: workersAiEndpoints(task),
      capabilities,
      lifecycle: { status: "active" },
      billing: "workers-ai",
      source: `${WORKERS_TYPES} ${wt.version} (AiModels["${m.id}"]: ${m.typeName})${m.taskFrom === "types" && !inputs.overlay[m.id]?.task ? "; task inferred from its input and output types" : ""}`,
      inputs: m.inputs,
      outputs: m.outputs,
      input_schema: m.inputTypeName,
    });
  }

  // 2. Third-party model files (snapshot).
  inputs.snapshot.forEach((raw, i) => {
    const label = typeof (raw as { model_id?: unknown })?.model_id === "string" ? ` (${(raw as { model_id: string }).model_id})` : "";
    const parsed = snapshotEntrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${SNAPSHOT_FILE}: entry ${i}${label}: ${issue.path.join(".") || "(entry)"}: ${issue.message}`);
      return;
    }
    const e = parsed.data;
    const fileSource = `Cloudflare model file (cloudflare-docs ${e.source_path} @ ${short(e.source_commit)})`;
    const same = inputs.sameModelAs[e.model_id];
    const id = same?.id ?? e.model_id;
    const entry: ModelInput = {
      id,
      author: e.provider_id,
      name: e.name,
      task: e.task,
      endpoints: thirdPartyEndpoints(e),
      lifecycle: { status: "active" },
      source: fileSource,
      ...(e.context_length ? { context_window: e.context_length } : {}),
      ...(e.max_output_tokens ? { max_output_tokens: e.max_output_tokens } : {}),
      ...(e.inputs ? { inputs: e.inputs } : {}),
    };
    if (same) entry.aliases = [{ id: e.model_id, context: "rest", source: `${fileSource} spells it ${e.model_id}; ${same.source}` }];
    if (byId.has(id)) problems.push(`${SNAPSHOT_FILE}: entry ${i}${label}: model_id: "${id}" is listed twice`);
    byId.set(id, entry);
  });

  // 3. Workers AI models of the previous build that workers-types no longer lists: kept, and marked for review.
  const current = new Set(wt.models.map((m) => m.id));
  const vanished: string[] = [];
  for (const prev of inputs.previous) {
    if (byId.has(prev.id) || !prev.source.startsWith(WORKERS_TYPES)) continue;
    vanished.push(prev.id);
    const decided = inputs.overlay[prev.id]?.lifecycle !== undefined;
    const since = /@cloudflare\/workers-types (\S+)/.exec(prev.source)?.[1] ?? "an earlier version";
    byId.set(prev.id, {
      ...prev,
      ...(decided ? {} : { review: prev.review ?? `${WORKERS_TYPES} ${wt.version} no longer lists this model (last listed in ${since}): decide its lifecycle in ${OVERLAY_FILE}` }),
    });
  }
  // 4. The overlay: facts the sources do not state, and models only the overlay knows.
  for (const [id, raw] of Object.entries(inputs.overlay)) {
    const parsed = overlayEntrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${OVERLAY_FILE}: entry "${id}": ${issue.path.join(".") || "(entry)"}: ${issue.message}`);
      continue;
    }
    const o = raw;
    const generated = byId.get(id);
    if (!generated) {
      const missing = (["name", "task", "endpoints", "lifecycle"] as const).filter((k) => o[k] === undefined);
      if (missing.length) {
        problems.push(`${OVERLAY_FILE}: entry "${id}": ${missing.join(", ")}: no generated source lists this model, so the overlay must give ${missing.join(", ")}`);
        continue;
      }
      byId.set(id, { id, author: authorOf(id), ...(id.startsWith("@") ? { billing: "workers-ai" as const } : {}), ...o } as ModelInput);
      continue;
    }
    const aliases = [...(generated.aliases ?? []), ...(o.aliases ?? [])].filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
    byId.set(id, { ...generated, ...o, aliases, source: `${generated.source}; overlay: ${o.source}` } as ModelInput);
  }

  const added = [...current].filter((id) => !inputs.previous.some((p) => p.id === id)).sort();

  if (problems.length) throw new BuildError(`catalog:build found problems:\n  ${problems.join("\n  ")}`);
  const models = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  validateCatalog(models, GENERATED_FILE);
  return { models, schemas: sortKeys(schemas), added, vanished: vanished.sort() };
}

function authorOf(id: string): string {
  const segs = id.split("/");
  return segs[0].startsWith("@") ? segs[1] : segs[0];
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}
