/**
 * style: remark-lint's recommended preset (tuned for MDX) plus the site's own lint rules (tools/check/lint/).
 * The processor runs on the tree that parse.ts already built; it never re-parses.
 *
 * Each of the preset's rules walks the whole tree (unist-util-visit-parents, several times slower per node than our
 * walk), and most of them can only report on one kind of node: `no-shortcut-reference-link` on `linkReference`,
 * `no-undefined-references` on a `[` in text, … A tree without any such node gets no message from the rule, so
 * `lintTree` leaves the rule out for that tree (GATES below, read from each rule's source, remark-lint-* as locked in
 * package-lock.json; the two rules that would run on nearly every page, on headings and list items, are gated on the
 * very characters they count). That is most of the lint time of a large site. `linter` is the same rules, always all
 * of them; tests/unit/check/style-gates.test.ts checks that both report exactly the same messages.
 */
import { unified, type Pluggable, type Processor } from "unified";
import type { VFile } from "vfile";
import remarkLint from "remark-lint";
import remarkPresetLintRecommended from "remark-preset-lint-recommended";
import remarkLintNoUndefinedReferences from "remark-lint-no-undefined-references";
import { workerInFence } from "../lint/worker-in-fence.ts";
import { handwrittenApiCall } from "../lint/handwritten-api-call.ts";
import { deprecatedEndpoint } from "../lint/deprecated-endpoint.ts";
import { noSecrets } from "../lint/no-secrets.ts";
import { requiredFrontmatter } from "../lint/required-frontmatter.ts";
import { deprecationDates } from "../lint/deprecation-dates.ts";
import { providerNativeIds, thirdPartyPathForm } from "../lint/id-forms.ts";
import { handwrittenResponse } from "../lint/handwritten-response.ts";

/** MDX/Starlight text uses `[ ]`, `[x]`, `[DONE]` as plain words; only flag references that look like links. */
const UNDEFINED_REFERENCES = { allow: [/^[^a-z]*$/i, "x", " "] };

/** Our rules are errors; the preset's are warnings (they are about how markdown renders, not about facts). */
const OWN_RULES: Pluggable[] = [
  [workerInFence, ["error"]],
  [handwrittenApiCall, ["error"]],
  [deprecatedEndpoint, ["error"]],
  [noSecrets, ["error"]],
  [requiredFrontmatter, ["error"]],
  // Claims the sources do not make: dates no source backs, id forms on endpoints that do not document them.
  [deprecationDates, ["error"]],
  [thirdPartyPathForm, ["error"]],
  [providerNativeIds, ["error"]],
  [handwrittenResponse, ["error"]],
];

/** Every rule, always (the reference `lintTree` must agree with). */
export const linter = unified()
  .use(remarkPresetLintRecommended)
  .use(remarkLintNoUndefinedReferences, UNDEFINED_REFERENCES)
  .use(OWN_RULES)
  .freeze();

/** What a tree holds, as far as the gates need to know: its node types, and whether a text node's source has `[`. */
export type TreeSummary = {
  types: ReadonlySet<string>;
  bracketInText: boolean;
  /** A `list` with `ordered: true`. */
  orderedList: boolean;
  /** A `link` whose source starts with neither `[` nor `<`: only GFM makes those (autolink literals). */
  bareLink: boolean;
  /** A comment-carrying node (`html`, an MDX expression) whose text has the word `lint` in it. */
  lintComment: boolean;
  /** A heading whose source has two or more spaces or tabs after its opening `#`s or before its closing ones. */
  headingSpacing: boolean;
  /** A list item whose source has other than one space or tab between its marker (or checkbox) and its content. */
  itemSpacing: boolean;
};

/** The source of a heading that no-heading-content-indent can report (it counts the same characters). */
export const HEADING_SPACING = /^#+[\t ]{2}|[\t ]{2}#+[\t ]*$/;

/** list-item-indent ("one") on one item: the source from the item's start to its first child's start. */
export function itemSpacingOff(source: string): boolean {
  const checkbox = source.indexOf("[");
  return !/(?:^|[^\t ])[\t ]$/.test(checkbox < 0 ? source : source.slice(0, checkbox));
}

