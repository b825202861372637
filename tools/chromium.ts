/**
 * Finds the Chromium that browser tests and benchmarks drive, in this order:
 *   1. `$CHROMIUM` (or the older name `$CHROMIUM_PATH`): a path to a Chromium or Chrome executable;
 *   2. Playwright's own browser, when `npx playwright install chromium` downloaded it;
 *   3. a system Chromium or Chrome (Debian's /usr/bin/chromium, Google Chrome, on Linux, macOS and Windows);
 *   4. the Chromium shipped inside the npm package `@sparticuz/chromium` (a devDependency, Linux x64 only), unpacked on
 *      first use into `.cache/chromium/` (gitignored), so that `npm install` alone is enough on a Linux x64 machine.
 * None found: the error lists what was looked at and the one command to run.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { delimiter, join } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

export type ChromiumSource = "$CHROMIUM" | "playwright" | "system" | "@sparticuz/chromium";

export type FoundChromium = {
  executablePath: string;
  source: ChromiumSource;
  /** The headless flag for launchers that do not add one themselves (chrome-launcher). */
  headlessFlag: string;
};

/** The flags every Chromium we start gets: no sandbox (root in CI), no GPU, no background traffic, no first-run UI. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Where system Chromium and Chrome live on each platform; names are also looked up on PATH. */
function systemCandidates(): string[] {
  if (process.platform === "darwin") {
    return [
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ];
  }
  if (process.platform === "win32") {
    const roots = [process.env.PROGRAMFILES, process.env["PROGRAMFILES(X86)"], process.env.LOCALAPPDATA].filter(Boolean);
    return roots.map((r) => join(r as string, "Google", "Chrome", "Application", "chrome.exe"));
  }
  const names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  return [...names.map((n) => `/usr/bin/${n}`), ...dirs.flatMap((d) => names.map((n) => join(d, n)))];
}

async function playwrightChromium(): Promise<string | undefined> {
  try {
    const { chromium } = await import("@playwright/test");
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Unpacks @sparticuz/chromium's Brotli archives into `.cache/chromium/sparticuz-<version>/` (about 1 s, 210 MB) and
 * returns the binary there. The package unpacks into `os.tmpdir()`, so TMPDIR points at a staging folder while it
 * runs; the staging folder is renamed into place, so two processes starting at once never see half a browser.
 */
async function sparticuzChromium(): Promise<string | undefined> {
  if (process.platform !== "linux" || process.arch !== "x64") return undefined;
  const pkgDir = join(ROOT, "node_modules", "@sparticuz", "chromium");
  if (!existsSync(join(pkgDir, "package.json"))) return undefined;
  const { version } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string };
  const target = join(ROOT, ".cache", "chromium", `sparticuz-${version}`);
  const binary = join(target, "chromium");
  if (isExecutable(binary)) return binary;

  const staging = join(ROOT, ".cache", "chromium", `.unpacking-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    const { default: Sparticuz } = await import("@sparticuz/chromium");
    const unpacked = await Sparticuz.executablePath();
    if (unpacked !== join(staging, "chromium")) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, not into ${staging}`);
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another process unpacked it first: use theirs.
    rmSync(staging, { recursive: true, force: true });
    if (!isExecutable(binary)) throw error;
  }
  return binary;
}

let found: Promise<FoundChromium> | undefined;

/** The Chromium to launch (looked up once per process). */
export function findChromium(): Promise<FoundChromium> {
  found ??= lookUp();
  return found;
}

async function lookUp(): Promise<FoundChromium> {
  const looked: string[] = [];

  const fromEnv = process.env.CHROMIUM || process.env.CHROMIUM_PATH;
  if (fromEnv) {
    const name = process.env.CHROMIUM ? "CHROMIUM" : "CHROMIUM_PATH";
    if (!isExecutable(fromEnv)) throw new Error(`$${name} is ${fromEnv}, which is not an executable file: fix the path or unset ${name}`);
    return { executablePath: fromEnv, source: "$CHROMIUM", headlessFlag: "--headless=new" };
  }
  looked.push("$CHROMIUM: not set");

  const own = await playwrightChromium();
  if (own) return { executablePath: own, source: "playwright", headlessFlag: "--headless=new" };
  looked.push("Playwright's browser: not downloaded (npx playwright install chromium)");

  const system = systemCandidates().find(isExecutable);
  if (system) return { executablePath: system, source: "system", headlessFlag: "--headless=new" };
  looked.push("a system Chromium or Chrome: none found");

  const sparticuz = await sparticuzChromium();
  // The package's build is chrome-headless-shell: always headless, it knows no "new" headless mode.
  if (sparticuz) return { executablePath: sparticuz, source: "@sparticuz/chromium", headlessFlag: "--headless" };
  looked.push(
    process.platform === "linux" && process.arch === "x64"
      ? "@sparticuz/chromium: not installed (run `npm install`; it is a devDependency)"
      : `@sparticuz/chromium: ships a Linux x64 build only, and this is ${process.platform} ${process.arch}`,
  );

  throw new Error(
    [
      "No Chromium found for the browser tests. Looked at:",
      ...looked.map((l) => `  - ${l}`),
      "To fix, run one of:",
      "  npx playwright install chromium      # macOS, Windows, Linux on ARM (downloads Playwright's Chromium)",
      "  npm install                          # Linux x64: installs @sparticuz/chromium",
      "  CHROMIUM=/path/to/chrome npm test    # any Chromium or Chrome you already have",
    ].join("\n"),
  );
}
