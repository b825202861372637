import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compileRedirects, loadRedirects, parseRedirects, validateRedirects, writeRedirects, RedirectsError } from "../../tools/redirects.ts";
import { writeTree } from "./check/helpers.ts";

/** The entries of a redirects.json written one pair per line, as people write it. */
const entriesOf = (raw: unknown) => parseRedirects(JSON.stringify(raw, null, 2)).entries;
const problemsOf = (raw: unknown) => {
  const { entries, problems } = parseRedirects(JSON.stringify(raw, null, 2));
  return [...problems, ...validateRedirects(entries)];
};

describe("redirects compiler", () => {
  it("emits a 301 line for the canonical path and for the form without a trailing slash", () => {
    const text = compileRedirects(entriesOf({ "/start/introduction/": "/start/overview/" }));
    const lines = text.trim().split("\n").filter((l) => !l.startsWith("#"));
    expect(lines).toEqual(["/start/introduction/ /start/overview/ 301", "/start/introduction /start/overview/ 301"]);
  });

  it("sorts entries, keeps #anchors and https targets, and does not emit an empty source for /", () => {
    const text = compileRedirects(entriesOf({ "/b/": "/x/#part", "/a/": "https://developers.cloudflare.com/ai-gateway/", "/": "/start/overview/" }));
    expect(text.trim().split("\n").slice(1)).toEqual([
      "/ /start/overview/ 301",
      "/a/ https://developers.cloudflare.com/ai-gateway/ 301",
      "/a https://developers.cloudflare.com/ai-gateway/ 301",
      "/b/ /x/#part 301",
      "/b /x/#part 301",
    ]);
  });

  it("compiles an empty object to a file with only the header comment", () => {
    expect(compileRedirects(entriesOf({})).trim().split("\n")).toHaveLength(1);
  });
});

describe("redirects rules (one set for the config, the build and the check)", () => {
  it.each([
    ["an array", [["/a/", "/b/"]], "syntax", 'must be one object of "/old/": "/new/" pairs'],
    ["a non-string target", { "/a/": 3 }, "syntax", `the target of "/a/" must be a string path`],
    ["a source without trailing slash", { "/a": "/b/" }, "trailing-slash", `redirect source "/a" needs a trailing slash`],
    ["a source with a wildcard", { "/a/*": "/b/" }, "format", "no query, hash, spaces or wildcards"],
    ["a relative target", { "/a/": "b/" }, "format", `redirect target "b/" must be a site path`],
    ["a target without trailing slash", { "/a/": "/b" }, "trailing-slash", `redirect target "/b" needs a trailing slash`],
    ["a plain-http target", { "/a/": "http://example.com/" }, "format", "or an https:// URL"],
    ["a self-redirect", { "/a/": "/a/" }, "self-loop", `redirect "/a/" points at itself`],
    ["a chain", { "/a/": "/b/", "/b/": "/c/" }, "chain", `redirect chain /a/ → /b/ → /c/: point "/a/" straight at "/c/"`],
    ["a cycle", { "/a/": "/b/", "/b/": "/a/" }, "cycle", "redirect cycle: /a/ → /b/ → /a/"],
  ])("rejects %s, at its line", (_label, raw, code, message) => {
    const problems = problemsOf(raw);
    expect(problems.map((p) => p.code)).toContain(code);
    expect(problems.find((p) => p.code === code)!.message).toContain(message);
    if (!Array.isArray(raw)) expect(problems.find((p) => p.code === code)!.line).toBe(2);
  });

  it("with routes: a target that is no route and a source that is still a page", () => {
    const routes = new Map([["/start/overview/", "a page"], ["/old/", "src/content/docs/old.mdx"]]);
    const problems = validateRedirects(entriesOf({ "/old/": "/start/overview/", "/gone/": "/start/overveiw/" }), routes);
    expect(problems.map((p) => `${p.line} ${p.code}`)).toEqual(["2 shadows-page", "3 missing-target"]);
    expect(problems[1].suggestion).toBe("/start/overview/");
  });

  it("the config's loader throws every problem at once, each with file:line:col", () => {
    const root = writeTree({ "redirects.json": '{\n  "/a": "/b/",\n  "/c/": "d"\n}\n' });
    expect(() => loadRedirects(join(root, "redirects.json"))).toThrow(RedirectsError);
    try {
      loadRedirects(join(root, "redirects.json"));
    } catch (e) {
      expect((e as Error).message.split("\n").slice(1)).toEqual([
        '  redirects.json:2:3  redirect source "/a" needs a trailing slash (the site uses trailingSlash: "always")',
        '  redirects.json:3:10  redirect target "d" must be a site path that starts and ends with "/" (an optional #anchor may follow) or an https:// URL',
      ]);
    }
  });

  it("writes dist/_redirects and refuses a target that the build did not produce", () => {
    const dir = writeTree({ "dist/start/overview/index.html": "<h1>ok</h1>" });
    const dist = join(dir, "dist");
    const json = join(dir, "redirects.json");
    writeFileSync(json, JSON.stringify({ "/start/introduction/": "/start/overview/" }));
    writeRedirects(json, dist);
    expect(readFileSync(join(dist, "_redirects"), "utf8")).toContain("/start/introduction/ /start/overview/ 301");

    writeFileSync(json, JSON.stringify({ "/old/": "/gone/" }));
    expect(() => writeRedirects(json, dist)).toThrow(`redirect target "/gone/" is not a page of the site`);

    mkdirSync(join(dist, "start/introduction"), { recursive: true });
    writeFileSync(join(dist, "start/introduction/index.html"), `<!doctype html><title>Redirecting</title><meta http-equiv="refresh" content="0;url=/start/overview/">`);
    writeFileSync(json, JSON.stringify({ "/start/introduction/": "/start/overview/" }));
    expect(() => writeRedirects(json, dist)).not.toThrow();
    writeFileSync(join(dist, "start/introduction/index.html"), "<h1>Still here</h1>");
    expect(() => writeRedirects(json, dist)).toThrow(`redirect source "/start/introduction/" is still a page`);

    writeFileSync(json, "{ not json");
    expect(() => writeRedirects(json, dist)).toThrow("not valid JSON");
  });

  it("accepts the repository's redirects.json", () => {
    expect(() => loadRedirects(new URL("../../redirects.json", import.meta.url).pathname)).not.toThrow();
  });
});
