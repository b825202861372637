/**
 * The site's Markdown pipeline (astro.config.mjs: satteri() with our plugins, Starlight's processedDirs) on MDX
 * rendered with the Astro Container API: a partial gets Starlight's asides and heading anchor links as a page does,
 * and Markdown tables are keyboard-focusable.
 */
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import { getContainerRenderer } from "@astrojs/mdx/container-renderer";
import { beforeAll, describe, expect, it } from "vitest";

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
});

const render = async (module: Promise<{ default: Parameters<AstroContainer["renderToString"]>[0] }>) =>
  container.renderToString((await module).default);

describe("partials", () => {
  it("render :::note as a Starlight aside and give headings anchor links (partials/ is a processed dir)", async () => {
    // Served from tests/components/fixtures/ under the path partials/__fixtures__/ (see vitest.config.ts).
    const html = await render(import("../../partials/__fixtures__/aside.mdx"));
    expect(html).toMatch(/<aside aria-label="Note" class="starlight-aside starlight-aside--note">/);
    expect(html).toContain('<a class="sl-anchor-link" href="#setup-steps">');
  });

  it("outside partials/ and the docs, the same MDX gets neither (so the test above proves the setting)", async () => {
    const html = await render(import("./fixtures/aside.mdx"));
    expect(html).not.toContain("starlight-aside");
    expect(html).not.toContain("sl-anchor-link");
  });
});

describe("Markdown tables", () => {
  it("are keyboard-focusable (tabindex=0), so a table that scrolls sideways can be scrolled by keyboard", async () => {
    const html = await render(import("../../partials/__fixtures__/table.mdx"));
    expect(html).toMatch(/<table tabindex="0">/);
  });
});
