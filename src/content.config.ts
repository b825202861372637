import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { docsLoader, i18nLoader } from "@astrojs/starlight/loaders";
import { docsSchema, i18nSchema } from "@astrojs/starlight/schema";
import { ENDPOINTS } from "../catalog/schema.ts";
import { NOTICE_STATUSES } from "./lib/deprecations.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use an ISO date, YYYY-MM-DD");

/**
 * Frontmatter of a page about something old: what it is, its status, where readers should go instead, and dates only
 * where a source gives them (`source` says which). Pages with it get a banner under their title and a row on
 * /deprecations/. `status: deprecated` is for what Cloudflare itself marks deprecated; `superseded` for older surfaces
 * that still work and are not deprecated (the banner then says "Older endpoint").
 */
export const deprecatedSchema = z
  .object({
    status: z.enum(NOTICE_STATUSES).default("deprecated"),
    /** When it was deprecated: only with `source`; without a date the banner says "not announced". */
    since: isoDate.optional(),
    /** When it stops working: only with `source`. */
    sunset: isoDate.optional(),
    /** Where `since`/`sunset` come from (a URL or a named Cloudflare source); `npm run check` rejects a date without it. */
    source: z.string().min(1).optional(),
    replacement: z
      .string()
      .regex(/^\/(?:[^\s?#]*\/)?(?:#[\w-]+)?$|^https:\/\/\S+$/, "a site path with slashes on both ends (/start/overview/, an optional #anchor may follow) or an https:// URL"),
    /** What the notice is about, when it is not simply "this page" (e.g. "The /compat/chat/completions endpoint"). */
    what: z.string().optional(),
    /** What kind of thing it is; /deprecations/ groups by it. */
    kind: z.enum(["page", "endpoint", "header"]).default("page"),
  })
  .strict();

export const collections = {
  /** Starlight's UI strings (src/content/i18n/en.json overrides a few labels). */
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        description: z.string().min(1, "every page needs a description"),
        /** One notice, or several when a page covers several old things (e.g. two old headers). */
        deprecated: z.union([deprecatedSchema, z.array(deprecatedSchema).min(1)]).optional(),
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
