/**
 * Full-page screenshots of the home page, a reference page and the authentication page, on a desktop and a phone,
 * written to test-results/screenshots/ as artifacts for review (not compared pixel by pixel).
 */
import { test, expect } from "@playwright/test";
import { join } from "node:path";
import { ROOT } from "./support.ts";

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
        await page.screenshot({ path: join(ROOT, "test-results", "screenshots", `${name}-${device}.png`), fullPage: true });
      });
    }
  });
}
