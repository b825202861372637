import { lintRule } from "unified-lint-rule";
import { walk, type Node } from "../mdx.ts";

/** Fence languages of response examples. */
const RESPONSE_LANGS = new Set(["json", "jsonc", "json5", "text", "txt", "http"]);

/**
 * Reference pages (`src/content/docs/reference/…`, or `reference:` frontmatter) show responses only through
 * <RecordedOutput>, which renders what the tested run printed: a JSON or text fence there is a response written by
 * hand, which nothing checks against the API or the emulator.
 */
export const handwrittenResponse = lintRule({ origin: "check:handwritten-response" }, (tree: Node, file) => {
  const fm = (file.data.frontmatter ?? {}) as Record<string, unknown>;
  const isReference = /(^|\/)src\/content\/docs\/reference\//.test(String(file.path ?? "")) || typeof fm.reference === "string";
  if (file.data.kind !== "page" || !isReference) return;
  walk(tree, (node) => {
    if (node.type !== "code" || !RESPONSE_LANGS.has(String(node.lang ?? "").toLowerCase())) return;
    file.message(
      "a hand-written response on a reference page: show the tested run's output with <RecordedOutput example=\"…\" /> (list the example in RECORDED, src/lib/recorded.ts)",
      node as never,
    );
  });
});
