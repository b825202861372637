/**
 * Reads one file into FileFacts: parses it once (MDX → mdast, or code → tokens), runs the per-file lint rules on that
 * tree, and collects what the cross-file rules need (id mentions, links, anchors, <Render>, examples used).
 */
import { VFile } from "vfile";
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import GithubSlugger from "github-slugger";
import { toString } from "mdast-util-to-string";
import {
  attr,
  estreeStrings,
  insideDeprecated,
  isDeprecatedPage,
  JSX,
  mdParser,
  objectKeys,
  parser,
  walk,
  type Node,
} from "./mdx.ts";
import { findSecrets, idCandidates, jsStrings, JS_LANGS, LineIndex } from "./text.ts";
import { COMMENT_TYPES, HEADING_SPACING, itemSpacingOff, lintTree, type TreeSummary } from "./rules/style.ts";
import { manifestEntry } from "../../examples/harness/manifest.ts";
import type { FileFacts, FileKind } from "./types.ts";

/** Attributes whose values are not prose: ids of examples/partials, URLs, CSS. */
const NOT_PROSE_ATTRS = new Set([
  "example",
  "file",
  "region",
  "href",
  "src",
  "slug",
  "class",
  "className",
  "syncKey",
  "icon",
  "lang",
  "id",
  "replacement",
]);

export function emptyFacts(path: string, kind: FileKind): FileFacts {
  return {
    path,
    kind,
    frontmatter: null,
    deprecatedPage: false,
    anchors: [],
    headings: [],
    ids: [],
    links: [],
    renders: [],
    examples: [],
    componentUses: [],
    propsUsed: [],
    example: null,
    ignores: [],
    findings: [],
  };
}

/**
 * `check-ignore model-ids` in a comment (`{/* … *\/}` in MDX, `// …` or `# …` in code) silences the named rules on
 * its own line and the next one; a reason may follow after ` -- `.
 */
const IGNORE = /check-ignore\s+([a-z-]+(?:\s*,\s*[a-z-]+)*)/g;

function ignoresIn(text: string, lines: LineIndex): FileFacts["ignores"] {
  if (!text.includes("check-ignore")) return [];
  return [...text.matchAll(IGNORE)].map((m) => ({ line: lines.pos(m.index).line, rules: m[1].split(/\s*,\s*/) }));
}

export function parseFile(path: string, text: string, kind: FileKind, prefixes: ReadonlySet<string>): FileFacts {
  return kind === "example" ? parseExample(path, text, prefixes) : parseMdx(path, text, kind, prefixes);
}

function parseExample(path: string, text: string, prefixes: ReadonlySet<string>): FileFacts {
  const facts = emptyFacts(path, "example");
  const lines = new LineIndex(text);
  facts.ignores = ignoresIn(text, lines);
  const pieces = path.endsWith(".sh") ? [{ text, offset: 0, moduleSpecifier: false }] : jsStrings(text);
  for (const p of pieces) {
    if (p.moduleSpecifier) continue;
    for (const c of idCandidates(p.text, prefixes)) {
      facts.ids.push({ id: c.id, ...lines.pos(p.offset + c.index), deprecatedContext: false, where: "example code" });
    }
  }
  const language = path.slice(path.lastIndexOf(".") + 1);
  facts.example = manifestEntry({ id: path.slice("examples/".length, -(language.length + 1)), file: path, language, source: text });
  for (const s of findSecrets(text)) {
    facts.findings.push({
      path,
      ...lines.pos(s.index),
      rule: "style",
      code: "no-secrets",
      severity: "error",
      message: `${s.message}: read it from an environment variable`,
    });
  }
  return facts;
}

