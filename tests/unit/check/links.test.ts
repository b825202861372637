import { describe, expect, it } from "vitest";
import { checkLinks } from "../../../tools/check/rules/links.ts";
import { RouteSuggester } from "../../../tools/check/routes.ts";
import { page, project } from "./helpers.ts";

const got = (fs: { path: string; line: number; code: string; severity: string }[]) =>
  fs.map((f) => `${f.path}:${f.line} ${f.code}`);

describe("links", () => {
  it("internal links and anchors resolve (headings slugged like Astro, partial headings included)", async () => {
    const p = await project({
      "src/content/docs/start/overview.mdx": page(
        '## Send a request\n\n## Send a request\n\n<Render file="auth/h" />\n\n[a](#send-a-request-1) [b](/reference/run/#the-body) [c](#from-partial) [d](/models/cf/baai/bge-m3/) [e](https://example.com/x) [f](#_top) [g](../../reference/run/)',
      ),
      "src/content/docs/reference/run.mdx": page(
        '## The `body`\n\n<a id="custom" />\n[x](/start/overview/#custom-missing) [y](#custom)',
      ),
      "partials/auth/h.mdx": "## From partial\n\nSee [the run page](/reference/run/#the-body).\n",
    });
    expect(got(checkLinks(p))).toEqual(["src/content/docs/reference/run.mdx:9 anchor"]);
  });

  it("missing pages, missing anchors, missing slashes and redirected links, each at its line", async () => {
    const p = await project({
      "redirects.json": '{ "/old/": "/start/overview/" }',
      "src/content/docs/start/overview.mdx": page(
        [
          "## Heading one",
          "[a](/start/overveiw/)", // 7 missing (did you mean)
          "[b](/start/overview/#heading-two)", // 8 anchor
          "[c](/start/overview)", // 9 trailing slash
          "[d](/old/)", // 10 redirected (warning)
          '<LinkCard title="x" href="/nowhere/" />', // 11 missing in JSX href
        ].join("\n"),
      ),
    });
    const f = checkLinks(p);
    expect(got(f)).toEqual([
      "src/content/docs/start/overview.mdx:7 missing",
      "src/content/docs/start/overview.mdx:8 anchor",
      "src/content/docs/start/overview.mdx:9 trailing-slash",
      "src/content/docs/start/overview.mdx:10 redirected",
      "src/content/docs/start/overview.mdx:11 missing",
    ]);
    expect(f[0].suggestion).toBe("/start/overview/");
    expect(f[1].suggestion).toBe("/start/overview/#heading-one");
    expect(f[3].severity).toBe("warning");
  });

  it("checks a partial's links in the partial file; a same-page anchor must exist on every page that renders it", async () => {
    const p = await project({
      "src/content/docs/a.mdx": page('## Setup\n\n<Render file="p" />'),
      "src/content/docs/b.mdx": page('## Other\n\n<Render file="p" />'),
      "partials/p.mdx": "See [setup](#setup), [missing](/nope/) and [relative](../a/).\n",
    });
    expect(got(checkLinks(p))).toEqual([
      "partials/p.mdx:1 anchor",
      "partials/p.mdx:1 missing",
      "partials/p.mdx:1 relative",
    ]);
  });
});

describe("deprecation replacements are links too", () => {
  it("checks <Deprecated replacement> and frontmatter deprecated.replacement", async () => {
    const p = await project({
      "src/content/docs/new.mdx": page("New."),
      "src/content/docs/old.mdx": page(
        '<Deprecated since="2026-01-01" replacement="/nwe/" />\n\n<Deprecated since="2026-01-01" replacement="/new/" />',
        "title: T\ndescription: D\ndeprecated:\n  since: 2026-01-01\n  replacement: /gone/",
      ),
    });
    const f = checkLinks(p);
    expect(got(f)).toEqual(["src/content/docs/old.mdx:6 missing", "src/content/docs/old.mdx:9 missing"]);
    expect(f[1].suggestion).toBe("/new/");
  });
});

describe("anchors from partials that components render", () => {
  it("count as anchors of the page that uses the component", async () => {
    const p = await project({
      "src/components/AuthHeaders.astro": '<Render file="auth/rest" />\n',
      "src/content/docs/a.mdx": page("<AuthHeaders />\n\n[x](#rest-api-token) [y](#nope)"),
      "partials/auth/rest.mdx": "## REST API token\n",
    });
    expect(got(checkLinks(p))).toEqual(["src/content/docs/a.mdx:8 anchor"]);
  });
});

describe("RouteSuggester", () => {
  const routes = ["/", "/start/overview/", "/start/get-started/", "/reference/run/", "/reference/responses/", "/llms.txt"];

  it("suggests a route of the same folder, or of the nearest folder when the folder is misspelled", () => {
    const s = new RouteSuggester(routes);
    expect(s.suggest("/start/overveiw/")).toBe("/start/overview/");
    expect(s.suggest("/refrence/run/")).toBe("/reference/run/");
    expect(s.suggest("/llms.tx")).toBe("/llms.txt");
    expect(s.suggest("/nowhere/at/all/")).toBeUndefined();
  });

  it("never compares with routes of other folders, so its work per link is bounded by one folder", () => {
    // "/a/run/" is one edit away from "/b/run/", but it lives in another folder that exists: no suggestion.
    const s = new RouteSuggester(["/a/other-page/", "/b/run/"]);
    expect(s.suggest("/a/run/")).toBeUndefined();
  });
});
