/**
 * Markdown plugin (Sätteri, Astro 7's Markdown/MDX processor): gives every table written in Markdown `tabindex="0"`.
 * Starlight lets a wide table scroll sideways inside the page on small screens; a region that scrolls must be
 * reachable by keyboard, or keyboard users cannot read its hidden columns (axe: scrollable-region-focusable).
 */
import type { AstroIntegration } from "astro";
import { defineHastPlugin } from "satteri";

export const focusableTablesPlugin = defineHastPlugin({
  name: "focusable-tables",
  element: {
    filter: ["table"],
    visit(node, ctx) {
      ctx.setProperty(node, "tabIndex", 0);
    },
  },
});

export function focusableTables(): AstroIntegration {
  return {
    name: "ai-docs:focusable-tables",
    hooks: {
      "astro:config:setup": ({ config, logger }) => {
        const processor = config.markdown?.processor as { name?: string; options?: { hastPlugins?: unknown[] } } | undefined;
        if (processor?.name === "satteri" && processor.options) {
          (processor.options.hastPlugins ??= []).push(focusableTablesPlugin);
        } else {
          logger.warn("Markdown processor is not Sätteri: Markdown tables will not be keyboard-focusable");
        }
      },
    },
  };
}
