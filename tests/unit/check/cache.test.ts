import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkModules } from "../../../tools/check/cache.ts";
import { runCheck } from "../../../tools/check/run.ts";
import { page, where, writeTree } from "./helpers.ts";

describe("facts cache", () => {
  it("reuses facts of unchanged files and re-reads changed ones", async () => {
    const root = writeTree({ "src/content/docs/a.mdx": page("Uses `@cf/meta/llama-3.3-70b-instruct-fp8-fast`.") });
    const opts = { root, rules: ["model-ids" as const], cache: true, parallel: false };
    expect((await runCheck(opts)).findings).toEqual([]);
    const file = join(root, ".cache/check/facts.json");
    expect(existsSync(file)).toBe(true);
    // Plant a retired id in the cached facts of the unchanged file: only a run that reads the cache reports it.
    const cache = JSON.parse(readFileSync(file, "utf8")) as { salt: string; entries: Record<string, { ids: { id: string }[] }> };
    const [entry] = Object.values(cache.entries);
    entry.ids[0].id = "@cf/meta/llama-3.1-8b-instruct";
    writeFileSync(file, JSON.stringify(cache));
    expect(where((await runCheck(opts)).findings)).toEqual(["src/content/docs/a.mdx:6 model-ids/retired"]);
    expect((await runCheck({ ...opts, cache: false })).findings).toEqual([]);
    writeFileSync(join(root, "src/content/docs/a.mdx"), page("Uses `@cf/meta/llama-3.1-8b-instruct`."));
    expect(where((await runCheck(opts)).findings)).toEqual(["src/content/docs/a.mdx:6 model-ids/retired"]);
    // And back: the old entry was pruned, the file is parsed again.
    writeFileSync(join(root, "src/content/docs/a.mdx"), page("Uses `@cf/meta/llama-3.3-70b-instruct-fp8-fast`."));
    expect((await runCheck(opts)).findings).toEqual([]);
  });
});

describe("cache salt", () => {
  it("covers the project modules outside tools/check that shape a file's facts", () => {
    const modules = [...checkModules().keys()];
    // The harness's model-id scan and the example look-up decide which ids and examples a file's facts hold.
    expect(modules).toEqual(expect.arrayContaining(["examples/harness/manifest.ts", "src/lib/examples.ts", "src/lib/deprecations.ts"]));
    expect(modules).toEqual(expect.arrayContaining(["catalog/index.ts", "tools/redirects.ts"]));
    expect(modules.every((f) => existsSync(f))).toBe(true);
  });
});

describe("check-ignore comments", () => {
  it("silence the named rule on the comment's line and the next, nothing else", async () => {
    const root = writeTree({
      "src/content/docs/a.mdx": page(
        [
          "{/* check-ignore model-ids -- this is the wrong form on purpose */}",
          "Not a Cloudflare id: `moonshotai/kimi-k2.6`.", // 7: ignored
          "",
          "Still checked: `moonshotai/kimi-k2.6`.", // 9
          "{/* check-ignore links */}",
          "Also checked: `@cf/meta/llama-3.1-8b-instruct`.", // 11: links ignored, not model-ids
        ].join("\n"),
      ),
      "examples/run/a.ts":
        '// check-ignore model-ids\nconst wrong = "moonshotai/kimi-k2.6";\nconst checked = "moonshotai/kimi-k2.6";\n',
    });
    const r = await runCheck({ root, rules: ["model-ids"], parallel: false });
    expect(where(r.findings)).toEqual([
      "examples/run/a.ts:3 model-ids/unknown",
      "src/content/docs/a.mdx:9 model-ids/unknown",
      "src/content/docs/a.mdx:11 model-ids/retired",
    ]);
  });
});
