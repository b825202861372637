import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { docsLoader, i18nLoader } from "@astrojs/starlight/loaders";
import { docsSchema, i18nSchema } from "@astrojs/starlight/schema";
import { ENDPOINTS } from "../catalog/schema.ts";
import { deprecatedField } from "./lib/deprecations.ts";

export const collections = {
  /** Starlight's UI strings (src/content/i18n/en.json overrides a few labels). */
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        description: z.string().min(1, "every page needs a description"),
        deprecated: deprecatedField,
        /** This page is the reference of an endpoint; model pages link their endpoints to it. */
        reference: z.enum(ENDPOINTS).optional(),
      }),
    }),
  }),
  /** Reusable MDX fragments rendered with <Render file="…" params={{…}} />; a partial declares the params it reads. */
  partials: defineCollection({
    loader: glob({ pattern: "**/*.mdx", base: "./partials" }),
    schema: z
      .object({
        params: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a param name is a JS identifier")).default([]),
        description: z.string().optional(),
      })
      .strict(),
  }),
};
