/**
 * The model catalog: the one list of models that the site, the emulator and `npm run check` read, and the one set of
 * look-ups over it (id forms, provider slugs, "did you mean"). Entries live in ./models.ts; this module validates them
 * once. `createCatalog(models)` builds the same look-ups over any list (tests use small catalogs of their own).
 */
import { distance } from "fastest-levenshtein";
import type { Endpoint, Model, ModelInput } from "./schema.ts";
import { entries } from "./models.ts";
import { validateCatalog } from "./validate.ts";
import inputSchemas from "./generated/input-schemas.json" with { type: "json" };
import { isProviderSlugForm, isWorkersAiId, providerSlugOf, restSpellingOf, WORKERS_AI } from "./forms.ts";

export { ENDPOINTS, ALIAS_CONTEXTS, TASKS, REST_ID, modelSchema, lifecycleSchema, fieldSchema } from "./schema.ts";
export type { Endpoint, Model, ModelInput, Task, Field } from "./schema.ts";
export { validateCatalog, CatalogError } from "./validate.ts";
export { WORKERS_AI, isWorkersAiId, providerSlugOf, authorOfSlug, isProviderSlugForm, restSpellingOf } from "./forms.ts";

/** A JSON Schema object (draft 2020-12 or 7). */
export type JSONSchema = Record<string, unknown>;

export function isWorkersAiModel(model: Model): boolean {
  return isWorkersAiId(model.id);
}

/** The gateway provider slug serving a model: `workers-ai`, `openai`, `google-ai-studio`, `grok`, … */
export function providerOf(model: Model): string {
  return isWorkersAiModel(model) ? WORKERS_AI : providerSlugOf(model.author);
}

/** The id the provider itself takes: the `@cf/…` id for Workers AI, `gpt-5-mini` for `openai/gpt-5-mini`. */
export function providerModelId(model: Model): string {
  return isWorkersAiModel(model) ? model.id : model.id.slice(model.id.indexOf("/") + 1);
}

/** The model's id on the deprecated /compat endpoint: `workers-ai/@cf/…`, `google-ai-studio/gemini-2.5-flash`, `grok/grok-3`. */
export function compatFormOf(model: Model): string {
  return model.aliases.find((a) => a.context === "compat")?.id ?? `${providerOf(model)}/${providerModelId(model)}`;
}

/** Version-like parts of a model name (`4.3x` → `4`, `3x`): a typo never changes one of these. */
function versionTokens(name: string): string {
  return name
    .toLowerCase()
    .split(/[-._]/)
    .filter((t) => /\d/.test(t))
    .join(" ");
}

function splitId(id: string): { space: string; name: string } {
  const slash = id.lastIndexOf("/");
  return { space: id.slice(0, slash + 1).toLowerCase(), name: id.slice(slash + 1) };
}

export type FoundModel = { model: Model; form: "rest" | "alias" | "compat" | "provider-native" };
export type Suggestion = { id: string; reason: "other-form" | "typo" };

