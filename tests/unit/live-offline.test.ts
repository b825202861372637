import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { offlinePlan } from "../../tools/live-samples/offline.ts";

const dist = mkdtempSync(join(tmpdir(), "offline-plan-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const put = (path: string, text: string) => {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
};
const page = (body: string) =>
  `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"><link rel="shortcut icon" href="/favicon.svg">` +
  `<script type="module" src="/_astro/page.js"></script></head><body>${body}</body></html>`;

put("run/worker-AAAA.js", "worker");
put("run/lib/openai-BBBB.js", "openai");
put("run/manifest.json", '{"worker":"/run/worker-AAAA.js"}');
put("_astro/site.css", "body{}");
put("_astro/page.js", 'import "./shared.js"; import("./lazy.js");');
put("_astro/shared.js", "export {}");
put("_astro/lazy.js", "export {}");
put("_astro/other.css", "p{}");
put("favicon.svg", "<svg/>");
put("guides/curl/index.html", page('<div class="run-sample not-content" data-sample="run/curl" data-lang="sh"></div>'));
put("index.html", page('<p>No samples; <link rel="stylesheet" href="/_astro/other.css"></p>'));

describe("what the Service Worker caches for offline use", () => {
  it("lists every /run/ file, the pages with Run boxes and the files they load, and nothing else", () => {
    const plan = offlinePlan(dist);
    expect(plan.pages).toEqual(["/guides/curl/"]);
    expect(plan.precache).toEqual([
      "/_astro/page.js",
      "/_astro/shared.js",
      "/_astro/site.css",
      "/favicon.svg",
      "/run/lib/openai-BBBB.js",
      "/run/worker-AAAA.js",
      "/guides/curl/",
    ]);
  });
  it("names its version after the contents: a changed page or file gives a new version, an unchanged build the same", () => {
    const before = offlinePlan(dist).version;
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    expect(offlinePlan(dist).version).toBe(before);
    put("guides/curl/index.html", page('<div class="run-sample" data-sample="run/curl" data-lang="sh"></div><p>new</p>'));
    const after = offlinePlan(dist).version;
    expect(after).not.toBe(before);
    put("run/worker-AAAA.js", "worker, changed");
    expect(offlinePlan(dist).version).not.toBe(after);
  });
  it("fails naming the folder when the Run button's files were not built", () => {
    const empty = mkdtempSync(join(tmpdir(), "offline-empty-"));
    try {
      expect(() => offlinePlan(empty)).toThrow(/run\/ is missing: the Run button's files are built first/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
