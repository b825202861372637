/**
 * Code highlighting does not depend on how busy the machine is. Shiki stops tokenizing a line after 500 ms by default
 * and leaves the rest of it plain, so a build under load could ship a block with half its highlighting gone; the site's
 * Expressive Code config lifts that limit (astro.config.mjs). Rendered through the project's own Astro config.
 */
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Code } from "@astrojs/starlight/components";

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});
afterEach(() => vi.restoreAllMocks());

const code = 'const answer = await fetch("https://api.cloudflare.com/client/v4/accounts/x/ai/run", { method: "POST" });\n';

describe("code highlighting on a slow machine", () => {
  it("highlights a line the same when each clock reading is a second later than the last", async () => {
    const calm = await container.renderToString(Code, { props: { code, lang: "ts" } });
    let now = Date.now();
    vi.spyOn(Date, "now").mockImplementation(() => (now += 1000));
    const busy = await container.renderToString(Code, { props: { code, lang: "ts" } });
    expect(calm.match(/<span style=/g)?.length ?? 0).toBeGreaterThan(5);
    expect(busy).toBe(calm);
  });
});
