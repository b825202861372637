/**
 * Browser tests (tests/e2e) against the production build served the way production serves it: `npm run serve:edge`
 * (wrangler serving dist/ with its real _redirects and _headers). dist/ must already be built: `npm test` builds
 * before this stage, and locally run `npx astro build` first. The reporter comes from the command line
 * (`npm test` passes `--reporter=list,json`). The browser is whichever tools/chromium.ts finds ($CHROMIUM, Playwright's
 * own, a system Chromium, or @sparticuz/chromium's).
 */
import { defineConfig } from "@playwright/test";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM_ARGS, findChromium } from "./tools/chromium.ts";
import { BASE_URL, PORT, ROOT } from "./tests/e2e/support.ts";

// Chromium and wrangler keep their profile and caches inside the project (gitignored), not in $HOME.
process.env.XDG_CONFIG_HOME ??= join(ROOT, ".cache", "xdg-config");
process.env.XDG_CACHE_HOME ??= join(ROOT, ".cache", "xdg-cache");

// Playwright puts each browser's profile (playwright_chromiumdev_profile-*) in os.tmpdir(). This run's temp folder is
// .cache/tmp/run-<pid>, which the workers inherit and tests/e2e/teardown.ts removes; folders of runs that were killed
// (their process is gone) are removed here.
if (!process.env.E2E_RUN_TMPDIR) {
  const tmpRoot = join(ROOT, ".cache", "tmp");
  mkdirSync(tmpRoot, { recursive: true });
  for (const name of readdirSync(tmpRoot)) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (pid && !processAlive(pid)) rmSync(join(tmpRoot, name), { recursive: true, force: true });
  }
  process.env.E2E_RUN_TMPDIR = join(tmpRoot, `run-${process.pid}`);
  mkdirSync(process.env.E2E_RUN_TMPDIR, { recursive: true });
  process.env.TMPDIR = process.env.E2E_RUN_TMPDIR;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const chromium = await findChromium();
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
  globalTeardown: "./tests/e2e/teardown.ts",
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    launchOptions: { executablePath: chromium.executablePath, args: CHROMIUM_ARGS },
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
