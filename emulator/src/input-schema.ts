/**
 * `/ai/run/{model}` input checked against the model's published input schema (catalog `inputSchemaOf`, from
 * @cloudflare/workers-types). @cfworker/json-schema compiles nothing at run time (no eval), so it runs in a browser
 * or a Worker too. The first failure names the deepest field: `messages[0].content: Instance type "number" is invalid.`
 */
import { Validator } from "@cfworker/json-schema";
import { inputSchemaOf, type JSONSchema } from "./model-ids.ts";

const validators = new WeakMap<JSONSchema, Validator>();

function fieldPath(pointer: string, prefix: string[]): string {
  const parts = [...prefix, ...pointer.replace(/^#\/?/, "").split("/").filter(Boolean).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))];
  let out = "";
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || "(input)";
}

/** undefined when `input` fits the model's published schema (or it has none); else one message naming the field. */
export function inputSchemaProblem(modelId: string, input: unknown, prefix: string[] = []): string | undefined {
  const schema = inputSchemaOf(modelId);
  if (!schema) return undefined;
  let v = validators.get(schema);
  if (!v) validators.set(schema, (v = new Validator(schema as ConstructorParameters<typeof Validator>[0], "7", false)));
  const r = v.validate(input);
  if (r.valid) return undefined;
  // The deepest instance location is the most useful (a failing array item rather than the array).
  const deepest = r.errors.reduce((best, e) => (e.instanceLocation.split("/").length > best.instanceLocation.split("/").length ? e : best), r.errors[0]);
  return `${fieldPath(deepest.instanceLocation, prefix)}: ${deepest.error} (the model's published input schema)`;
}
