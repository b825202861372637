/**
 * Model ids as pages mention them: resolution against the catalog, for <ModelId> and the generated model pages.
 */
import { findModel, modelPath, currentReplacement, suggestModel, type Model } from "../../catalog/index.ts";

export type ModelRef = {
  model: Model;
  /** Set when the id is not the REST id: another REST spelling (`rest`) or a form of the deprecated gateway surfaces. */
  alias?: { id: string; context: "rest" | "compat" | "provider-native" };
  href: string;
  status: Model["lifecycle"]["status"];
  /** The active model readers should use instead, for deprecated and retired models. */
  replacement?: Model;
};

export type ModelLookup = { ok: true; ref: ModelRef } | { ok: false; message: string };

/** Resolves a REST model id (or an alias) to its catalog entry; an unknown id gives a message with the catalog's suggestion. */
export function resolveModelId(id: string): ModelLookup {
  if (typeof id !== "string" || !id.trim()) return { ok: false, message: `a model id is required (id="@cf/…" or "author/model")` };
  const found = findModel(id);
  if (!found) {
    const near = suggestModel(id);
    return {
      ok: false,
      message: `model id "${id}" is not in the catalog (catalog/)` + (near ? `; did you mean "${near.id}"?` : ""),
    };
  }
  const model = found.model;
  const ref: ModelRef = { model, href: modelPath(model.id), status: model.lifecycle.status };
  if (found.form !== "rest") ref.alias = { id, context: found.form === "alias" ? "rest" : found.form };
  if (model.lifecycle.status !== "active") ref.replacement = currentReplacement(model.id);
  return { ok: true, ref };
}

/** Human label for a lifecycle status. */
export function lifecycleLabel(m: Model): string {
  const l = m.lifecycle;
  if (l.status === "active") return l.planned_deprecation ? `active (deprecation planned ${l.planned_deprecation})` : "active";
  if (l.status === "deprecated") return `deprecated since ${l.date}${l.sunset ? `, sunset ${l.sunset}` : ""}`;
  // The sources record no retirement day for a retired model, so none is shown (the catalog date is not one).
  return "retired";
}

/**
 * An id cut after each slash, so a table can let it wrap only there: `anthropic/claude-haiku-4-5` →
 * [`anthropic/`, `claude-haiku-4-5`]. Render each part with `white-space: nowrap` and a `<wbr>` between parts.
 */
export function idSegments(id: string): string[] {
  return id.split(/(?<=\/)/);
}
