/**
 * Every source in redirects.json answers a real 301 from the edge host (dist/_redirects under wrangler) with its
 * target in Location; the target answers 200 and renders its title; a browser that follows the redirect lands there.
 */
import { test, expect } from "@playwright/test";
import { join } from "node:path";
import { astroRedirects, loadRedirects } from "../../tools/redirects.ts";
import { BASE_URL, ROOT, docPages } from "./support.ts";

const redirects = astroRedirects(loadRedirects(join(ROOT, "redirects.json")));
const titles = new Map(docPages().map((p) => [p.path, p.title]));

test("redirects.json lists at least one moved page", () => {
  expect(Object.keys(redirects).length, "redirects.json is empty: the redirect tests below would prove nothing").toBeGreaterThan(0);
});

for (const [source, target] of Object.entries(redirects)) {
  test(`redirect ${source} → ${target}`, async ({ request, page }) => {
    const hop = await request.get(source, { maxRedirects: 0 });
    const where = `redirect ${source} → ${target} (redirects.json)`;
    expect(hop.status(), `${where}: ${source} answered ${hop.status()} instead of 301`).toBe(301);
    const location = hop.headers()["location"];
    expect(location, `${where}: the 301 from ${source} has no Location header`).toBeTruthy();
    const resolved = new URL(location, `${BASE_URL}${source}`);
    const expected = new URL(target, `${BASE_URL}/`);
    expect(resolved.href, `${where}: ${source} redirects to "${location}", not to ${target}`).toBe(expected.href);

    if (!/^https?:/.test(target)) {
      const landing = await request.get(target, { maxRedirects: 0 });
      expect(landing.status(), `${where}: the target ${target} answered ${landing.status()} instead of 200`).toBe(200);

      const response = await page.goto(source);
      expect(new URL(page.url()).pathname, `${where}: a browser opening ${source} ended at ${page.url()}`).toBe(target);
      expect(response?.status(), `${where}: the browser got ${response?.status()} for ${target}`).toBe(200);
      const h1 = page.locator("h1").first();
      const title = titles.get(target);
      if (title) await expect(h1, `${where}: the target ${target} does not show its title "${title}"`).toHaveText(title);
      else await expect(h1, `${where}: the target ${target} shows no title (h1)`).not.toBeEmpty();
    }
  });
}
