/** src/lib/examples.ts: region extraction and the errors a page gets for a missing example or region. */
import { describe, expect, it } from "vitest";
import { closeIds, extractRegion, getExample, listExamples, regionNames } from "../../src/lib/examples.ts";
import { nearest } from "../../tools/check/routes.ts";

const source = [
  "#!/usr/bin/env bash",
  "set -euo pipefail",
  "",
  "# #region main",
  "echo one",
  "  # #region inner",
  "  echo two",
  "  # #endregion",
  "# #endregion",
  "",
].join("\n");

describe("extractRegion", () => {
  it("returns the region without any region markers, trimmed and dedented", () => {
    expect(extractRegion(source, "main")).toBe("echo one\n  echo two");
    expect(extractRegion(source, "inner")).toBe("echo two");
  });

  it("returns the whole file without markers when no region is asked for", () => {
    expect(extractRegion(source)).toBe("#!/usr/bin/env bash\nset -euo pipefail\n\necho one\n  echo two");
  });

  it("returns undefined for a missing region and throws for an unclosed one", () => {
    expect(extractRegion(source, "nope")).toBeUndefined();
    expect(() => extractRegion("// #region a\nx", "a")).toThrow(/no matching #endregion/);
  });

  it("lists region names in order", () => {
    expect(regionNames(source)).toEqual(["main", "inner"]);
  });
});

describe("getExample", () => {
  it("finds a real example and titles it with its file name", () => {
    const e = getExample({ id: "chat-completions/openai-sdk", region: "main", page: "p.mdx" });
    expect(e.title).toBe("openai-sdk.ts");
    expect(e.code).toContain('import OpenAI from "openai";');
    expect(e.code).not.toMatch(/#region|#endregion/);
  });

  it("names the page, the example id and the region when the example does not exist, and suggests close ids", () => {
    expect(() => getExample({ id: "chat-completions/openai-sdkk", region: "main", page: "src/content/docs/x.mdx" })).toThrow(
      /src\/content\/docs\/x\.mdx: example "chat-completions\/openai-sdkk" region "main": there is no example .*Did you mean: chat-completions\/openai-sdk/,
    );
  });

  it("names the page, the example id and the region when the region does not exist, and lists the regions", () => {
    expect(() => getExample({ id: "chat-completions/tools-openai-sdk", region: "tool", page: "/guides/tools/" })).toThrow(
      /\/guides\/tools\/: example "chat-completions\/tools-openai-sdk" region "tool": .* has no region "tool"\. Its regions: main, tools, round-trip\./,
    );
  });
});

describe("listExamples", () => {
  it("finds examples by topic and skips the harness and tests", () => {
    const ids = listExamples().map((e) => e.id);
    expect(ids).toContain("run/curl");
    expect(ids.some((id) => id.startsWith("harness/") || id.startsWith("test/"))).toBe(false);
  });

  it("closeIds gives the near miss npm run check suggests, else the examples with the same file name", () => {
    const ids = ["run/curl", "responses/curl", "messages/fetch"];
    expect(closeIds("run/curll", ids)).toEqual(["run/curl"]);
    expect(nearest("run/curll", ids)).toBe("run/curl");
    expect(closeIds("curl", ids)).toEqual(["run/curl", "responses/curl"]);
    expect(closeIds("embeddings/python", ids)).toEqual([]);
  });

  it("a page naming an example without its folder is pointed at the examples of that file name", () => {
    expect(() => getExample({ id: "openai-sdk", page: "src/content/docs/x.mdx" })).toThrow(/there is no example "openai-sdk" .*Did you mean: [^?]*chat-completions\/openai-sdk[^?]*responses\/openai-sdk/);
  });
});

describe("default region", () => {
  it("shows `main` when a page names no region, so shell setup lines stay out of what readers paste", () => {
    const e = getExample({ id: "run/curl", page: "p.mdx" });
    expect(e.region).toBe("main");
    expect(e.code.startsWith("# ")).toBe(true);
    expect(e.code).not.toMatch(/set -euo pipefail|#!\/usr\/bin\/env/);
  });
});
