/**
 * Model ids as pages mention them: resolution against the catalog, for <ModelId> and the generated model pages.
 */
import { getModel, resolveAlias, modelPath, models, currentReplacement, type Model } from "../../catalog/index.ts";
import { editDistance } from "./partials.ts";

export type ModelRef = {
  model: Model;
  /** Set when the id is an alias that only the deprecated gateway surfaces accept. */
  alias?: { id: string; context: "compat" | "provider-native" };
  href: string;
  status: Model["lifecycle"]["status"];
  /** The active model readers should use instead, for deprecated and retired models. */
  replacement?: Model;
};

export type ModelLookup = { ok: true; ref: ModelRef } | { ok: false; message: string };

/** Resolves a REST model id (or a gateway alias) to its catalog entry; an unknown id gives a message with the closest ids. */
export function resolveModelId(id: string): ModelLookup {
  if (typeof id !== "string" || !id.trim()) return { ok: false, message: `a model id is required (id="@cf/…" or "author/model")` };
  const model = getModel(id);
  const alias = model ? undefined : resolveAlias(id);
  const found = model ?? alias?.model;
  if (!found) {
    const suggestions = suggestModelIds(id);
    return {
      ok: false,
      message: `model id "${id}" is not in the catalog (catalog/models.ts)` + (suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?` : ""),
    };
  }
  const ref: ModelRef = { model: found, href: modelPath(found.id), status: found.lifecycle.status };
  if (alias) ref.alias = { id, context: alias.context };
  if (found.lifecycle.status !== "active") ref.replacement = currentReplacement(found.id);
  return { ok: true, ref };
}

/** Up to three catalog ids closest to `id` (by edit distance), for error messages. */
export function suggestModelIds(id: string, limit = 3): string[] {
  const all = models.flatMap((m) => [m.id, ...m.aliases.map((a) => a.id)]);
  const scored = all
    .map((candidate) => ({ candidate, d: editDistance(id.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ d }) => d <= Math.max(3, Math.floor(id.length / 4)))
    .sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate));
  // Only the closest few: a runner-up much further away than the best match is noise.
  return scored.filter(({ d }) => d <= scored[0].d + 1).slice(0, limit).map(({ candidate }) => candidate);
}

/** Human label for a lifecycle status. */
export function lifecycleLabel(m: Model): string {
  const l = m.lifecycle;
  if (l.status === "active") return l.planned_deprecation ? `active (deprecation planned ${l.planned_deprecation})` : "active";
  if (l.status === "deprecated") return `deprecated since ${l.date}${l.sunset ? `, sunset ${l.sunset}` : ""}`;
  // The sources record no retirement day for a retired model, so none is shown (the catalog date is not one).
  return "retired";
}
