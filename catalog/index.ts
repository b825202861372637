/**
 * The model catalog: the one list of models that the site, the emulator and `npm run check` read.
 * Entries live in ./models.ts; this module validates them once and offers look-ups.
 */
import { modelSchema, type Endpoint, type Model, type ModelInput } from "./schema.ts";
import { entries } from "./models.ts";

export { ENDPOINTS, ALIAS_CONTEXTS, modelSchema, lifecycleSchema } from "./schema.ts";
export type { Endpoint, Model, ModelInput } from "./schema.ts";

export class CatalogError extends Error {}

/**
 * Validates raw entries. Every problem names the file, the entry (index and id) and the field, e.g.
 * `catalog/models.ts: entry 3 (@cf/meta/x): lifecycle.replacement: …`.
 */
export function validateCatalog(raw: unknown[], file = "catalog/models.ts"): Model[] {
  const problems: string[] = [];
  const models: Model[] = [];
  raw.forEach((entry, i) => {
    const label = typeof (entry as { id?: unknown })?.id === "string" ? ` (${(entry as { id: string }).id})` : "";
    const parsed = modelSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join(".") || "(entry)";
        problems.push(`${file}: entry ${i}${label}: ${field}: ${issue.message}`);
      }
    } else models.push(parsed.data);
  });
  const seen = new Map<string, number>();
  models.forEach((m, i) => {
    for (const id of [m.id, ...m.aliases.map((a) => a.id)]) {
      if (seen.has(id)) problems.push(`${file}: entry ${i} (${m.id}): id: "${id}" is already used by entry ${seen.get(id)}`);
      else seen.set(id, i);
    }
  });
  const ids = new Set(models.map((m) => m.id));
  models.forEach((m, i) => {
    if (m.lifecycle.status !== "active" && !ids.has(m.lifecycle.replacement)) {
      problems.push(`${file}: entry ${i} (${m.id}): lifecycle.replacement: "${m.lifecycle.replacement}" is not in the catalog`);
    }
  });
  if (problems.length) throw new CatalogError(`The model catalog is invalid:\n  ${problems.join("\n  ")}`);
  return models;
}

export const models: readonly Model[] = validateCatalog(entries as ModelInput[]);

const byId = new Map(models.map((m) => [m.id, m]));
const byAlias = new Map(models.flatMap((m) => m.aliases.map((a) => [a.id, { model: m, context: a.context }] as const)));

/** The model with exactly this REST id, if any. */
export function getModel(id: string): Model | undefined {
  return byId.get(id);
}

/** The model a deprecated-surface alias (e.g. `google-ai-studio/gemini-2.5-flash`) stands for. */
export function resolveAlias(alias: string): { model: Model; context: "compat" | "provider-native" } | undefined {
  return byAlias.get(alias);
}

/** Models that work on an endpoint, in catalog order. */
export function modelsFor(endpoint: Endpoint): Model[] {
  return models.filter((m) => m.endpoints.includes(endpoint));
}

/** The URL path of a model's page on the site: `@cf/meta/llama-3.3-70b` → `/models/cf/meta/llama-3.3-70b/`. */
export function modelPath(id: string): string {
  return `/models/${id.replace(/^@/, "")}/`;
}

/** Follows replacements until an active model: what a reader should use instead of `id`. */
export function currentReplacement(id: string): Model | undefined {
  let m = byId.get(id);
  const seen = new Set<string>();
  while (m && m.lifecycle.status !== "active" && !seen.has(m.id)) {
    seen.add(m.id);
    m = byId.get(m.lifecycle.replacement);
  }
  return m && m.lifecycle.status === "active" ? m : undefined;
}
