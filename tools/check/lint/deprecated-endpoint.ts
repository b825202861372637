import { lintRule } from "unified-lint-rule";
import { insideDeprecated, isDeprecatedPage, JSX, walk, type Node } from "../mdx.ts";

/**
 * URLs on the older gateway host and its OpenAI-compatible `/compat/` routes. The bare host name is not a call: pages
 * name it to say which host a rule applies on.
 */
export const DEPRECATED_ENDPOINT =
  /gateway\.ai\.cloudflare\.com\/|\/compat\/(?:chat\/completions|embeddings|models|responses|v1)\b/;

/** Older and deprecated endpoints may appear only on a page with `deprecated:` frontmatter or inside a <Deprecated> block. */
export const deprecatedEndpoint = lintRule({ origin: "check:deprecated-endpoint" }, (tree: Node, file) => {
  if (isDeprecatedPage(file.data.frontmatter as Record<string, unknown> | null)) return;
  walk(tree, (node, ancestors) => {
    let text: string[] = [];
    if (node.type === "text" || node.type === "inlineCode" || node.type === "code") text = [String(node.value)];
    else if (node.type === "link") text = [String(node.url)];
    else if (JSX.has(node.type))
      text = (node.attributes ?? []).map((a) => (typeof a.value === "string" ? a.value : ""));
    const hit = text.map((t) => DEPRECATED_ENDPOINT.exec(t)?.[0]).find(Boolean);
    if (hit && !insideDeprecated(ancestors) && !insideDeprecated([node])) {
      file.message(
        `older gateway endpoint \`${hit}\` outside a deprecation context: use the REST API (api.cloudflare.com/client/v4/accounts/{account_id}/ai/…), or mark the page \`deprecated:\` / wrap it in <Deprecated>`,
        node as never,
      );
    }
  });
});
