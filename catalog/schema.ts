import { z } from "zod";

/** The endpoints of the REST API a model can be called on. */
export const ENDPOINTS = ["run", "chat-completions", "responses", "messages", "embeddings"] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/** Where a non-REST alias of a model id is accepted (only the deprecated gateway surfaces). */
export const ALIAS_CONTEXTS = ["compat", "provider-native"] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use an ISO date, YYYY-MM-DD");
const modelId = z
  .string()
  .regex(/^(@cf\/)?[a-z0-9][a-z0-9.-]*\/[a-z0-9][a-z0-9.-]*$/, "a REST model id: @cf/<author>/<model> or <author>/<model>");

export const lifecycleSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("active"), planned_deprecation: isoDate.optional() }).strict(),
  z.object({ status: z.literal("deprecated"), date: isoDate, replacement: modelId, sunset: isoDate.optional() }).strict(),
  z.object({ status: z.literal("retired"), date: isoDate, replacement: modelId }).strict(),
]);

export const modelSchema = z
  .object({
    id: modelId,
    aliases: z
      .array(z.object({ id: z.string().min(3), context: z.enum(ALIAS_CONTEXTS) }).strict())
      .default([]),
    author: z.string().min(1),
    name: z.string().min(1),
    task: z.enum([
      "Text Generation",
      "Text Embeddings",
      "Text Classification",
      "Automatic Speech Recognition",
      "Text-to-Speech",
      "Text-to-Image",
    ]),
    endpoints: z.array(z.enum(ENDPOINTS)).min(1),
    context_window: z.number().int().positive().optional(),
    capabilities: z.array(z.enum(["function_calling", "reasoning", "vision", "streaming"])).default([]),
    lifecycle: lifecycleSchema,
    billing: z.enum(["unified", "byok-only", "workers-ai"]),
    source: z.string().min(3),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.lifecycle.status !== "active" && m.lifecycle.replacement === m.id) {
      ctx.addIssue({ code: "custom", path: ["lifecycle", "replacement"], message: "a model cannot replace itself" });
    }
    if (m.task === "Text Embeddings" && m.endpoints.some((e) => e !== "run" && e !== "embeddings")) {
      ctx.addIssue({ code: "custom", path: ["endpoints"], message: "an embedding model works on run and embeddings only" });
    }
  });

export type ModelInput = z.input<typeof modelSchema>;
export type Model = z.output<typeof modelSchema>;
