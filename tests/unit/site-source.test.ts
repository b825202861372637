import { describe, expect, it } from "vitest";
import { mdxToJs } from "satteri";
import { pathToFileURL } from "node:url";
import { siteSourcePlugin, stampAttributes } from "../../src/lib/remark-source.ts";
import { pageSource } from "../../src/lib/page.ts";

describe("file:line stamps on the site's MDX components", () => {
  it("stamps Render and ModelId with file and line, and keeps their props and children", () => {
    const src = `# Title\n\n<Render file="auth/rest-api" params={{ path: "/x" }}>\n  child **text**\n</Render>\n\nUse <ModelId id="@cf/a/b" /> here. <Aside>not ours</Aside>\n`;
    const { code } = mdxToJs(src, { mdastPlugins: [siteSourcePlugin("/repo")], fileURL: pathToFileURL("/repo/src/content/docs/a/b.mdx") });
    expect(code).toMatch(/file: "auth\/rest-api",\s*params: \{ path: "\/x" \},\s*"data-site-source": "src\/content\/docs\/a\/b.mdx:3"/);
    expect(code).toContain(`"data-site-source": "src/content/docs/a/b.mdx:7"`);
    expect(code).toContain(`_components.strong`);
    expect(code.match(/data-site-source/g)).toHaveLength(2);
  });

  it("leaves an element that already carries a stamp, and unknown components, alone", () => {
    const stamped = { name: "Render", attributes: [{ type: "mdxJsxAttribute", name: "data-site-source", value: "x:1" }] };
    expect(stampAttributes(stamped, "f.mdx")).toBeUndefined();
    expect(stampAttributes({ name: "Tabs", attributes: [] }, "f.mdx")).toBeUndefined();
    expect(stampAttributes({ name: "ModelId", attributes: [], position: { start: { line: 4 } } }, "f.mdx")?.at(-1)).toEqual({
      type: "mdxJsxAttribute",
      name: "data-site-source",
      value: "f.mdx:4",
    });
  });
});

describe("naming the page in errors", () => {
  const url = new URL("https://x/llms-full.txt");
  const throwing = Object.defineProperty({}, "starlightRoute", {
    get() {
      throw new Error("not a Starlight page");
    },
  });
  const onPage = { starlightRoute: { entry: { filePath: "src/content/docs/a/b.mdx" } } };

  it("prefers the stamp, adds the page when the stamp points into a partial", () => {
    expect(pageSource({ locals: onPage, url, props: { "data-site-source": "src/content/docs/a/b.mdx:3" } })).toBe("src/content/docs/a/b.mdx:3");
    expect(pageSource({ locals: onPage, url, props: { "data-site-source": "partials/x.mdx:2" } })).toBe("src/content/docs/a/b.mdx (at partials/x.mdx:2)");
  });

  it("falls back to the route's file, then to the URL, without tripping over Starlight's throwing getter", () => {
    expect(pageSource({ locals: onPage, url })).toBe("src/content/docs/a/b.mdx");
    expect(pageSource({ locals: throwing, url })).toBe("page /llms-full.txt");
  });
});
