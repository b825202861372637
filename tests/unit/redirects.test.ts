import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileRedirects, validateRedirects, writeRedirects, RedirectsError } from "../../tools/redirects.ts";

describe("redirects compiler", () => {
  it("emits a 301 line for the canonical path and for the form without a trailing slash", () => {
    const text = compileRedirects({ "/start/introduction/": "/start/overview/" });
    const lines = text.trim().split("\n").filter((l) => !l.startsWith("#"));
    expect(lines).toEqual(["/start/introduction/ /start/overview/ 301", "/start/introduction /start/overview/ 301"]);
  });

  it("sorts entries, keeps #anchors and https targets, and does not emit an empty source for /", () => {
    const text = compileRedirects({ "/b/": "/x/#part", "/a/": "https://developers.cloudflare.com/ai-gateway/", "/": "/start/overview/" });
    const lines = text.trim().split("\n").slice(1);
    expect(lines).toEqual([
      "/ /start/overview/ 301",
      "/a/ https://developers.cloudflare.com/ai-gateway/ 301",
      "/a https://developers.cloudflare.com/ai-gateway/ 301",
      "/b/ /x/#part 301",
      "/b /x/#part 301",
    ]);
  });

  it("compiles an empty object to a file with only the header comment", () => {
    expect(compileRedirects({}).trim().split("\n")).toHaveLength(1);
  });

  it.each([
    ["an array", [["/a/", "/b/"]], "expected an object mapping old paths to new ones"],
    ["a non-string target", { "/a/": 3 }, `"/a/": the target must be a string path`],
    ["a source without trailing slash", { "/a": "/b/" }, `"/a": the source must be a site path that starts and ends with "/"`],
    ["a source with a wildcard", { "/a/*": "/b/" }, "no query, hash, spaces or wildcards"],
    ["a relative target", { "/a/": "b/" }, `the target "b/" must be a site path`],
    ["a target without trailing slash", { "/a/": "/b" }, `the target "/b" must be a site path`],
    ["a plain-http target", { "/a/": "http://example.com/" }, "or an https:// URL"],
    ["a self-redirect", { "/a/": "/a/" }, `"/a/": redirects to itself`],
    ["a chain", { "/a/": "/b/", "/b/": "/c/" }, `"/a/": its target "/b/" is itself redirected to "/c/"`],
  ])("rejects %s with a message naming the file and entry", (_label, raw, message) => {
    expect(() => compileRedirects(raw, "redirects.json")).toThrow(RedirectsError);
    expect(() => compileRedirects(raw, "redirects.json")).toThrow(message);
    expect(() => compileRedirects(raw, "redirects.json")).toThrow("redirects.json");
  });

  it("reports every problem at once", () => {
    try {
      validateRedirects({ "/a": "/b/", "/c/": "d" });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message.split("\n")).toHaveLength(3);
    }
  });

  it("writes dist/_redirects and refuses a target that the build did not produce", () => {
    const dir = mkdtempSync(join(tmpdir(), "redirects-"));
    const dist = join(dir, "dist");
    mkdirSync(join(dist, "start/overview"), { recursive: true });
    writeFileSync(join(dist, "start/overview/index.html"), "<h1>ok</h1>");
    writeFileSync(join(dir, "redirects.json"), JSON.stringify({ "/start/introduction/": "/start/overview/" }));
    writeRedirects(join(dir, "redirects.json"), dist);
    expect(readFileSync(join(dist, "_redirects"), "utf8")).toContain("/start/introduction/ /start/overview/ 301");

    writeFileSync(join(dir, "redirects.json"), JSON.stringify({ "/old/": "/gone/" }));
    expect(() => writeRedirects(join(dir, "redirects.json"), dist)).toThrow(`"/old/": the target "/gone/" is not a page of the built site`);

    mkdirSync(join(dist, "start/introduction"), { recursive: true });
    writeFileSync(join(dist, "start/introduction/index.html"), `<!doctype html><title>Redirecting</title><meta http-equiv="refresh" content="0;url=/start/overview/">`);
    writeFileSync(join(dir, "redirects.json"), JSON.stringify({ "/start/introduction/": "/start/overview/" }));
    expect(() => writeRedirects(join(dir, "redirects.json"), dist)).not.toThrow();
    writeFileSync(join(dist, "start/introduction/index.html"), "<h1>Still here</h1>");
    expect(() => writeRedirects(join(dir, "redirects.json"), dist)).toThrow(`"/start/introduction/": a page still exists at this path`);

    writeFileSync(join(dir, "redirects.json"), "{ not json");
    expect(() => writeRedirects(join(dir, "redirects.json"), dist)).toThrow("not valid JSON");
  });

  it("accepts the repository's redirects.json", () => {
    const raw = JSON.parse(readFileSync(new URL("../../redirects.json", import.meta.url), "utf8"));
    expect(() => validateRedirects(raw)).not.toThrow();
  });
});