function parseMdx(path: string, text: string, kind: FileKind, prefixes: ReadonlySet<string>): FileFacts {
  const facts = emptyFacts(path, kind);
  const lines = new LineIndex(text);
  facts.ignores = ignoresIn(text, lines);
  const file = new VFile({ path, value: text });
  const start = (n: Node) => n.position?.start.offset ?? 0;
  let tree: Node;
  try {
    tree = (path.endsWith(".md") ? mdParser : parser).parse(file) as unknown as Node;
  } catch (e) {
    const err = e as {
      line?: number;
      column?: number;
      place?: { line?: number; column?: number; start?: { line: number; column: number } };
      reason?: string;
      message: string;
    };
    const place = err.place && "start" in err.place ? err.place.start : err.place;
    facts.findings.push({
      path,
      line: place?.line ?? err.line ?? 1,
      column: place?.column ?? err.column ?? 1,
      rule: "style",
      code: "parse",
      severity: "error",
      message: `cannot parse MDX: ${err.reason ?? err.message}`,
    });
    return facts;
  }

  // Frontmatter
  const yamlNode = tree.children?.[0]?.type === "yaml" ? tree.children[0] : undefined;
  if (yamlNode) {
    // The YAML text starts after the opening `---` line.
    const yamlStart = start(yamlNode) + 4;
    const doc = parseDocument(String(yamlNode.value));
    const error = doc.errors[0];
    if (error) {
      facts.findings.push({
        path,
        ...lines.pos(yamlStart + error.pos[0]),
        rule: "style",
        code: "frontmatter",
        severity: "error",
        message: `frontmatter is not valid YAML: ${error.message.split("\n")[0]}`,
      });
    } else {
      const fm: unknown = doc.toJS();
      facts.frontmatter = fm && typeof fm === "object" && !Array.isArray(fm) ? (fm as Record<string, unknown>) : {};
      // Every `deprecated.replacement` is a link, whether `deprecated:` is one mapping or a list of them.
      const deprecated = doc.get("deprecated", true);
      for (const item of isSeq(deprecated) ? deprecated.items : [deprecated]) {
        const replacement = isMap(item) ? item.get("replacement", true) : undefined;
        if (isScalar(replacement) && typeof replacement.value === "string")
          facts.links.push({ url: replacement.value, ...lines.pos(yamlStart + (replacement.range?.[0] ?? 0)), where: "link" });
      }
    }
  }
  facts.deprecatedPage = isDeprecatedPage(facts.frontmatter);

  // Facts
  const slugger = new GithubSlugger();
  const push = (id: string, guess: number, node: Node, where: string, deprecatedContext: boolean, marked = false) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? text.length;
    let at = text.startsWith(id, guess) ? guess : text.indexOf(id, start);
    if (at < 0 || at > end) at = start;
    facts.ids.push({ id, ...lines.pos(at), deprecatedContext, where, ...(marked ? { marked } : {}) });
  };
  const scan = (value: string, base: number, node: Node, where: string, dep: boolean) => {
    for (const c of idCandidates(value, prefixes)) push(c.id, base + c.index, node, where, dep);
  };

  // What the lint gates need to know (rules/style.ts), gathered on the same walk.
  const summary: TreeSummary = {
    types: new Set<string>(),
    bracketInText: false,
    orderedList: false,
    bareLink: false,
    lintComment: false,
    headingSpacing: false,
    itemSpacing: false,
  };
  const source = (n: Node | undefined) => text.slice(start(n!), n?.position?.end.offset ?? text.length);
  walk(tree, (node, ancestors) => {
    (summary.types as Set<string>).add(node.type);
    if (node.type === "text") summary.bracketInText ||= source(node).includes("[");
    else if (node.type === "heading") summary.headingSpacing ||= HEADING_SPACING.test(source(node));
    else if (node.type === "listItem" && !summary.itemSpacing) {
      const head = node.children?.[0];
      summary.itemSpacing = !head?.position || itemSpacingOff(text.slice(start(node), start(head)));
    } else if (node.type === "list" && (node as { ordered?: boolean }).ordered) summary.orderedList = true;
    else if (node.type === "link" && text[start(node)] !== "[" && text[start(node)] !== "<") summary.bareLink = true;
    else if (COMMENT_TYPES.has(node.type) && String(node.value).includes("lint")) summary.lintComment = true;
    const dep = facts.deprecatedPage || insideDeprecated(ancestors) || insideDeprecated([node]);
    const pos = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    switch (node.type) {
      case "yaml":
        scan(String(node.value), start(node) + 4, node, "frontmatter", dep);
        return;
      case "text":
        scan(String(node.value), start(node), node, "prose", dep);
        return;
      case "inlineCode":
        scan(String(node.value), start(node) + 1, node, "inline code", dep);
        return;
      case "code": {
        const value = String(node.value);
        const contentStart = text.indexOf("\n", start(node)) + 1;
        if (JS_LANGS.has(String(node.lang ?? "").toLowerCase())) {
          for (const p of jsStrings(value))
            if (!p.moduleSpecifier) scan(p.text, contentStart + p.offset, node, "code", dep);
        } else scan(value, contentStart, node, "code", dep);
        return;
      }
      case "heading": {
        const heading = toString(node as never);
        facts.headings.push(heading);
        facts.anchors.push(slugger.slug(heading));
        return;
      }
      case "link":
      case "definition":
        if (node.url) facts.links.push({ url: node.url, ...pos, where: node.type === "link" ? "link" : "definition" });
        return;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        collectProps(String(node.value), node);
        estreeStrings(node.data?.estree, (v, s) =>
          scan(v, typeof s === "number" ? s + 1 : start(node), node, "expression", dep),
        );
        return;
    }
    if (!JSX.has(node.type)) return;
    const name = node.name ?? "";
    if (name) facts.componentUses.push({ name, ...pos });
    for (const a of node.attributes ?? []) {
      const apos = a.position ? { line: a.position.start.line, column: a.position.start.column } : pos;
      const anode = (a.position ? a : node) as Node;
      if (a.type !== "mdxJsxAttribute" || !a.name) continue;
      if (typeof a.value === "string") {
        const vStart = text.indexOf(a.value, start(anode));
        if (a.name === "href" || (a.name === "replacement" && name === "Deprecated"))
          facts.links.push({ url: a.value, ...apos, where: "href" });
        else if (a.name === "id" && name === "ModelId") push(a.value, vStart, anode, "<ModelId>", dep, true);
        else if (a.name === "id") facts.anchors.push(a.value);
        else if (a.name === "model") push(a.value, vStart, anode, `<${name} model>`, dep);
        else if (!NOT_PROSE_ATTRS.has(a.name)) scan(a.value, vStart, anode, `<${name} ${a.name}>`, dep);
      } else if (a.value && typeof a.value === "object") {
        collectProps(a.value.value, anode);
        estreeStrings(a.value.data?.estree, (v, s) =>
          scan(v, typeof s === "number" ? s + 1 : start(anode), anode, `<${name} ${a.name}>`, dep),
        );
      }
    }
    if (name === "Render") {
      const file = attr(node, "file");
      const paramsAttr = node.attributes?.find((a) => a.name === "params");
      const params =
        paramsAttr && typeof paramsAttr.value === "object" && paramsAttr.value
          ? objectKeys(paramsAttr.value.data?.estree)
          : [];
      if (file) facts.renders.push({ file, params, ...pos, deprecatedContext: dep });
    } else if (name === "TypeScriptExample" || name === "Example") {
      const example = attr(node, "example");
      if (example)
        facts.examples.push({
          example,
          region: attr(node, "region") ?? null,
          component: name,
          ...pos,
          deprecatedContext: dep,
        });
    }
  });

  // Lint (style rule) on the same tree
  file.data.frontmatter = facts.frontmatter;
  file.data.kind = kind;
  lintTree(tree, file, summary);
  for (const m of file.messages) {
    const own = m.source === "check";
    facts.findings.push({
      path,
      line: m.line ?? 1,
      column: m.column ?? 1,
      rule: "style",
      code: own ? String(m.ruleId) : `remark-lint/${m.ruleId}`,
      severity: m.fatal ? "error" : "warning",
      message: m.reason,
    });
  }
  return facts;

  function collectProps(code: string, node: Node) {
    for (const m of code.matchAll(/\bprops\.([A-Za-z_$][\w$]*)/g)) {
      facts.propsUsed.push({
        name: m[1],
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
      });
    }
  }
}