/** The look-ups over one list of validated models. */
export function createCatalog(list: readonly Model[]) {
  const byId = new Map(list.map((m) => [m.id, m]));
  const forms = new Map<string, FoundModel>();
  const add = (id: string, found: FoundModel) => {
    if (!byId.has(id) && !forms.has(id)) forms.set(id, found);
  };
  for (const model of list) {
    for (const a of model.aliases) add(a.id, { model, form: a.context === "rest" ? "alias" : a.context });
  }
  for (const model of list) add(compatFormOf(model), { model, form: "compat" });
  // A provider's own name (`gpt-5-mini`) stands for one model only when no other author uses it.
  const nativeCount = new Map<string, number>();
  for (const m of list) if (!isWorkersAiModel(m)) nativeCount.set(providerModelId(m), (nativeCount.get(providerModelId(m)) ?? 0) + 1);
  for (const model of list) {
    const native = providerModelId(model);
    if (!isWorkersAiModel(model) && nativeCount.get(native) === 1) add(native, { model, form: "provider-native" });
  }
  /** REST ids and REST-spelling aliases, grouped by everything before the last slash (lower-cased). */
  const bySpace = new Map<string, { id: string; model: Model }[]>();
  for (const model of list) {
    for (const id of [model.id, ...model.aliases.filter((a) => a.context === "rest").map((a) => a.id)]) {
      const { space } = splitId(id);
      if (!bySpace.has(space)) bySpace.set(space, []);
      bySpace.get(space)!.push({ id, model });
    }
  }

  function getModel(id: string): Model | undefined {
    return byId.get(id);
  }

  function findModel(id: string): FoundModel | undefined {
    const model = byId.get(id);
    return model ? { model, form: "rest" } : forms.get(id);
  }

  function restFormOf(id: string): string | undefined {
    const found = findModel(id);
    if (found) return found.model.id;
    const spelled = restSpellingOf(id);
    return spelled ? findModel(spelled)?.model.id : undefined;
  }

  /** A catalog model whose id differs from `id` by a typo: same author, same version numbers, one closest match. */
  function typoOf(id: string): Model | undefined {
    const { space, name } = splitId(id);
    const candidates = bySpace.get(space);
    if (!candidates || !name) return undefined;
    const lower = name.toLowerCase();
    const versions = versionTokens(name);
    const limit = lower.length >= 8 ? 2 : 1;
    let best: { d: number; model: Model } | undefined;
    let tie = false;
    for (const c of candidates) {
      const other = splitId(c.id).name;
      if (versionTokens(other) !== versions) continue;
      const d = distance(lower, other.toLowerCase());
      if (d > limit) continue;
      if (!best || d < best.d) [best, tie] = [{ d, model: c.model }, false];
      else if (d === best.d && c.model !== best.model) tie = true;
    }
    return best && !tie ? best.model : undefined;
  }

  function suggestModel(id: string): Suggestion | undefined {
    if (typeof id !== "string" || !id) return undefined;
    const found = findModel(id);
    if (found) return found.form === "rest" ? undefined : { id: found.model.id, reason: "other-form" };
    // The same id under another Workers AI prefix, without one, or with one it should not have.
    const other: string[] = [];
    const spelled = restSpellingOf(id);
    if (spelled) other.push(spelled);
    if (/^@(cf|hf)\//.test(id)) other.push(id.slice(4), `@${id[1] === "c" ? "hf" : "cf"}/${id.slice(4)}`);
    else if (!isProviderSlugForm(id) && id.split("/").length === 2) other.push(`@cf/${id}`, `@hf/${id}`);
    for (const o of other) {
      const m = findModel(o)?.model;
      if (m) return { id: m.id, reason: "other-form" };
    }
    for (const o of [id, ...other]) {
      const m = typoOf(o);
      if (m) return { id: m.id, reason: "typo" };
    }
    return undefined;
  }

  function modelsFor(endpoint: Endpoint): Model[] {
    return list.filter((m) => m.endpoints.includes(endpoint));
  }

  function currentReplacement(id: string): Model | undefined {
    let m = byId.get(id);
    const seen = new Set<string>();
    while (m && m.lifecycle.status !== "active" && !seen.has(m.id)) {
      seen.add(m.id);
      m = byId.get(m.lifecycle.replacement);
    }
    return m && m.lifecycle.status === "active" ? m : undefined;
  }

  /** The model a deprecated-surface form (compat or provider-native, e.g. `google-ai-studio/gemini-2.5-flash`) stands for. */
  function resolveAlias(alias: string): { model: Model; context: "compat" | "provider-native" } | undefined {
    const found = forms.get(alias);
    return found && (found.form === "compat" || found.form === "provider-native") ? { model: found.model, context: found.form } : undefined;
  }

  function inputSchemaOf(id: string): JSONSchema | undefined {
    const key = findModel(id)?.model.input_schema;
    return key ? (inputSchemas as Record<string, JSONSchema>)[key] : undefined;
  }

  return { models: list, getModel, findModel, restFormOf, suggestModel, modelsFor, currentReplacement, resolveAlias, inputSchemaOf };
}

export type Catalog = ReturnType<typeof createCatalog>;

export const catalog: Catalog = createCatalog(validateCatalog(entries as ModelInput[]));

export const models: readonly Model[] = catalog.models;

/** The model with exactly this REST id, if any. */
export const getModel = catalog.getModel;
/** Any spelling the catalog knows: REST id, alias, compat form, provider-native id; and which form it is. */
export const findModel = catalog.findModel;
/** Any known form → the REST id; undefined when the model is not in the catalog. */
export const restFormOf = catalog.restFormOf;
/**
 * The one "did you mean": the same model in another form, or a catalog id a typo away (same author, same version
 * numbers, a single closest match). Never a different model; undefined means "not in the catalog".
 */
export const suggestModel = catalog.suggestModel;
/** Models that work on an endpoint, in catalog order. */
export const modelsFor = catalog.modelsFor;
/** Follows replacements until an active model: what a reader should use instead of `id`. */
export const currentReplacement = catalog.currentReplacement;
/** The model a compat or provider-native form stands for (the deprecated gateway surfaces). */
export const resolveAlias = catalog.resolveAlias;
/** The JSON Schema of a model's /ai/run input, when the catalog has one. */
export const inputSchemaOf = catalog.inputSchemaOf;

/** The URL path of a model's page on the site: `@cf/meta/llama-3.3-70b` → `/models/cf/meta/llama-3.3-70b/`. */
export function modelPath(id: string): string {
  return `/models/${id.replace(/^@/, "")}/`;
}
