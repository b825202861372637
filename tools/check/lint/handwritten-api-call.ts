import { lintRule } from "unified-lint-rule";
import { walk, type Node } from "../mdx.ts";

/** A request to the REST API written in a fence has never run: it must come from examples/ (<Example>, <TypeScriptExample>). */
export const handwrittenApiCall = lintRule({ origin: "check:handwritten-api-call" }, (tree: Node, file) => {
  walk(tree, (node) => {
    if (node.type !== "code") return;
    const m = /\/client\/v4\/accounts\/[^/\s"'`]+\/ai\/[^\s"'`]*/.exec(String(node.value));
    if (m) {
      file.message(
        `an API call written by hand (\`${m[0]}\`): put it in examples/ and show it with <Example> or <TypeScriptExample>`,
        node as never,
      );
    }
  });
});
