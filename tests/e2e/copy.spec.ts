/**
 * The copy button copies exactly the tested text. For every example block on every page that shows examples
 * (TypeScript tab, JavaScript tab, shell), the clipboard after a click must equal, byte for byte, the text computed here
 * from examples/ with the same functions the examples tests use: src/lib/examples.ts (region extraction) and
 * src/lib/transpile.ts (TypeScript → JavaScript). Which region a block shows is read from the page source (and the
 * partials it renders), since the page only names the example id.
 */
import { test, expect, type Locator, type Page } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractRegion, getExample } from "../../src/lib/examples.ts";
import { toJavaScript } from "../../src/lib/transpile.ts";
import { ROOT, builtPagesMatching, docPages } from "./support.ts";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

type Usage = { example: string; region?: string; from: string };

const attr = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/** Example usages in an MDX text, in order, following <Render file="…" /> into partials. */
function usagesIn(text: string, from: string, seen = new Set<string>()): Usage[] {
  const out: Usage[] = [];
  for (const m of text.matchAll(/<(TypeScriptExample|Example|Render)\b([^>]*?)\/?>/g)) {
    const attrs = m[2];
    if (m[1] === "Render") {
      const file = attr(attrs, "file");
      const path = file && join(ROOT, "partials", `${file}.mdx`);
      if (path && existsSync(path) && !seen.has(path)) {
        seen.add(path);
        out.push(...usagesIn(readFileSync(path, "utf8"), `partials/${file}.mdx`, seen));
      }
      continue;
    }
    const example = attr(attrs, "example");
    if (example) out.push({ example, region: attr(attrs, "region"), from });
  }
  return out;
}

const sources = new Map(docPages().map((p) => [p.path, p]));
const pages = builtPagesMatching(/data-example="/)
  .map((p) => p.path)
  .sort();

test("some pages show examples (so the copy tests prove something)", () => {
  expect(pages.length, 'no built page has an example block (data-example="…")').toBeGreaterThan(0);
  // Every tab kind is covered: TypeScriptExample (TypeScript and JavaScript tabs) and Example (shell).
  expect(builtPagesMatching(/class="ts-example[\s"]/).length, "no built page shows a TypeScriptExample").toBeGreaterThan(0);
  expect(builtPagesMatching(/class="example[\s"]/).length, "no built page shows a shell Example").toBeGreaterThan(0);
});

const expectedCache = new Map<string, Promise<string>>();
/** The tested text of one example region in one language ("ts" and "sh" as written, "js" generated). */
function expected(example: string, region: string | undefined, lang: "ts" | "js" | "sh", page: string): Promise<string> {
  const key = `${example}#${region ?? ""}#${lang}`;
  if (!expectedCache.has(key)) {
    expectedCache.set(
      key,
      (async () => {
        const shown = getExample({ id: example, region, page, root: ROOT });
        if (lang !== "js") return shown.code;
        const js = extractRegion(await toJavaScript(shown.source, shown.file), region);
        if (js === undefined) throw new Error(`${example}: region "${region}" is missing from the generated JavaScript`);
        return js;
      })(),
    );
  }
  return expectedCache.get(key)!;
}

/** First line where two texts differ, for a readable failure. */
function firstDifference(actual: string, wanted: string): string {
  const a = actual.split("\n");
  const b = wanted.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: copied ${JSON.stringify(a[i] ?? "(nothing)")}, tested ${JSON.stringify(b[i] ?? "(nothing)")}`;
  }
  return "same lines, different bytes";
}

async function copyFrom(page: Page, scope: Locator): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText("(nothing was copied)"));
  const button = scope.locator(".copy button").first();
  await button.click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 2_000 }).not.toBe("(nothing was copied)");
  return page.evaluate(() => navigator.clipboard.readText());
}

for (const path of pages) {
  test(`copy buttons on ${path} copy the tested text`, async ({ page }) => {
    const src = sources.get(path);
    const usages = src ? usagesIn(src.body, src.file) : [];
    const problems: string[] = [];
    await page.goto(path);
    const blocks = page.locator("[data-example]");
    const count = await blocks.count();
    expect(count, `${path}: dist shows example blocks but the page has none`).toBeGreaterThan(0);

    // Which region each block shows: the k-th block of an example matches the k-th usage of it in the page source.
    const seenOf = new Map<string, number>();
    const blockInfo: { block: Locator; example: string; region: string | undefined; ts: boolean; label: string }[] = [];
    for (let i = 0; i < count; i++) {
      const block = blocks.nth(i);
      const example = (await block.getAttribute("data-example"))!;
      const k = seenOf.get(example) ?? 0;
      seenOf.set(example, k + 1);
      const candidates = usages.filter((u) => u.example === example);
      const regions = [...new Set(candidates.map((u) => u.region))];
      const usage = regions.length === 1 ? candidates[0] : candidates[k];
      if (!usage) {
        problems.push(`block ${i + 1} shows example "${example}", which ${src?.file ?? "the page source"} (and its partials) does not name`);
        continue;
      }
      const ts = (await block.locator('[role="tab"]').count()) > 0;
      blockInfo.push({ block, example, region: usage.region, ts, label: `"${example}"${usage.region ? ` region "${usage.region}"` : ""}` });
    }

    const check = async (info: (typeof blockInfo)[number], lang: "ts" | "js" | "sh") => {
      const scope = info.ts ? info.block.locator('[role="tabpanel"]:not([hidden])') : info.block;
      const copied = await copyFrom(page, scope).catch((e: Error) => `(copy failed: ${e.message.split("\n")[0]})`);
      const wanted = await expected(info.example, info.region, lang, path);
      if (copied !== wanted) problems.push(`${lang.toUpperCase()} copy of ${info.label}: ${firstDifference(copied, wanted)}`);
    };

    // TypeScript tabs (the default) and shell blocks first, then JavaScript in every TypeScriptExample.
    for (const info of blockInfo) await check(info, info.ts ? "ts" : "sh");
    const firstTs = blockInfo.find((b) => b.ts);
    if (firstTs) {
      await firstTs.block.getByRole("tab", { name: "JavaScript", exact: true }).click();
      for (const info of blockInfo.filter((b) => b.ts)) await check(info, "js");
    }

    expect(problems, `${path}: ${problems.length} copy button(s) copy something other than the tested text:\n  - ${problems.join("\n  - ")}`).toEqual([]);
  });
}
