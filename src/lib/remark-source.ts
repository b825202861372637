/**
 * Markdown plugin (Sätteri, Astro 7's Markdown/MDX processor; astro.config.mjs passes it to `satteri()`): stamps the site's own MDX components with where they are
 * written, as the prop `data-site-source="src/content/docs/auth/authentication.mdx:12"`. Build errors from those
 * components then name the file and line even where Starlight's route data is missing (e.g. while llms-full.txt renders
 * every page).
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { defineMdastPlugin } from "satteri";

export const SOURCE_PROP = "data-site-source";

/** Components that read SOURCE_PROP for their error messages. */
export const STAMPED_COMPONENTS = new Set(["Render", "ModelId", "AuthHeaders", "Deprecated", "TypeScriptExample", "Example", "ModelsForEndpoint"]);

type Attr = { type: string; name?: string; value?: unknown };
type JsxNode = { name: string | null; attributes: Attr[]; position?: { start: { line: number } } };

/** The attribute list with SOURCE_PROP added, or undefined when the element is not ours or is already stamped. */
export function stampAttributes(node: JsxNode, file: string): Attr[] | undefined {
  if (!node.name || !STAMPED_COMPONENTS.has(node.name)) return undefined;
  if (node.attributes.some((a) => a.name === SOURCE_PROP)) return undefined;
  const line = node.position?.start.line;
  return [...node.attributes, { type: "mdxJsxAttribute", name: SOURCE_PROP, value: line ? `${file}:${line}` : file }];
}

export function siteSourcePlugin(root: string) {
  // Sätteri does not let a plugin set `attributes` in place; returning a copy of the node replaces it.
  const visit = (type: "mdxJsxFlowElement" | "mdxJsxTextElement") => (node: JsxNode & { children: unknown[] }, ctx: { fileURL: URL | undefined }) => {
    if (!ctx.fileURL) return;
    const file = relative(root, fileURLToPath(ctx.fileURL)).split("\\").join("/");
    const attributes = stampAttributes(node, file);
    if (!attributes) return;
    return { type, name: node.name, attributes, children: [...node.children], position: node.position };
  };
  return defineMdastPlugin({
    name: "site-source",
    options: { position: true },
    mdxJsxFlowElement: visit("mdxJsxFlowElement") as never,
    mdxJsxTextElement: visit("mdxJsxTextElement") as never,
  });
}
