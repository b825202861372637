import { lintRule } from "unified-lint-rule";
import { walk, type Node } from "../mdx.ts";

/** Fence titles that announce a response, and fields that only responses carry. */
const RESPONSE_TITLE = /respon|stream|output|answer|reply|error|result/i;
const RESPONSE_FIELDS = /"(?:success|choices|output|result|errors|object)"\s*:/;

/** Fence languages of response examples. */
const RESPONSE_LANGS = new Set(["json", "jsonc", "json5", "text", "txt", "http"]);

/**
 * Reference pages (`src/content/docs/reference/…`, or `reference:` frontmatter) show responses only through
 * <RecordedOutput>, which renders what the tested run printed: a JSON or text fence there whose title announces a
 * response, or whose content has response fields or `data:` events, is a response written by hand, which nothing
 * checks against the API or the emulator. A request body in JSON is not flagged.
 */
export const handwrittenResponse = lintRule({ origin: "check:handwritten-response" }, (tree: Node, file) => {
  const fm = (file.data.frontmatter ?? {}) as Record<string, unknown>;
  const isReference = /(^|\/)src\/content\/docs\/reference\//.test(String(file.path ?? "")) || typeof fm.reference === "string";
  if (file.data.kind !== "page" || !isReference) return;
  walk(tree, (node) => {
    if (node.type !== "code" || !RESPONSE_LANGS.has(String(node.lang ?? "").toLowerCase())) return;
    const meta = String((node as { meta?: string | null }).meta ?? "");
    const value = String(node.value ?? "");
    // A response by its title, or by the fields only answers carry; a request body in JSON is not one.
    if (!RESPONSE_TITLE.test(meta) && !RESPONSE_FIELDS.test(value) && !/^data: /m.test(value)) return;
    file.message(
      "a hand-written response on a reference page: show the tested run's output with <RecordedOutput example=\"…\" /> (list the example in RECORDED, src/lib/recorded.ts)",
      node as never,
    );
  });
});
