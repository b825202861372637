/** The shape of one overlay entry (catalog/overlay.ts): any model field, plus where the overlay's facts come from. */
import { z } from "zod";
import { modelObject } from "../../catalog/schema.ts";

/** Every model field optional except `source`. */
export const overlayEntrySchema = modelObject.omit({ id: true }).partial().extend({ source: z.string().min(3) }).strict();

export type OverlayEntry = z.input<typeof overlayEntrySchema>;
