/**
 * Shared helpers for the browser tests: where the served site is, which pages exist (from dist's sitemap and the
 * page sources), and a problem collector that turns console errors, CSP violations and failed requests into readable
 * lines naming the page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import type { BrowserContext, Page } from "@playwright/test";
import { createServer } from "node:net";

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export const ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
/** The built site; E2E_DIST points the tests at another build of it (the served site must be the same build). */
export const DIST = process.env.E2E_DIST || join(ROOT, "dist");
/**
 * The port `npm run serve:edge` listens on for the browser tests: E2E_PORT, or else a free port picked once per run and
 * put into E2E_PORT, so that Playwright's workers (which inherit the environment) use the same one and two test runs
 * on one machine never fight over a port.
 */
export const PORT = Number((process.env.E2E_PORT ||= String(await freePort())));
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** Reads a built file from dist/, or throws an error that says to build first. */
export function readDist(path: string): string {
  const file = join(DIST, path);
  if (!existsSync(file)) throw new Error(`dist/${path} is missing: run \`npx astro build\` before the browser tests`);
  return readFileSync(file, "utf8");
}

const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]);

/**
 * Every page path in the built sitemap (sitemap-index.xml → its sitemaps → their URLs), as local paths: the URLs are
 * absolute with the configured `site` host, so only their path is kept and the tests prefix the local server.
 */
export function sitemapPaths(): string[] {
  const paths = new Set<string>();
  for (const sitemap of locs(readDist("sitemap-index.xml"))) {
    for (const url of locs(readDist(new URL(sitemap).pathname))) paths.add(new URL(url).pathname);
  }
  return [...paths];
}

export type Deprecation = { status?: "deprecated" | "superseded"; since?: string; sunset?: string; source?: string; replacement: string; what?: string; kind?: string };

/** A page source under src/content/docs with its route and frontmatter. */
export type DocPage = {
  file: string;
  path: string;
  title: string;
  description?: string;
  /** Frontmatter `deprecated:` as a list (a page may declare one deprecation or several). */
  deprecated: Deprecation[];
  body: string;
};

/** Every MDX/Markdown page of the docs collection, with the route Starlight gives it. */
export function docPages(): DocPage[] {
  const base = join(ROOT, "src/content/docs");
  const out: DocPage[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.mdx?$/.test(name)) {
        const text = readFileSync(full, "utf8");
        const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
        const data = (fm ? parseYaml(fm[1]) : {}) ?? {};
        const slug = relative(base, full)
          .replace(/\.mdx?$/, "")
          .replace(/(^|\/)index$/, "")
          .toLowerCase();
        out.push({
          file: relative(ROOT, full),
          path: slug ? `/${slug}/` : "/",
          title: String(data.title ?? ""),
          description: data.description,
          deprecated: data.deprecated === undefined ? [] : Array.isArray(data.deprecated) ? data.deprecated : [data.deprecated],
          body: fm ? text.slice(fm[0].length) : text,
        });
      }
    }
  };
  walk(base);
  return out;
}

/** Built HTML of a page path, or undefined if dist has no such page. */
export function builtHtml(path: string): string | undefined {
  const file = join(DIST, path, "index.html");
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

/** Sitemap pages whose built HTML matches `pattern` (e.g. pages with synced tabs of one key). */
export function builtPagesMatching(pattern: RegExp): { path: string; count: number }[] {
  return sitemapPaths()
    .map((path) => ({ path, count: [...(builtHtml(path) ?? "").matchAll(new RegExp(pattern.source, "g"))].length }))
    .filter((p) => p.count > 0);
}

/**
 * Collects what goes wrong while a page loads: console errors, uncaught exceptions, Content-Security-Policy
 * violations (from a `securitypolicyviolation` listener installed before any page script), failed requests and
 * HTTP errors. `take()` returns the lines gathered since the last call and starts a new list.
 */
export class ProblemCollector {
  private lines: string[] = [];

  static async attach(context: BrowserContext, page: Page): Promise<ProblemCollector> {
    const c = new ProblemCollector();
    await context.exposeBinding("__e2eReportCsp", (_source, v: Record<string, string>) => {
      c.lines.push(
        `CSP violation: ${v.effectiveDirective} blocked ${v.blockedURI || "(inline)"}` +
          (v.sourceFile ? ` at ${v.sourceFile}:${v.lineNumber}` : "") +
          (v.sample ? ` — "${v.sample}"` : ""),
      );
    });
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { __e2eReportCsp: (v: unknown) => void }).__e2eReportCsp({
          effectiveDirective: e.effectiveDirective,
          blockedURI: e.blockedURI,
          sourceFile: e.sourceFile,
          lineNumber: String(e.lineNumber),
          sample: e.sample,
        });
      });
    });
    page.on("console", (msg) => {
      if (msg.type() !== "error") return;
      // An HTTP error is already reported by the response listener with its status and URL.
      if (/^Failed to load resource: the server responded with a status of/.test(msg.text())) return;
      const at = msg.location()?.url;
      c.lines.push(`console error: ${msg.text()}${at ? ` (${at})` : ""}`);
    });
    page.on("pageerror", (error) => c.lines.push(`uncaught exception: ${error.message}`));
    page.on("requestfailed", (request) =>
      c.lines.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? "unknown error"})`),
    );
    page.on("response", (response) => {
      if (response.status() >= 400) c.lines.push(`HTTP ${response.status()} for ${response.request().method()} ${response.url()}`);
    });
    return c;
  }

  take(): string[] {
    const out = this.lines;
    this.lines = [];
    return out;
  }
}

/** A failure message that names the page and lists what broke, one line each. */
export function report(page: string, what: string, problems: string[]): string {
  return `${page}: ${what}: ${problems.length} problem(s)\n  - ${problems.join("\n  - ")}`;
}
