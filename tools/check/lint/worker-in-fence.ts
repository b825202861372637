import { lintRule } from "unified-lint-rule";
import { walk, type Node } from "../mdx.ts";

/** Worker code (`export default { fetch … }`) belongs in examples/ and on the page through <TypeScriptExample>. */
export const workerInFence = lintRule({ origin: "check:worker-in-fence" }, (tree: Node, file) => {
  walk(tree, (node) => {
    if (node.type !== "code") return;
    const code = String(node.value);
    if (
      /export\s+default\s*\{[\s\S]*?\bfetch\b/.test(code) ||
      /export\s+default\s+\w+\s+satisfies\s+ExportedHandler/.test(code)
    ) {
      file.message(
        "Worker code in a bare code fence: move it to examples/ and show it with <TypeScriptExample>",
        node as never,
      );
    }
  });
});
