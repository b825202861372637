/**
 * model-ids: every model id a reader sees exists in the catalog, is not retired, is not deprecated outside a
 * deprecation context, and is in the REST form (`author/model`, `@cf/author/model`) outside the deprecated gateway
 * surfaces, where provider slugs (`google-ai-studio/…`, `workers-ai/@cf/…`, `grok/…`) belong.
 */
import { closest, distance } from "fastest-levenshtein";
import { currentReplacement, getModel, models, resolveAlias } from "../../../catalog/index.ts";
import type { Project } from "../project.ts";
import { LineIndex } from "../text.ts";
import type { Finding, IdMention } from "../types.ts";

const ALL_IDS = [...models.map((m) => m.id), ...models.flatMap((m) => m.aliases.map((a) => a.id))];

/** What a provider-slug id is called on the REST API, when we can tell. */
const SLUG_TO_AUTHOR: Record<string, string> = { "google-ai-studio": "google", "google-vertex-ai": "google", grok: "xai" };

export function restFormOf(id: string): string | undefined {
  const alias = resolveAlias(id);
  if (alias) return alias.model.id;
  if (id.startsWith("workers-ai/")) return id.slice("workers-ai/".length);
  if (id.startsWith("openrouter/")) return id.slice("openrouter/".length);
  const [slug, ...rest] = id.split("/");
  if (SLUG_TO_AUTHOR[slug]) return [SLUG_TO_AUTHOR[slug], ...rest].join("/");
  return undefined;
}

function isProviderSlugForm(id: string): boolean {
  const slug = id.split("/")[0];
  return !!resolveAlias(id) || slug === "workers-ai" || slug === "openrouter" || slug in SLUG_TO_AUTHOR;
}

/** A near id from the catalog, if one is close enough to be the intended one. */
export function didYouMean(id: string): string | undefined {
  if (getModel(`@cf/${id}`)) return `@cf/${id}`;
  if (id.startsWith("@cf/") && getModel(id.slice(4))) return id.slice(4);
  const near = closest(id, ALL_IDS);
  return distance(id, near) <= Math.max(3, Math.floor(id.length / 4)) ? near : undefined;
}

type Verdict = Pick<Finding, "code" | "severity" | "message" | "suggestion">;

/** The verdict on one id, or null when it is fine where it stands. */
export function judgeId(id: string, deprecatedContext: boolean, marked = false): Verdict | null {
  const model = getModel(id);
  const alias = model ? undefined : resolveAlias(id);
  const target = model ?? alias?.model;
  if (!target) {
    if (isProviderSlugForm(id) && !deprecatedContext) {
      const rest = restFormOf(id);
      const ok = rest && getModel(rest) ? rest : rest && didYouMean(rest);
      return { code: "provider-slug", severity: "error", message: `\`${id}\` is a provider-slug id, accepted only by the deprecated gateway endpoints${ok ? `; on the REST API use \`${ok}\`` : ", and it is not in the catalog"}`, suggestion: ok || undefined };
    }
    const near = didYouMean(id) ?? (restFormOf(id) ? didYouMean(restFormOf(id)!) : undefined);
    return { code: "unknown", severity: "error", message: `unknown model id \`${id}\` (not in catalog/models.ts)${near ? `: did you mean \`${near}\`?` : ""}`, suggestion: near };
  }
  if (alias && !deprecatedContext) {
    return { code: "provider-slug", severity: "error", message: `\`${id}\` is the ${alias.context} form, accepted only by the deprecated gateway endpoints; on the REST API use \`${target.id}\``, suggestion: target.id };
  }
  const lc = target.lifecycle;
  if (marked) return null; // <ModelId> shows "retired"/"deprecated" next to the id and links the model's page
  if (lc.status === "retired") {
    const now = currentReplacement(target.id);
    return { code: "retired", severity: "error", message: `\`${id}\` was retired on ${lc.date}: use \`${now?.id ?? lc.replacement}\``, suggestion: now?.id ?? lc.replacement };
  }
  if (lc.status === "deprecated" && !deprecatedContext) {
    return { code: "deprecated", severity: "warning", message: `\`${id}\` is deprecated since ${lc.date}${lc.sunset ? ` (sunset ${lc.sunset})` : ""}: use \`${lc.replacement}\``, suggestion: lc.replacement };
  }
  return null;
}

export function checkModelIds(project: Project): Finding[] {
  const findings: Finding[] = [];
  const judge = (path: string, m: IdMention) => {
    const v = judgeId(m.id, m.deprecatedContext, m.marked);
    if (v) findings.push({ path, line: m.line, column: m.column, rule: "model-ids", ...v });
  };
  const deprecatedExamples = new Set(Object.entries(project.manifest?.entries ?? {}).filter(([, e]) => e?.deprecated).map(([, e]) => e.file));
  for (const f of [...project.pages, ...project.partials]) for (const m of f.ids) judge(f.path, m);
  for (const f of project.examples) {
    const dep = deprecatedExamples.has(f.path) || /^examples\/migration\/[^/]*before/.test(f.path) || f.callsGateway;
    for (const m of f.ids) judge(f.path, { ...m, deprecatedContext: m.deprecatedContext || dep });
  }
  // The ids the examples manifest lists (what the site shows next to an example).
  if (project.manifest) {
    const { text, entries } = project.manifest;
    const lines = new LineIndex(text);
    for (const [exampleId, e] of Object.entries(entries)) {
      const keyAt = Math.max(0, text.indexOf(JSON.stringify(exampleId)));
      for (const id of e?.models ?? []) {
        const at = text.indexOf(JSON.stringify(id), keyAt);
        judge("examples/manifest.json", { id, ...lines.pos(at < 0 ? keyAt : at + 1), deprecatedContext: !!e.deprecated, where: "manifest" });
      }
    }
  }
  return findings;
}
