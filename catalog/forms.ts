/**
 * Model id forms that follow from rules, not from catalog entries (no data is loaded here, so the check's parser
 * threads can use them cheaply). catalog/index.ts re-exports all of it.
 */
/** The gateway provider slug of Workers AI, and the prefix of its compat ids (`workers-ai/@cf/…`). */
export const WORKERS_AI = "workers-ai";

/** Authors whose gateway provider slug differs from the author name (api-facts section 5). */
const SLUG_OF_AUTHOR: Readonly<Record<string, string>> = { google: "google-ai-studio", xai: "grok" };
/** Provider slugs that stand for an author (the inverse of SLUG_OF_AUTHOR, plus Vertex for Google). */
const AUTHOR_OF_SLUG: Readonly<Record<string, string>> = { "google-ai-studio": "google", "google-vertex-ai": "google", grok: "xai" };
/** Gateway providers that take a whole `author/model` id after their slug (`openrouter/openai/gpt-5-mini`). */
const RESELLER_SLUGS = ["openrouter"] as const;

/** `@cf/…`, `@hf/…` and their compat forms `workers-ai/@cf/…`, `workers-ai/@hf/…`. */
export function isWorkersAiId(id: string): boolean {
  return /^(workers-ai\/)?@(cf|hf)\//.test(id);
}

/** The gateway provider slug of a third-party author: `google` → `google-ai-studio`, `xai` → `grok`, else the author. */
export function providerSlugOf(author: string): string {
  return SLUG_OF_AUTHOR[author] ?? author;
}

/** The author a gateway provider slug stands for: `google-ai-studio` → `google`, `grok` → `xai`; `workers-ai` stays. */
export function authorOfSlug(slug: string): string {
  return AUTHOR_OF_SLUG[slug] ?? slug;
}

/** Whether the first segment of `id` names a gateway provider rather than an author (`google-ai-studio/…`, `workers-ai/…`). */
export function isProviderSlugForm(id: string): boolean {
  const first = id.split("/")[0];
  return first === WORKERS_AI || first in AUTHOR_OF_SLUG || (RESELLER_SLUGS as readonly string[]).includes(first);
}

/**
 * The REST spelling a provider-slug id follows by rule, whether or not the catalog has it:
 * `workers-ai/@cf/x` → `@cf/x`, `google-ai-studio/x` → `google/x`, `grok/x` → `xai/x`, `openrouter/a/b` → `a/b`.
 */
export function restSpellingOf(id: string): string | undefined {
  const slash = id.indexOf("/");
  if (slash < 0) return undefined;
  const first = id.slice(0, slash);
  const rest = id.slice(slash + 1);
  if (first === WORKERS_AI) return isWorkersAiId(rest) ? rest : undefined;
  if ((RESELLER_SLUGS as readonly string[]).includes(first)) return rest.includes("/") ? rest : undefined;
  if (first in AUTHOR_OF_SLUG) return `${AUTHOR_OF_SLUG[first]}/${rest}`;
  return undefined;
}

