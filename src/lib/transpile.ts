/**
 * The one TypeScript → JavaScript function: the site's JavaScript tabs show its output and the examples tests run
 * that same output, so the JavaScript a reader copies is JavaScript that ran.
 *
 * Choice: ts-blank-space + prettier. ts-blank-space erases type syntax by overwriting it with spaces, so every comment
 * and every blank line of the TypeScript stays where the author put it; prettier then tidies the gaps the types left
 * behind. TypeScript's own `transpileModule` was tried as well: it drops blank lines (the paragraphs of an example) and
 * rewrites some constructs, so its output reads less like the TypeScript next to it. Examples are written as
 * erasable TypeScript (no enums, namespaces or parameter properties), which is what ts-blank-space supports.
 */
import tsBlankSpace from "ts-blank-space";
import { format, type Options } from "prettier";
import ts from "typescript";

/** House style for code samples (the TypeScript examples are formatted with the same options). */
export const PRETTIER_OPTIONS: Options = {
  printWidth: 80,
  singleQuote: false,
  semi: true,
  trailingComma: "all",
};

export class TranspileError extends Error {}

/** Results by file and source text: a build turns each example into JavaScript once, however many pages show it. */
const transpiled = new Map<string, Promise<string>>();
const MAX_CACHED = 1000;

/**
 * Strips the types from erasable TypeScript and formats the result. Throws a TranspileError naming `file` when the
 * input uses TypeScript that cannot be erased (an enum, say) or does not parse. The same input gives the same
 * result (or error) from a cache.
 */
export function toJavaScript(source: string, file = "<input>"): Promise<string> {
  const key = `${file}\0${source}`;
  let result = transpiled.get(key);
  if (!result) {
    if (transpiled.size >= MAX_CACHED) transpiled.delete(transpiled.keys().next().value!);
    result = transpile(source, file);
    transpiled.set(key, result);
  }
  return result;
}

async function transpile(source: string, file: string): Promise<string> {
  const unsupported: string[] = [];
  const blanked = tsBlankSpace(withoutTypeDocs(source), (node) => {
    const start = ts.skipTrivia(source, node.pos);
    const before = source.slice(0, start).split("\n");
    const text = source.slice(start, node.end).split("\n")[0];
    unsupported.push(`${file}:${before.length}:${before[before.length - 1].length + 1}: ${text}`);
  });
  if (unsupported.length) {
    throw new TranspileError(
      `Cannot turn TypeScript into JavaScript: use erasable TypeScript only (no enum, namespace, parameter properties):\n  ${unsupported.join("\n  ")}`,
    );
  }
  // A multi-line type declaration leaves a run of empty lines behind: keep at most one blank line.
  const collapsed = blanked
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
  try {
    return await format(collapsed, { ...PRETTIER_OPTIONS, parser: "babel" });
  } catch (error) {
    throw new TranspileError(`${file}: the JavaScript generated from it does not parse: ${(error as Error).message}`);
  }
}

/**
 * A comment written directly above a type-only statement (`interface Env`, `type X = …`, `import type …`) describes
 * that type; once the type is gone the comment would describe nothing. Blank such comments (and the statement) so the
 * JavaScript does not carry orphans. Comments separated from the statement by a blank line are kept.
 */
function withoutTypeDocs(source: string): string {
  const sf = ts.createSourceFile("example.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let out = source;
  const blank = (from: number, to: number) => {
    out = out.slice(0, from) + out.slice(from, to).replace(/[^\n]/g, " ") + out.slice(to);
  };
  for (const statement of sf.statements) {
    if (!isTypeOnly(statement)) continue;
    let start = statement.getStart(sf);
    const comments = ts.getLeadingCommentRanges(source, statement.getFullStart()) ?? [];
    for (let i = comments.length - 1; i >= 0; i--) {
      const between = source.slice(comments[i].end, start);
      if ((between.match(/\n/g) ?? []).length > 1) break; // a blank line: the comment belongs to something else
      start = comments[i].pos;
    }
    blank(start, statement.getEnd());
  }
  return out;
}

function isTypeOnly(node: ts.Statement): boolean {
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return true;
  if (ts.isImportDeclaration(node)) return node.importClause?.isTypeOnly === true;
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  return !!ts.getModifiers(node as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
}
