import { lintRule } from "unified-lint-rule";
import { deprecationsOf, unbackedDates, type Deprecation } from "../../../src/lib/deprecations.ts";
import { JSX, walk, type Node } from "../mdx.ts";

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/**
 * A date in a deprecation banner needs a source. Flags `since`/`sunset` in `deprecated:` frontmatter without
 * `source:`, the same attributes on <Deprecated> without `source`, and an ISO date written inside a <Deprecated> block
 * that has no `source`. Readers take a banner's date for a deprecation or shutdown date; without a source it is a guess.
 */
export const deprecationDates = lintRule({ origin: "check:deprecation-dates" }, (tree: Node, file) => {
  const text = String(file.value ?? "");
  const fm = file.data.frontmatter as { deprecated?: Deprecation | Deprecation[] } | null | undefined;
  if (fm?.deprecated && typeof fm.deprecated === "object") {
    let from = 0;
    for (const d of deprecationsOf(fm)) {
      for (const key of unbackedDates(d)) {
        const at = text.indexOf(`${key}:`, from);
        const line = at < 0 ? 1 : text.slice(0, at).split("\n").length;
        if (at >= 0) from = at + 1;
        file.message(
          `deprecated.${key} ${d[key]} has no deprecated.source: a banner date needs the source that gives it; leave the date out and readers see "not announced"`,
          { line, column: 1 },
        );
      }
    }
  }
  walk(tree, (node, ancestors) => {
    if (JSX.has(node.type) && node.name === "Deprecated") {
      const attrs = Object.fromEntries(
        (node.attributes ?? []).filter((a) => typeof a.value === "string" && a.name).map((a) => [a.name!, a.value as string]),
      );
      for (const key of unbackedDates(attrs))
        file.message(
          `<Deprecated ${key}="${attrs[key]}"> without source="…": a banner date needs the source that gives it, or leave it out ("not announced")`,
          node as never,
        );
      return;
    }
    if (node.type !== "text" && node.type !== "inlineCode") return;
    let banner: Node | undefined;
    for (let i = ancestors.length - 1; i >= 0 && !banner; i--)
      if (JSX.has(ancestors[i].type) && ancestors[i].name === "Deprecated") banner = ancestors[i];
    if (!banner || banner.attributes?.some((a) => a.name === "source" && typeof a.value === "string" && a.value.trim())) return;
    const date = ISO_DATE.exec(String(node.value))?.[0];
    if (date)
      file.message(
        `the date ${date} inside <Deprecated> has no source: give the banner source="…" or drop the date`,
        node as never,
      );
  });
});
