import { describe, expect, it } from "vitest";
import madge from "madge";
import { join } from "node:path";
import { projectFiles } from "../../tools/bench-build.ts";

const ROOT = join(import.meta.dirname, "../..");

describe("npm run bench:build: the copy of this project it builds", () => {
  it("holds every module the Astro config loads, its integrations' imports included", async () => {
    const copied = new Set(projectFiles(ROOT));
    // The config's import graph (relative imports of .mjs/.ts files): the integrations, the Run button's build (which
    // imports emulator/ and examples/), the Markdown plugins, the llms files.
    // Paths in the graph are relative to the config's folder, the project root.
    const graph = (await madge(join(ROOT, "astro.config.mjs"), { fileExtensions: ["mjs", "ts"] })) as unknown as { obj(): Record<string, string[]> };
    const modules = Object.keys(graph.obj());
    expect(modules.length).toBeGreaterThan(10);
    expect(modules).toContain("tools/live-samples/build.ts");
    const missing = modules.filter((f) => !f.startsWith("node_modules/") && !copied.has(f));
    expect(missing, "modules the build loads that tools/bench-build.ts projectFiles() leaves out").toEqual([]);
  });
});
