/** Validation of catalog entries: every problem names the file, the entry (index and id) and the field. */
import { modelSchema, type Model } from "./schema.ts";

export class CatalogError extends Error {}

/**
 * Validates raw entries. Every problem names the file, the entry (index and id) and the field, e.g.
 * `catalog/generated/models.json: entry 3 (@cf/meta/x): lifecycle.replacement: …`.
 */
export function validateCatalog(raw: unknown[], file = "catalog/generated/models.json"): Model[] {
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

