import { describe, expect, it } from "vitest";
import { loadProject, pageRoute } from "../../../tools/check/project.ts";
import { page, writeTree } from "./helpers.ts";

describe("project loader", () => {
  it("maps page files to routes like Starlight (index pages, frontmatter slug)", () => {
    expect(pageRoute("index.mdx")).toBe("/");
    expect(pageRoute("start/overview.mdx")).toBe("/start/overview/");
    expect(pageRoute("guides/index.md")).toBe("/guides/");
    expect(pageRoute("start/x.mdx", "custom/path")).toBe("/custom/path/");
  });

  it("worker threads give the same facts as one thread", { timeout: 60_000 }, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 160; i++) files[`src/content/docs/g/p${i}.mdx`] = page(`## Part ${i}\n\nUse \`@cf/meta/llama-3.1-8b-instruct\` and [next](/g/p${i + 1}/).`);
    const root = writeTree(files);
    const serial = await loadProject(root, { parallel: false });
    const parallel = await loadProject(root, { parallel: true });
    expect(parallel.pages).toEqual(serial.pages);
    expect(serial.pages).toHaveLength(160);
    expect(serial.pages[0].ids[0]).toMatchObject({ id: "@cf/meta/llama-3.1-8b-instruct", line: 8 });
  });
});
