/**
 * model-ids: every model id a reader sees exists in the catalog, is not retired, is not deprecated outside a
 * deprecation context, and is in the REST form (`author/model`, `@cf/author/model`) outside the deprecated gateway
 * surfaces, where provider slugs (`google-ai-studio/…`, `workers-ai/@cf/…`, `grok/…`) belong.
 */
import { catalog, createCatalog, isProviderSlugForm, restSpellingOf, type Catalog, type Model } from "../../../catalog/index.ts";
import type { Project } from "../project.ts";
import { LineIndex } from "../text.ts";
import type { Finding, IdMention } from "../types.ts";

/** The look-ups the rule needs (catalog/index.ts); tests pass a small catalog of their own. */
export type CatalogView = Catalog;

export function catalogView(models: readonly Model[]): CatalogView {
  return createCatalog(models);
}

const DEFAULT: CatalogView = catalog;

type Verdict = Pick<Finding, "code" | "severity" | "message" | "suggestion">;

/** The verdict on one id, or null when it is fine where it stands. */
export function judgeId(
  id: string,
  deprecatedContext: boolean,
  marked = false,
  cat: CatalogView = DEFAULT,
): Verdict | null {
  const found = cat.findModel(id);
  // Another REST spelling (`anthropic/claude-sonnet-4.5` beside `…-4-5`) is accepted until a source settles which one
  // the API takes; compat and provider-native forms belong to the deprecated gateway surfaces only.
  const alias = found && (found.form === "compat" || found.form === "provider-native") ? { context: found.form } : undefined;
  const target = found?.model;
  if (!target) {
    const near = cat.suggestModel(id)?.id;
    if (isProviderSlugForm(id) && !deprecatedContext) {
      return {
        code: "provider-slug",
        severity: "error",
        message: `\`${id}\` is a provider-slug id, accepted only by the deprecated gateway endpoints${near ? `; on the REST API use \`${near}\`` : `, and ${restSpellingOf(id) ? `\`${restSpellingOf(id)}\`` : "its REST form"} is not in the catalog`}`,
        suggestion: near,
      };
    }
    return {
      code: "unknown",
      severity: "error",
      message: `unknown model id \`${id}\` (not in the catalog)${near ? `: did you mean \`${near}\`?` : ""}`,
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
  const deprecatedExamples = new Set(
    Object.entries(project.manifest?.entries ?? {})
      .filter(([, e]) => e?.deprecated)
      .map(([, e]) => e.file),
  );
  // An example that reproduces a failure on purpose (manifest `shows: "failure"`, from a `# shows: failure` line in the
  // file) may name a retired or deprecated model: that is the failure it shows. Unknown and slug ids still count.
  const failureExamples = new Set(
    Object.values(project.manifest?.entries ?? {})
      .filter((e) => e?.shows === "failure")
      .map((e) => e.file),
  );
  for (const f of project.pages) for (const m of f.ids) judge(f.path, m);
  for (const f of project.partials) {
    const dep = project.deprecatedPartials.has(f.path);
    for (const m of f.ids) judge(f.path, { ...m, deprecatedContext: m.deprecatedContext || dep });
  }
  for (const f of project.examples) {
    const dep = deprecatedExamples.has(f.path) || /^examples\/migration\/[^/]*before/.test(f.path) || f.callsGateway;
    const onPurpose = failureExamples.has(f.path);
    for (const m of f.ids)
      judge(f.path, { ...m, deprecatedContext: m.deprecatedContext || dep, marked: m.marked || onPurpose });
  }
  // The ids the examples manifest lists (what the site shows next to an example).
  if (project.manifest) {
    const { text, entries } = project.manifest;
    const lines = new LineIndex(text);
    for (const [exampleId, e] of Object.entries(entries)) {
      const keyAt = Math.max(0, text.indexOf(JSON.stringify(exampleId)));
      for (const id of e?.models ?? []) {
        // A provider-native route (deprecated) takes the provider's own name, e.g. `gpt-5-mini`: not a catalog id.
        if (e.deprecated && !id.includes("/")) continue;
        const at = text.indexOf(JSON.stringify(id), keyAt);
        judge("examples/manifest.json", {
          id,
          ...lines.pos(at < 0 ? keyAt : at + 1),
          deprecatedContext: !!e.deprecated,
          marked: e.shows === "failure",
          where: "manifest",
        });
      }
    }
  }
  return findings;
}
