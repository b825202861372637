/**
 * style: remark-lint's recommended preset (tuned for MDX) plus the site's own lint rules (tools/check/lint/).
 * The processor runs on the tree that parse.ts already built; it never re-parses.
 */
import { unified } from "unified";
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

/** Our rules are errors; the preset's are warnings (they are about how markdown renders, not about facts). */
export const linter = unified()
  .use(remarkPresetLintRecommended)
  // MDX/Starlight text uses `[ ]`, `[x]`, `[DONE]` as plain words; only flag references that look like links.
  .use(remarkLintNoUndefinedReferences, { allow: [/^[^a-z]*$/i, "x", " "] })
  .use(workerInFence, ["error"])
  .use(handwrittenApiCall, ["error"])
  .use(deprecatedEndpoint, ["error"])
  .use(noSecrets, ["error"])
  .use(requiredFrontmatter, ["error"])
  // Claims the sources do not make: dates no source backs, id forms on endpoints that do not document them.
  .use(deprecationDates, ["error"])
  .use(thirdPartyPathForm, ["error"])
  .use(providerNativeIds, ["error"])
  .use(handwrittenResponse, ["error"])
  .freeze();
