import { lintRule } from "unified-lint-rule";
import { findSecrets } from "../text.ts";

/** No API tokens, `sk-…` keys or literal bearer credentials in pages and partials (examples are checked the same way). */
export const noSecrets = lintRule({ origin: "check:no-secrets" }, (_tree, file) => {
  const text = String(file.value);
  for (const s of findSecrets(text)) {
    const before = text.slice(0, s.index);
    const line = before.split("\n").length;
    const column = s.index - before.lastIndexOf("\n");
    file.message(`${s.message}: use an environment variable or a placeholder such as $CLOUDFLARE_API_TOKEN`, {
      line,
      column,
    });
  }
});
