import { describe, expect, it, vi } from "vitest";
import { loadProject, pageRoute } from "../../../tools/check/project.ts";
import { page, writeTree } from "./helpers.ts";

describe("project loader", () => {
  it("maps page files to routes like Starlight (index pages, frontmatter slug)", () => {
    expect(pageRoute("index.mdx")).toBe("/");
    expect(pageRoute("start/overview.mdx")).toBe("/start/overview/");
    expect(pageRoute("guides/index.md")).toBe("/guides/");
    expect(pageRoute("start/x.mdx", "custom/path")).toBe("/custom/path/");
  });

  it("finds pages, partials, examples (not the harness), src/pages routes, public files and --dist routes", async () => {
    const root = writeTree({
      "src/content/docs/index.mdx": page("Home"),
      "partials/a/b.mdx": "x\n",
      "examples/run/fetch.ts": "1\n",
      "examples/harness/redirect.ts": "1\n",
      "examples/run/nested/deep.ts": "1\n",
      "src/pages/llms-extra.txt.ts": "",
      "src/pages/status/index.astro": "",
      "public/favicon.svg": "",
      "dist/built-only/index.html": "",
    });
    const p = await loadProject(root, { parallel: false, dist: `${root}/dist` });
    expect(p.pages.map((f) => f.path)).toEqual(["src/content/docs/index.mdx"]);
    expect(p.partials.map((f) => f.path)).toEqual(["partials/a/b.mdx"]);
    expect(p.examples.map((f) => f.path)).toEqual(["examples/run/fetch.ts"]);
    for (const r of [
      "/",
      "/llms-extra.txt",
      "/status/",
      "/favicon.svg",
      "/built-only/",
      "/models/",
      "/deprecations/",
      "/models/cf/baai/bge-m3/",
    ])
      expect(p.routes.has(r), r).toBe(true);
  });

  it("worker threads give the same facts as one thread (two threads even on a one-CPU machine)", { timeout: 60_000 }, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 160; i++)
      files[`src/content/docs/g/p${i}.mdx`] = page(
        `## Part ${i}\n\nUse \`@cf/meta/llama-3.1-8b-instruct\` and [next](/g/p${i + 1}/).`,
      );
    const root = writeTree(files);
    const serial = await loadProject(root, { parallel: false });
    vi.stubEnv("CHECK_THREADS", "2");
    const parallel = await loadProject(root, { parallel: true }).finally(() => vi.unstubAllEnvs());
    expect([serial.threads, parallel.threads]).toEqual([1, 2]);
    expect(parallel.pages).toEqual(serial.pages);
    expect(serial.pages).toHaveLength(160);
    expect(serial.pages[0].ids[0]).toMatchObject({ id: "@cf/meta/llama-3.1-8b-instruct", line: 8 });
  });
});
