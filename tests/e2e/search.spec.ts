/**
 * Site search (Pagefind, in Starlight's search dialog) finds the right page first for what readers type: an endpoint
 * name, a header name and a provider's error message. Runs under the real CSP, so a policy that blocks Pagefind's
 * WebAssembly or worker fails here.
 */
import { test, expect } from "@playwright/test";
import { docPages } from "./support.ts";

const pages = docPages();

/**
 * The page that should come first: a page named explicitly below, else the page whose title (or, failing that, a
 * heading) contains the query.
 */
const cases: { query: string; page?: RegExp }[] = [
  { query: "responses", page: /^\/reference\/responses\/$/ },
  { query: "cf-aig-gateway-id", page: /^\/gateways\// },
  { query: "Invalid API Key", page: /^\/troubleshooting\// },
];

function rightPages(query: string): string[] {
  const q = query.toLowerCase();
  const byTitle = pages.filter((p) => p.title.toLowerCase().includes(q));
  if (byTitle.length) return byTitle.map((p) => p.path);
  return pages.filter((p) => p.headings.some((h) => h.toLowerCase().includes(q))).map((p) => p.path);
}

for (const { query, page: expectedPage } of cases) {
  test(`search "${query}" finds the right page first`, async ({ page }) => {
    await page.goto("/");
    await page.locator("site-search button[data-open-modal]").first().click();
    const dialog = page.locator("site-search dialog");
    await expect(dialog, `/: the search dialog does not open`).toBeVisible();
    const input = dialog.getByRole("searchbox").or(dialog.locator("input.pagefind-ui__search-input")).first();
    await input.fill(query);
    const first = dialog.locator(".pagefind-ui__result-link").first();
    await expect(first, `search "${query}": no results in the search dialog`).toBeVisible({ timeout: 10_000 });
    const href = new URL((await first.getAttribute("href"))!, page.url());
    const where = `search "${query}": first result is ${href.pathname}${href.hash} ("${(await first.innerText()).trim()}")`;
    if (expectedPage) expect(href.pathname, `${where}, expected a page matching ${expectedPage}`).toMatch(expectedPage);
    const right = rightPages(query);
    if (!expectedPage || right.length) {
      expect(right, `search "${query}": no page has it in its title or a heading`).not.toEqual([]);
      expect(right, `${where}, expected one of ${right.join(", ")} (pages with "${query}" in the title or a heading)`).toContain(href.pathname);
    }
    // The result leads somewhere real.
    await first.click();
    await page.waitForURL((u) => u.pathname === href.pathname, { timeout: 5_000 }).catch(() => undefined);
    expect(new URL(page.url()).pathname, `${where}: clicking it went to ${page.url()}`).toBe(href.pathname);
  });
}
