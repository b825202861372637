import { lintRule } from "unified-lint-rule";
import { JSX, walk, type Node } from "../mdx.ts";

/**
 * `/ai/run/<id>` with an id that is not a Workers AI id (`@cf/…`, `@hf/…`, or its `%40` spelling) or a `{placeholder}`.
 * Group 1 is the id.
 */
export const THIRD_PARTY_PATH_FORM = /\/ai\/run\/(?![@{%]|\s)([a-z0-9][\w.-]*\/[\w.{}-]+)/i;

/**
 * Third-party ids on the path form: `POST /ai/run/{model}` is documented for Workers AI models; third-party
 * `author/model` ids are documented on the envelope form, `POST /ai/run` with `{"model": …, "input": …}`.
 */
export const thirdPartyPathForm = lintRule({ origin: "check:third-party-path-form" }, (tree: Node, file) => {
  walk(tree, (node) => {
    let values: string[] = [];
    if (node.type === "text" || node.type === "inlineCode" || node.type === "code") values = [String(node.value)];
    else if (node.type === "link") values = [String(node.url)];
    else if (JSX.has(node.type)) values = (node.attributes ?? []).map((a) => (typeof a.value === "string" ? a.value : ""));
    for (const v of values) {
      const id = THIRD_PARTY_PATH_FORM.exec(v)?.[1];
      if (id)
        file.message(
          `\`/ai/run/${id}\`: the path form is documented for Workers AI (\`@cf/…\`) models only; send a third-party id with the envelope form, POST /ai/run {"model": "${id}", "input": …}`,
          node as never,
        );
    }
  });
});

/** Model ids a table cell or a sentence shows: inline code or <ModelId id="…">, with a slash, not Workers AI. */
const SHOWN_ID = /`([a-z0-9][\w.-]*\/[^`\s]+)`|<ModelId\s+id="([^"]+)"/gi;
const shownIds = (text: string) =>
  [...text.matchAll(SHOWN_ID)].map((m) => m[1] ?? m[2]).filter((id) => !/^(?:@cf|@hf|workers-ai\/@)/.test(id));
const cells = (row: string) => row.trim().replace(/^\||\|$/g, "").split(/(?<!\\)\|/);
const PROVIDER_NATIVE = /provider[- ]native/i;

/**
 * Provider-slug or `author/model` ids presented as provider-native model ids. A provider-native request names the
 * provider in its path (`/openai/…`, `/grok/…`) and carries the provider's own id in its body (`gpt-5-mini`,
 * `grok-3`), so an id such as `grok/grok-3` or `openai/gpt-5-mini` is never a provider-native id. Flags a table
 * column whose header says provider-native and whose cells show such ids, a table cell that labels such an id
 * provider-native, and `id` followed by "(provider-native".
 */
export const providerNativeIds = lintRule({ origin: "check:provider-native-id" }, (_tree: Node, file) => {
  // Every finding needs the words on its line or in its column's header.
  if (!PROVIDER_NATIVE.test(String(file.value ?? ""))) return;
  const lines = String(file.value ?? "").split("\n");
  let fence = false;
  let header: string[] | null = null;
  const flag = (id: string, line: number) =>
    file.message(
      `\`${id}\` presented as a provider-native model id: provider-native bodies carry the provider's own id (e.g. \`${id.split("/").slice(1).join("/")}\`), and the provider is the path segment; \`${id}\` is a REST or compat id`,
      { line, column: 1 },
    );
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (/^\s*(```|~~~)/.test(raw)) fence = !fence;
    if (fence) return;
    const isRow = /^\s*\|/.test(raw);
    if (!isRow) {
      header = null;
      for (const m of raw.matchAll(/(`[^`]+`|<ModelId\s+id="[^"]+"\s*\/>)\s*\(provider[- ]native/gi))
        for (const id of shownIds(m[1])) flag(id, line);
      return;
    }
    if (header === null) {
      header = cells(raw);
      return;
    }
    if (/^\s*\|[\s:|-]+\|?\s*$/.test(raw)) return; // the delimiter row
    cells(raw).forEach((cell, c) => {
      if (PROVIDER_NATIVE.test(header![c] ?? "") || PROVIDER_NATIVE.test(cell)) for (const id of shownIds(cell)) flag(id, line);
    });
  });
});
