/** The one MDX parser of the check, and small helpers over its syntax tree (mdast + MDX nodes). */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkDirective from "remark-directive";

export type Node = {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  depth?: number;
  lang?: string | null;
  attributes?: Attribute[];
  children?: Node[];
  position?: {
    start: { line: number; column: number; offset?: number };
    end: { line: number; column: number; offset?: number };
  };
  data?: { estree?: unknown };
};
export type Attribute = {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string; data?: { estree?: unknown } };
  position?: Node["position"];
};

/**
 * MDX (remark-mdx) + YAML frontmatter + directives (Starlight asides, `:::note[Title]`). GFM is left out: it costs
 * ~40% of parse time and adds nothing the rules read (tables still parse as paragraphs with their inline code).
 */
export const parser = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkFrontmatter, ["yaml"])
  .use(remarkDirective)
  .freeze();

/** Plain `.md` pages are not MDX: `<` and `{` are text there, as in Starlight. */
export const mdParser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkDirective).freeze();

export const JSX = new Set(["mdxJsxFlowElement", "mdxJsxTextElement"]);

/**
 * Depth-first walk with the ancestor stack (shared and mutated: read it, don't keep it). Several times cheaper than
 * unist-util-visit-parents, which matters because every rule walks every tree.
 */
export function walk(tree: Node, fn: (node: Node, ancestors: Node[]) => void): void {
  const stack: Node[] = [];
  const go = (n: Node) => {
    fn(n, stack);
    if (n.children) {
      stack.push(n);
      for (const c of n.children) go(c);
      stack.pop();
    }
  };
  go(tree);
}

/** Inside a `<Deprecated>` block? (the ancestors of a node, or the node itself) */
export function insideDeprecated(ancestors: Node[]): boolean {
  return ancestors.some((a) => JSX.has(a.type) && a.name === "Deprecated");
}

/** True for a page or partial whose frontmatter marks it deprecated. */
export function isDeprecatedPage(frontmatter: Record<string, unknown> | null | undefined): boolean {
  return !!frontmatter && frontmatter.deprecated != null && frontmatter.deprecated !== false;
}

/** A JSX element's string attribute, or undefined. */
export function attr(node: Node, name: string): string | undefined {
  const a = node.attributes?.find((x) => x.type === "mdxJsxAttribute" && x.name === name);
  return typeof a?.value === "string" ? a.value : undefined;
}

/** Calls `fn` on every string literal (and its estree node offsets) of an MDX estree program. */
export function estreeStrings(estree: unknown, fn: (value: string, start: number | undefined) => void): void {
  const walk = (n: unknown): void => {
    if (!n || typeof n !== "object") return;
    if (Array.isArray(n)) return n.forEach(walk);
    const o = n as Record<string, unknown>;
    if (o.type === "Literal" && typeof o.value === "string") fn(o.value, o.start as number | undefined);
    else if (o.type === "TemplateElement")
      fn(String((o.value as { cooked?: string })?.cooked ?? ""), o.start as number | undefined);
    for (const k in o) if (k !== "loc" && k !== "range" && k !== "position" && k !== "comments") walk(o[k]);
  };
  walk(estree);
}

/** Property names of the object literal in an expression attribute: `params={{ a: 1, "b": 2 }}` → ["a", "b"]. */
export function objectKeys(estree: unknown): string[] | null {
  const body = (
    estree as { body?: { expression?: { type: string; properties?: { key?: { name?: string; value?: string } }[] } }[] }
  )?.body;
  const expr = body?.[0]?.expression;
  if (!expr || expr.type !== "ObjectExpression") return null;
  return (expr.properties ?? []).map((p) => p.key?.name ?? String(p.key?.value ?? ""));
}