/**
 * Which trees each preset rule can report on (read from the rule's source, remark-lint-* 3–6). A rule not listed
 * always runs (`final-newline` and `list-item-bullet-indent` read no more than the file's end or the root's lists).
 */
const GATES: Record<string, (t: TreeSummary) => boolean> = {
  // Reports an item of a `list` whose marker is not followed by exactly one space ("one", as the preset sets it).
  "remark-lint:list-item-indent": (t) => t.itemSpacing,
  // Reports paragraph lines inside a `blockquote`.
  "remark-lint:no-blockquote-without-marker": (t) => t.types.has("blockquote"),
  // Reports a `link` whose source starts with no punctuation (a GFM autolink literal; this parser has no GFM).
  "remark-lint:no-literal-urls": (t) => t.bareLink,
  // Reports items of a `list` with `ordered: true`.
  "remark-lint:ordered-list-marker-style": (t) => t.orderedList,
  // Visits `break` nodes only.
  "remark-lint:hard-break-spaces": (t) => t.types.has("break"),
  // Reports a second `definition` / `footnoteDefinition` with the same identifier.
  "remark-lint:no-duplicate-definitions": (t) => t.types.has("definition") || t.types.has("footnoteDefinition"),
  // Reports a `heading` with more than one space between its hashes and its content.
  "remark-lint:no-heading-content-indent": (t) => t.headingSpacing,
  // Visit `imageReference` / `linkReference` nodes only.
  "remark-lint:no-shortcut-reference-image": (t) => t.types.has("imageReference"),
  "remark-lint:no-shortcut-reference-link": (t) => t.types.has("linkReference"),
  // Scans the source of text nodes for `[`; every report starts at one.
  "remark-lint:no-undefined-references": (t) => t.bracketInText,
  // Reports a `definition` / `footnoteDefinition` nothing references.
  "remark-lint:no-unused-definitions": (t) => t.types.has("definition") || t.types.has("footnoteDefinition"),
};

/** The preset's rules in its order, each with its options (`no-undefined-references` gets ours, in its place). */
const PRESET_RULES: [plugin: Pluggable & { name: string }, options: unknown][] = (remarkPresetLintRecommended.plugins ?? [])
  .map((p) => (Array.isArray(p) ? p : [p, undefined]) as [Pluggable & { name: string }, unknown])
  .filter(([plugin]) => plugin !== remarkLint)
  .map(([plugin, options]) => [plugin, plugin === remarkLintNoUndefinedReferences ? UNDEFINED_REFERENCES : options]);

/**
 * remark-lint itself is only its message control, which it runs after every rule: it drops the preset's messages
 * that `lint disable|enable|ignore` comments silence or that fall outside every node, and fails on a `lint` comment
 * with an unknown verb. It walks the whole tree twice, so it runs only when it can do one of those.
 */
const messageControl = unified().use(remarkLint).freeze();
/** The node types remark-lint reads comments from (remark-message-control). */
export const COMMENT_TYPES = new Set(["comment", "html", "mdxFlowExpression", "mdxTextExpression"]);

const processors = new Map<string, Processor>();

/** Lints a parsed tree into `file.messages`, with the same messages, in the same order, as `linter.runSync`. */
export function lintTree(tree: unknown, file: VFile, summary: TreeSummary): void {
  const rules = PRESET_RULES.filter(([plugin]) => GATES[plugin.name]?.(summary) ?? true);
  const key = rules.map(([plugin]) => plugin.name).join(",");
  let processor = processors.get(key);
  if (!processor) {
    processor = unified()
      .use(rules.map(([plugin, options]) => (options === undefined ? plugin : [plugin, options]) as Pluggable))
      .use(OWN_RULES)
      .freeze() as unknown as Processor;
    processors.set(key, processor);
  }
  processor.runSync(tree as never, file);
  if (summary.lintComment || file.messages.some((m) => m.source === "remark-lint")) messageControl.runSync(tree as never, file);
}
