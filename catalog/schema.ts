import { z } from "zod";

/** The endpoints of the REST API a model can be called on. */
export const ENDPOINTS = ["run", "chat-completions", "responses", "messages", "embeddings"] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/**
 * Where an alias of a model id is accepted: `rest` is another spelling of the REST id that a source uses (for
 * example Cloudflare's catalog writes `anthropic/claude-sonnet-4.5` where the REST page writes `…-4-5`); `compat` and
 * `provider-native` are forms only the deprecated gateway surfaces accept. Compat forms that follow from the provider
 * slug (`workers-ai/@cf/…`, `google-ai-studio/…`) are derived by catalog/index.ts and need no entry.
 */
export const ALIAS_CONTEXTS = ["rest", "compat", "provider-native"] as const;

/** Workers AI tasks (as Cloudflare's model catalog names them) and the task of third-party chat models. */
export const TASKS = [
  "Text Generation",
  "Text Embeddings",
  "Text Classification",
  "Automatic Speech Recognition",
  "Text-to-Speech",
  "Text-to-Image",
  "Image-to-Text",
  "Image Classification",
  "Object Detection",
  "Translation",
  "Summarization",
  "Voice Activity Detection",
  "Text-to-Video",
  "Image-to-Video",
  "Music Generation",
] as const;
export type Task = (typeof TASKS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use an ISO date, YYYY-MM-DD");
/** Workers AI ids start with `@cf/` or `@hf/`; some model names carry capitals (`…-9B-A2B`). */
export const REST_ID = /^(@(cf|hf)\/)?[a-z0-9][a-z0-9.-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const modelId = z.string().regex(REST_ID, "a REST model id: @cf/<author>/<model>, @hf/<author>/<model> or <author>/<model>");

export const lifecycleSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("active"), planned_deprecation: isoDate.optional() }).strict(),
  z.object({ status: z.literal("deprecated"), date: isoDate, replacement: modelId, sunset: isoDate.optional() }).strict(),
  // `date`: the retirement day, only where a source gives one (never the day a failure was noticed).
  z.object({ status: z.literal("retired"), date: isoDate.optional(), replacement: modelId }).strict(),
]);

/** Behaviour of one model that differs from its kind's, as data (the emulator and pages read these). */
export const quirksSchema = z
  .object({
    /** `stream: true` on /ai/run answers one JSON body instead of an event stream (gpt-oss). */
    runStreamAnswersJson: z.boolean().optional(),
    /** On /ai/v1/responses only non-streaming requests are answered (Workers AI gpt-oss). */
    responsesNonStreamingOnly: z.boolean().optional(),
  })
  .strict();

/** One input parameter or output field as a model page lists it. */
export const fieldSchema = z
  .object({
    name: z.string().min(1),
    type: z.string().min(1),
    required: z.boolean(),
    min: z.number().optional(),
    /** The value must be greater than this (JSON Schema exclusiveMinimum). */
    exclusive_min: z.number().optional(),
    max: z.number().optional(),
    default: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    note: z.string().optional(),
  })
  .strict();
export type Field = z.output<typeof fieldSchema>;

/** The fields of a model entry, without the cross-field rules (the overlay schema derives from it). */
export const modelObject = z
  .object({
    id: modelId,
    aliases: z
      .array(
        z
          .object({ id: z.string().min(3), context: z.enum(ALIAS_CONTEXTS), source: z.string().min(3).optional() })
          .strict(),
      )
      .default([]),
    author: z.string().min(1),
    name: z.string().min(1),
    task: z.enum(TASKS),
    /** The REST endpoints that take the model; empty only for a model served elsewhere (`only_on`). */
    endpoints: z.array(z.enum(ENDPOINTS)),
    /** A model the REST API does not serve: `gateway-run-api` is the gateway host's preview Run API (`POST …/{gateway}/run`). */
    only_on: z.literal("gateway-run-api").optional(),
    context_window: z.number().int().positive().optional(),
    max_output_tokens: z.number().int().positive().optional(),
    capabilities: z.array(z.enum(["function_calling", "reasoning", "vision", "streaming"])).default([]),
    lifecycle: lifecycleSchema,
    /** Who bills the model; absent where no source says. */
    billing: z.enum(["unified", "byok-only", "workers-ai"]).optional(),
    source: z.string().min(3),
    note: z.string().optional(),
    quirks: quirksSchema.optional(),
    /** Input parameters and output fields, from the model's types or schema (catalog:build). */
    inputs: z.array(fieldSchema).optional(),
    outputs: z.array(fieldSchema).optional(),
    /** Key of the model's /ai/run input JSON Schema in ./generated/input-schemas.json, when a source gives one. */
    input_schema: z.string().optional(),
    /** Set by catalog:build when the model's source no longer lists it: someone should decide its lifecycle. */
    review: z.string().optional(),
  })
  .strict();

export const modelSchema = modelObject.superRefine((m, ctx) => {
    if (m.lifecycle.status !== "active" && m.lifecycle.replacement === m.id) {
      ctx.addIssue({ code: "custom", path: ["lifecycle", "replacement"], message: "a model cannot replace itself" });
    }
    if (m.only_on ? m.endpoints.length > 0 : m.endpoints.length === 0) {
      const message = m.only_on ? `a model only on ${m.only_on} has no REST endpoints` : "name at least one REST endpoint (or only_on for a model the REST API does not serve)";
      ctx.addIssue({ code: "custom", path: ["endpoints"], message });
    }
    if (m.task === "Text Embeddings" && m.endpoints.some((e) => e !== "run" && e !== "embeddings")) {
      ctx.addIssue({ code: "custom", path: ["endpoints"], message: "an embedding model works on run and embeddings only" });
    }
  });

export type ModelInput = z.input<typeof modelSchema>;
export type Model = z.output<typeof modelSchema>;
