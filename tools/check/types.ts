/** Shared types of `npm run check`: findings and the per-file facts that the rules read. */

export type Severity = "error" | "warning";

export const RULES = ["model-ids", "redirects", "style", "links", "partials"] as const;
export type RuleName = (typeof RULES)[number];

/** One problem at one place. `code` narrows the rule, e.g. rule "redirects", code "chain" → `redirects/chain`. */
export type Finding = {
  path: string; // relative to the checked root, with forward slashes
  line: number;
  column: number;
  rule: RuleName;
  code: string;
  severity: Severity;
  message: string;
  suggestion?: string;
};

export type Pos = { line: number; column: number };

/** Something that looks like a model id, where a reader sees it. */
export type IdMention = Pos & {
  id: string;
  /** On a deprecated page, inside <Deprecated>, or in a deprecated example: provider-slug forms are fine there. */
  deprecatedContext: boolean;
  /** Shown through <ModelId>, which marks deprecated and retired models visibly: lifecycle is not an error there. */
  marked?: boolean;
  /** Where it was found, for messages: "prose", "code", "frontmatter", "attribute", … */
  where: string;
};

export type LinkMention = Pos & { url: string; where: "link" | "href" | "definition" };

export type RenderMention = Pos & { file: string; params: string[] | null; deprecatedContext: boolean };

export type ExampleMention = Pos & {
  example: string;
  region: string | null;
  component: string;
  deprecatedContext: boolean;
};

export type FileKind = "page" | "partial" | "example";

/** What the examples harness knows about one example file (examples/harness/manifest.ts), computed from its text. */
import type { ManifestEntry } from "../../examples/harness/manifest.ts";
export type { ManifestEntry };

/** Everything the cross-file rules need to know about one file. Plain data, so a worker thread can compute it. */
export type FileFacts = {
  path: string;
  kind: FileKind;
  /** Parsed YAML frontmatter (pages and partials); null when there is none. */
  frontmatter: Record<string, unknown> | null;
  deprecatedPage: boolean;
  /** Heading slugs and explicit `id` attributes: the anchors this file contributes. */
  anchors: string[];
  /** The text of each Markdown heading, in order (what a reader would search for). */
  headings: string[];
  ids: IdMention[];
  links: LinkMention[];
  renders: RenderMention[];
  examples: ExampleMention[];
  /** Each use of a JSX component (`AuthHeaders`, `Render`, …), in order. */
  componentUses: (Pos & { name: string })[];
  /** `{props.x}` names used by a partial. */
  propsUsed: (Pos & { name: string })[];
  /** For examples: regions, endpoints, models, whether it calls the deprecated gateway host, `shows: "failure"`. */
  example: ManifestEntry | null;
  /** `check-ignore RULE[, RULE]` comments: findings of those rules on that line or the next are dropped. */
  ignores: { line: number; rules: string[] }[];
  /** Findings that need only this file: parse errors, style lint. */
  findings: Finding[];
};
