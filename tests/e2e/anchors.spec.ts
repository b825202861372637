/**
 * A section link lands on its section: on the pages with the most code blocks (where blocks that render late would
 * move everything below them), choosing the last section in "On this page" (desktop) or opening a link to it (phone)
 * leaves its heading in the upper half of the viewport once the page has settled, and the heading stays there.
 * The pages and headings are read from dist/.
 */
import { test, expect, type Page } from "@playwright/test";
import { builtHtml, builtPagesMatching } from "./support.ts";

const PAGES = builtPagesMatching(/class="expressive-code/)
  .sort((a, b) => b.count - a.count || a.path.localeCompare(b.path))
  .slice(0, 3);

/** The id of the page's last h2 in its content, from the built HTML. */
function lastSectionId(path: string): string | undefined {
  const html = builtHtml(path) ?? "";
  const content = html.slice(html.indexOf('class="sl-markdown-content'));
  return [...content.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]).pop();
}

/** Where the heading sits after two animation frames and again after half a second (it must not move in between). */
async function expectSettledInView(page: Page, id: string, where: string) {
  const heading = page.locator(`[id="${id}"]`);
  await expect(heading, `${where}: the heading #${id} is not in the viewport`).toBeInViewport();
  const top = () =>
    page.evaluate(async (id) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return Math.round(document.getElementById(id)!.getBoundingClientRect().top);
    }, id);
  const first = await top();
  await page.waitForTimeout(500);
  const later = await top();
  const half = page.viewportSize()!.height / 2;
  expect(later, `${where}: the heading #${id} moved from y=${first} to y=${later} after the page settled`).toBe(first);
  expect(later >= 0 && later < half, `${where}: the heading #${id} sits at y=${later}, not in the upper half (0–${half})`).toBe(true);
}

test.describe("section links land on their section", () => {
  test("pages with code blocks exist", () => {
    expect(PAGES.length, "no built page shows a code block").toBeGreaterThan(0);
  });

  for (const { path } of PAGES) {
    test(`"On this page" on ${path} (1280×800)`, async ({ page }) => {
      const id = lastSectionId(path);
      expect(id, `${path}: no h2 with an id in the page content`).toBeTruthy();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(path);
      await page.locator(`starlight-toc a[href="#${id}"]`).click();
      await expectSettledInView(page, id!, `${path} after choosing #${id} in "On this page"`);
    });

    test(`a link to the last section of ${path} (390×844)`, async ({ page }) => {
      const id = lastSectionId(path);
      expect(id, `${path}: no h2 with an id in the page content`).toBeTruthy();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${path}#${id}`);
      await expectSettledInView(page, id!, `${path}#${id} opened on a phone`);
    });
  }
});
