// Expressive Code options, in their own file because one of them is a function (the Astro config's copy must be JSON).
import { defineEcConfig } from "@astrojs/starlight/expressive-code";

export default defineEcConfig({
  // Long lines wrap (indent kept) instead of scrolling sideways: on a phone the whole sample stays readable, and no
  // code block becomes a scroll region that keyboard users would have to focus.
  defaultProps: { wrap: true },
  shiki: {
    // Shiki gives up on a line after 500 ms of tokenizing and leaves the rest plain, so under load a build could ship a
    // block with part of its highlighting missing: no time limit, so the same code always renders the same.
    transformers: [{ name: "no-tokenize-time-limit", preprocess: (_code, options) => void (options.tokenizeTimeLimit = 0) }],
  },
});
