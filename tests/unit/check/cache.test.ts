import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../../tools/check/run.ts";
import { page, where, writeTree } from "./helpers.ts";

describe("facts cache", () => {
  it("reuses facts of unchanged files and re-reads changed ones", async () => {
    const root = writeTree({ "src/content/docs/a.mdx": page("Uses `@cf/meta/llama-3.3-70b-instruct-fp8-fast`.") });
    const opts = { root, rules: ["model-ids" as const], cache: true, parallel: false };
    expect((await runCheck(opts)).findings).toEqual([]);
    expect(existsSync(join(root, ".cache/check/facts.json"))).toBe(true);
    expect((await runCheck(opts)).findings).toEqual([]);
    writeFileSync(join(root, "src/content/docs/a.mdx"), page("Uses `@cf/meta/llama-3.1-8b-instruct`."));
    expect(where((await runCheck(opts)).findings)).toEqual(["src/content/docs/a.mdx:6 model-ids/retired"]);
    // And back: the old entry was pruned, the file is parsed again.
    writeFileSync(join(root, "src/content/docs/a.mdx"), page("Uses `@cf/meta/llama-3.3-70b-instruct-fp8-fast`."));
    expect((await runCheck(opts)).findings).toEqual([]);
  });
});
