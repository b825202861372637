/**
 * The catalog look-ups the emulator uses, all from catalog/index.ts: routes read model and provider knowledge through
 * this module only (no slug tables or id-prefix tests of their own).
 */
import type { Model } from "../../catalog/index.ts";

export {
  authorOfSlug,
  compatFormOf,
  currentReplacement,
  findModel,
  getModel,
  inputSchemaOf,
  isWorkersAiId,
  isWorkersAiModel,
  models,
  providerModelId,
  providerOf,
  restFormOf,
  type Endpoint,
  type JSONSchema,
  type Model,
} from "../../catalog/index.ts";

export type Quirks = NonNullable<Model["quirks"]>;

/** A model's quirks (catalog data), or none. */
export function quirksOf(model: Model): Quirks {
  return model.quirks ?? {};
}
