/**
 * Markdown plugin (Sätteri, Astro 7's Markdown/MDX processor; astro.config.mjs passes it to `satteri()`): gives every table written in Markdown `tabindex="0"`.
 * Starlight lets a wide table scroll sideways inside the page on small screens; a region that scrolls must be
 * reachable by keyboard, or keyboard users cannot read its hidden columns (axe: scrollable-region-focusable).
 */
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
