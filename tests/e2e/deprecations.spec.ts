/**
 * Every page whose frontmatter says `deprecated:` shows a banner per notice (Deprecated, or Older endpoint), with its dates or "not announced" and a
 * replacement link that works; /deprecations/ lists every one of them and every deprecated or retired catalog model.
 * The list comes from the page sources and catalog/index.ts, never from a hand-kept list.
 */
import { test, expect } from "@playwright/test";
import { docPages } from "./support.ts";
import { models, modelPath } from "../../catalog/index.ts";

const deprecatedPages = docPages().filter((p) => p.deprecated.length > 0);
const oldModels = models.filter((m) => m.lifecycle.status !== "active");

test("some page is deprecated (so the banner tests prove something)", () => {
  expect(deprecatedPages.length, "no page under src/content/docs has `deprecated:` frontmatter").toBeGreaterThan(0);
});

for (const doc of deprecatedPages) {
  test(`deprecation banner on ${doc.path}`, async ({ page }) => {
    const where = `${doc.path} (${doc.file})`;
    const response = await page.goto(doc.path);
    expect(response?.status(), `${where}: answered ${response?.status()}`).toBe(200);
    const banners = page.locator(".deprecated-banner");
    await expect(banners, `${where}: expected ${doc.deprecated.length} Deprecated banner(s) for its frontmatter`).toHaveCount(
      doc.deprecated.length,
    );
    for (const [i, d] of doc.deprecated.entries()) {
      const banner = banners.nth(i);
      await expect(banner, `${where}: banner ${i + 1} is not visible`).toBeVisible();
      const label = d.status === "superseded" ? "Older endpoint" : "Deprecated";
      await expect(banner, `${where}: banner ${i + 1} is not labelled ${label}`).toContainText(label);
      // A date shows only where the frontmatter names its source; otherwise the banner says "not announced".
      await expect(banner, `${where}: banner ${i + 1} does not give the date ${d.since ?? "(not announced)"}`).toContainText(d.since ?? "not announced");
      await expect(banner, `${where}: banner ${i + 1} does not give the shutdown date ${d.sunset ?? "(not announced)"}`).toContainText(d.sunset ?? "not announced");
      const link = banner.locator(`a[href="${d.replacement}"]`);
      await expect(link, `${where}: banner ${i + 1} has no link to its replacement ${d.replacement}`).toHaveCount(1);
    }
    // Follow each replacement link the way a reader would.
    for (const [i, d] of doc.deprecated.entries()) {
      if (/^https?:/.test(d.replacement)) continue;
      await page.goto(doc.path);
      await banners.nth(i).locator(`a[href="${d.replacement}"]`).click();
      await page.waitForURL((u) => u.pathname === d.replacement, { timeout: 5_000 }).catch(() => undefined);
      expect(new URL(page.url()).pathname, `${where}: the replacement link went to ${page.url()}`).toBe(d.replacement);
      const answer = await page.request.get(d.replacement);
      expect(answer.status(), `${where}: the replacement ${d.replacement} answered ${answer.status()}`).toBe(200);
      await expect(page.locator("h1").first(), `${where}: the replacement ${d.replacement} shows no title`).not.toBeEmpty();
    }
  });
}

test("/deprecations/ lists every deprecated page and model", async ({ page }) => {
  const response = await page.goto("/deprecations/");
  expect(response?.status(), "/deprecations/ answered " + response?.status()).toBe(200);
  const missing: string[] = [];
  const rows = page.locator("main tr");
  for (const doc of deprecatedPages) {
    for (const d of doc.deprecated) {
      const row = rows.filter({ has: page.locator(`a[href="${doc.path}"]`) }).filter({ has: page.locator(`a[href="${d.replacement}"]`) });
      if ((await row.count()) === 0) missing.push(`${doc.path} (${doc.file}): no row linking the page and its replacement ${d.replacement}`);
      else if (d.since && !(await row.first().innerText()).includes(d.since)) missing.push(`${doc.path}: its row does not give the date ${d.since}`);
    }
  }
  for (const m of oldModels) {
    const l = m.lifecycle as { status: string; date: string; replacement: string };
    const row = rows.filter({ has: page.locator(`a[href="${modelPath(m.id)}"]`) });
    if ((await row.count()) === 0) {
      missing.push(`model ${m.id} (${l.status}): no row linking ${modelPath(m.id)}`);
      continue;
    }
    if ((await row.first().locator(`a[href="${modelPath(l.replacement)}"]`).count()) === 0)
      missing.push(`model ${m.id}: its row does not link the replacement ${modelPath(l.replacement)}`);
  }
  expect(missing, `/deprecations/: ${missing.length} missing entries:\n  - ${missing.join("\n  - ")}`).toEqual([]);
});
