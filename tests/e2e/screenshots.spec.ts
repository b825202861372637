/**
 * Full-page screenshots of the home page, a reference page and the authentication page, on a desktop and a phone,
 * written to test-results/screenshots/ as artifacts for review (not compared pixel by pixel). Each test proves its
 * artifact shows what it is named for: the page's own title as its heading, and the whole page at that width (the PNG
 * is as wide as the viewport and as tall as the document).
 */
import { test, expect } from "@playwright/test";
import { join } from "node:path";
import { ROOT, docPages } from "./support.ts";

const titles = new Map(docPages().map((p) => [p.path, p.title]));
/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

const shots = [
  { name: "home", path: "/" },
  { name: "reference-chat-completions", path: "/reference/chat-completions/" },
  { name: "auth-authentication", path: "/auth/authentication/" },
];
const viewports = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "mobile", viewport: { width: 390, height: 844 } },
];

for (const { name: device, viewport } of viewports) {
  test.describe(device, () => {
    test.use({ viewport });
    for (const { name, path } of shots) {
      test(`screenshot ${path} (${device})`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status(), `${path}: answered ${response?.status()}, nothing worth a screenshot`).toBe(200);
        await page.waitForLoadState("networkidle");
        await expect(page.locator("h1").first(), `${path}: the heading is not the page's title`).toHaveText(titles.get(path) ?? "(no docs page)");
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const png = await page.screenshot({ path: join(ROOT, "test-results", "screenshots", `${name}-${device}.png`), fullPage: true });
        expect(pngSize(png), `${path}: the screenshot is not the whole page at ${viewport.width}px`).toEqual({ width: viewport.width, height });
      });
    }
  });
}
