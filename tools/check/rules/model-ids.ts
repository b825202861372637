/**
 * model-ids: every model id a reader sees exists in the catalog, is not retired, is not deprecated outside a
 * deprecation context, and is in the REST form (`author/model`, `@cf/author/model`) outside the deprecated gateway
 * surfaces, where provider slugs (`google-ai-studio/…`, `workers-ai/@cf/…`, `grok/…`) belong.
 */
import { closest, distance } from "fastest-levenshtein";
import * as catalog from "../../../catalog/index.ts";
import type { Model } from "../../../catalog/index.ts";
import type { Project } from "../project.ts";
import type { Finding, IdMention } from "../types.ts";

/** The look-ups the rule needs; tests pass a small catalog of their own. */
export type CatalogView = {
  getModel(id: string): Model | undefined;
  resolveAlias(id: string): { model: Model; context: "compat" | "provider-native" } | undefined;
  currentReplacement(id: string): Model | undefined;
  ids: string[];
};

export function catalogView(models: readonly Model[]): CatalogView {
  const byId = new Map(models.map((m) => [m.id, m]));
  const byAlias = new Map(
    models.flatMap((m) => m.aliases.map((a) => [a.id, { model: m, context: a.context }] as const)),
  );
  return {
    getModel: (id) => byId.get(id),
    resolveAlias: (id) => byAlias.get(id),
    currentReplacement(id) {
      let m = byId.get(id);
      const seen = new Set<string>();
      while (m && m.lifecycle.status !== "active" && !seen.has(m.id)) {
        seen.add(m.id);
        m = byId.get(m.lifecycle.replacement);
      }
      return m && m.lifecycle.status === "active" ? m : undefined;
    },
    ids: [...byId.keys(), ...byAlias.keys()],
  };
}

const DEFAULT: CatalogView = {
  ...catalog,
  ids: [...catalog.models.map((m) => m.id), ...catalog.models.flatMap((m) => m.aliases.map((a) => a.id))],
};

/** What a provider-slug id is called on the REST API, when we can tell. */
const SLUG_TO_AUTHOR: Record<string, string> = {
  "google-ai-studio": "google",
  "google-vertex-ai": "google",
  grok: "xai",
};

export function restFormOf(id: string, cat: CatalogView = DEFAULT): string | undefined {
  const alias = cat.resolveAlias(id);
  if (alias) return alias.model.id;
  if (id.startsWith("workers-ai/")) return id.slice("workers-ai/".length);
  if (id.startsWith("openrouter/")) return id.slice("openrouter/".length);
  const [slug, ...rest] = id.split("/");
  if (SLUG_TO_AUTHOR[slug]) return [SLUG_TO_AUTHOR[slug], ...rest].join("/");
  return undefined;
}

function isProviderSlugForm(id: string, cat: CatalogView): boolean {
  const slug = id.split("/")[0];
  return !!cat.resolveAlias(id) || slug === "workers-ai" || slug === "openrouter" || slug in SLUG_TO_AUTHOR;
}

/** A near id from the catalog, if one is close enough to be the intended one. */
export function didYouMean(id: string, cat: CatalogView = DEFAULT): string | undefined {
  if (cat.getModel(`@cf/${id}`)) return `@cf/${id}`;
  if (id.startsWith("@cf/") && cat.getModel(id.slice(4))) return id.slice(4);
  if (!cat.ids.length) return undefined;
  // A truncated id (`@cf/meta/llama-3.3-70b-instruct` for `…-fp8-fast`) means the shortest id it starts.
  const longer = cat.ids.filter((x) => x.startsWith(`${id}-`)).sort((a, b) => a.length - b.length)[0];
  if (longer) return longer;
  const near = closest(id, cat.ids);
  return distance(id, near) <= Math.max(3, Math.floor(id.length / 4)) ? near : undefined;
}

type Verdict = Pick<Finding, "code" | "severity" | "message" | "suggestion">;

/** The verdict on one id, or null when it is fine where it stands. */
export function judgeId(
  id: string,
  deprecatedContext: boolean,
  marked = false,
  cat: CatalogView = DEFAULT,
): Verdict | null {
  const model = cat.getModel(id);
  const alias = model ? undefined : cat.resolveAlias(id);
  const target = model ?? alias?.model;
  if (!target) {
    if (isProviderSlugForm(id, cat) && !deprecatedContext) {
      const rest = restFormOf(id, cat);
      const ok = rest && cat.getModel(rest) ? rest : rest && didYouMean(rest, cat);
      return {
        code: "provider-slug",
        severity: "error",
        message: `\`${id}\` is a provider-slug id, accepted only by the deprecated gateway endpoints${ok ? `; on the REST API use \`${ok}\`` : ", and it is not in the catalog"}`,
        suggestion: ok || undefined,
      };
    }
    const rest = restFormOf(id, cat);
    const near = didYouMean(id, cat) ?? (rest ? didYouMean(rest, cat) : undefined);
    return {
      code: "unknown",
      severity: "error",
      message: `unknown model id \`${id}\` (not in catalog/models.ts)${near ? `: did you mean \`${near}\`?` : ""}`,
      suggestion: near,
    };
  }
  if (alias && !deprecatedContext) {
    return {
      code: "provider-slug",
      severity: "error",
      message: `\`${id}\` is the ${alias.context} form, accepted only by the deprecated gateway endpoints; on the REST API use \`${target.id}\``,
      suggestion: target.id,
    };
  }
  const lc = target.lifecycle;
  if (marked) return null; // <ModelId> shows "retired"/"deprecated" next to the id and links the model's page
  if (lc.status === "retired") {
    const now = cat.currentReplacement(target.id);
    return {
      code: "retired",
      severity: "error",
      message: `\`${id}\` was retired on ${lc.date}: use \`${now?.id ?? lc.replacement}\``,
      suggestion: now?.id ?? lc.replacement,
    };
  }
  if (lc.status === "deprecated" && !deprecatedContext) {
    return {
      code: "deprecated",
      severity: "warning",
      message: `\`${id}\` is deprecated since ${lc.date}${lc.sunset ? ` (sunset ${lc.sunset})` : ""}: use \`${lc.replacement}\``,
      suggestion: lc.replacement,
    };
  }
  return null;
}

export function checkModelIds(project: Project, cat: CatalogView = DEFAULT): Finding[] {
  const findings: Finding[] = [];
  const judge = (path: string, m: IdMention) => {
    const v = judgeId(m.id, m.deprecatedContext, m.marked, cat);
    if (v) findings.push({ path, line: m.line, column: m.column, rule: "model-ids", ...v });
  };
  // An example that reproduces a failure on purpose (`shows: "failure"`, from a `# shows: failure` line in the file)
  // may name a retired or deprecated model: that is the failure it shows. Unknown and slug ids still count.
  for (const f of project.pages) for (const m of f.ids) judge(f.path, m);
  for (const f of project.partials) {
    const dep = project.deprecatedPartials.has(f.path);
    for (const m of f.ids) judge(f.path, { ...m, deprecatedContext: m.deprecatedContext || dep });
  }
  for (const f of project.examples) {
    const dep = !!f.example?.deprecated || /^examples\/migration\/[^/]*before/.test(f.path);
    const onPurpose = f.example?.shows === "failure";
    for (const m of f.ids)
      judge(f.path, { ...m, deprecatedContext: m.deprecatedContext || dep, marked: m.marked || onPurpose });
  }
  return findings;
}
