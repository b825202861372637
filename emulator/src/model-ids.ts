/**
 * The catalog look-ups the emulator uses (names and signatures agreed with catalog/index.ts). Every route reads model
 * and provider knowledge through this module only. Until catalog/ exports these look-ups they are defined here over
 * the catalog's data; once it does, this module only re-exports them.
 */
import { getModel, resolveAlias, type Model } from "../../catalog/index.ts";

export { getModel, currentReplacement, models, type Endpoint, type Model } from "../../catalog/index.ts";

const SLUG_OF_AUTHOR: Record<string, string> = { google: "google-ai-studio", xai: "grok" };
const AUTHOR_OF_SLUG: Record<string, string> = Object.fromEntries(Object.entries(SLUG_OF_AUTHOR).map(([a, s]) => [s, a]));

/** `@cf/…`, `@hf/…` and `workers-ai/@cf/…`, `workers-ai/@hf/…`. */
export function isWorkersAiId(id: string): boolean {
  return /^(workers-ai\/)?@(cf|hf)\//.test(id);
}

export function isWorkersAiModel(model: Model): boolean {
  return isWorkersAiId(model.id);
}

/** Gateway provider slug of a REST author: "google" → "google-ai-studio", "xai" → "grok", else the author. */
export function providerSlugOf(author: string): string {
  return SLUG_OF_AUTHOR[author] ?? author;
}

/** The inverse: "google-ai-studio" → "google", "grok" → "xai", else the slug. */
export function authorOfSlug(slug: string): string {
  return AUTHOR_OF_SLUG[slug] ?? slug;
}

/** The gateway provider serving a model: "workers-ai", "openai", "google-ai-studio", "grok", … */
export function providerOf(model: Model): string {
  return isWorkersAiModel(model) ? "workers-ai" : providerSlugOf(model.author);
}

/** The id the provider itself takes: "@cf/…" for Workers AI, "gpt-5-mini" for openai/gpt-5-mini. */
export function providerModelId(model: Model): string {
  return isWorkersAiModel(model) ? model.id : model.id.slice(model.id.indexOf("/") + 1);
}

/** The id on /compat: "workers-ai/@cf/…", "google-ai-studio/gemini-2.5-flash", "grok/grok-3", "openai/gpt-5-mini". */
export function compatFormOf(model: Model): string {
  if (isWorkersAiModel(model)) return `workers-ai/${model.id}`;
  return model.aliases.find((x) => x.context === "compat")?.id ?? `${providerOf(model)}/${providerModelId(model)}`;
}

/** Any spelling the catalog knows, with the form it was written in. */
export function findModel(id: string): { model: Model; form: "rest" | "alias" | "compat" | "provider-native" } | undefined {
  const direct = getModel(id);
  if (direct) return { model: direct, form: "rest" };
  const alias = resolveAlias(id);
  if (alias) return { model: alias.model, form: alias.context };
  const wai = /^workers-ai\/(@(?:cf|hf)\/.+)$/.exec(id);
  if (wai && getModel(wai[1])) return { model: getModel(wai[1]) as Model, form: "compat" };
  const slash = id.indexOf("/");
  if (slash > 0) {
    const slug = id.slice(0, slash);
    const m = getModel(`${authorOfSlug(slug)}/${id.slice(slash + 1)}`);
    if (m && providerOf(m) === slug) return { model: m, form: "compat" };
  }
  return undefined;
}

/** Any known form → the REST id; undefined when the catalog does not know it. */
export function restFormOf(id: string): string | undefined {
  return findModel(id)?.model.id;
}

export type Quirks = { runStreamAnswersJson?: boolean; responsesNonStreamingOnly?: boolean };

/** Per-model quirks (`model.quirks` in the catalog; until the catalog carries them, the gpt-oss facts of section 4). */
export function quirksOf(model: Model): Quirks {
  const q = (model as Model & { quirks?: Quirks }).quirks;
  if (q) return q;
  return isWorkersAiModel(model) ? { runStreamAnswersJson: model.id.startsWith("@cf/openai/gpt-oss"), responsesNonStreamingOnly: true } : {};
}
