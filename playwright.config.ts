/**
 * Browser tests (tests/e2e) against the production build served the way production serves it: `npm run serve:edge`
 * (wrangler serving dist/ with its real _redirects and _headers). dist/ must already be built: `npm test` builds
 * before this stage, and locally run `npx astro build` first. The reporter comes from the command line
 * (`npm test` passes `--reporter=list,json`).
 */
import { defineConfig } from "@playwright/test";
import { join } from "node:path";
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_PATH, PORT, ROOT } from "./tests/e2e/support.ts";

// Chromium and wrangler keep their profile and caches inside the project (gitignored), not in $HOME.
process.env.XDG_CONFIG_HOME ??= join(ROOT, ".cache", "xdg-config");
process.env.XDG_CACHE_HOME ??= join(ROOT, ".cache", "xdg-cache");
process.env.ASTRO_TELEMETRY_DISABLED = "1";
process.env.WRANGLER_SEND_METRICS = "false";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/playwright",
  fullyParallel: true,
  // Two cores are shared by everything: never more than two browsers at once.
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    // Traces cost CPU on every test; turn on with --trace=retain-on-failure when debugging.
    trace: "off",
    screenshot: "only-on-failure",
  },
  webServer: {
    // serve:edge (tools/serve-edge.mjs) listens on 127.0.0.1:$PORT.
    command: "npm run serve:edge",
    url: `${BASE_URL}/`,
    // Reusing a server that is already up is opt-in (E2E_REUSE_SERVER=1): it might serve another build than dist/.
    reuseExistingServer: !process.env.CI && process.env.E2E_REUSE_SERVER === "1",
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME,
      XDG_CACHE_HOME: process.env.XDG_CACHE_HOME,
      WRANGLER_SEND_METRICS: "false",
    },
  },
});
