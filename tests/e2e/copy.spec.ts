/**
 * The copy button copies exactly the tested text. For every example block on every page that shows examples
 * (TypeScript tab, JavaScript tab, shell), the clipboard after a click must equal, byte for byte, the block computed by
 * src/lib/example-blocks.ts, the function the components render from. Each block names its example and region in
 * dist (`data-example`, `data-region`).
 */
import { test, expect, type Locator, type Page } from "@playwright/test";
import { exampleBlocks } from "../../src/lib/example-blocks.ts";
import { ROOT, builtPagesMatching } from "./support.ts";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const pages = builtPagesMatching(/data-example="/)
  .map((p) => p.path)
  .sort();

test("some pages show examples (so the copy tests prove something)", () => {
  expect(pages.length, 'no built page has an example block (data-example="…")').toBeGreaterThan(0);
  // Every tab kind is covered: TypeScriptExample (TypeScript and JavaScript tabs) and Example (shell).
  expect(builtPagesMatching(/class="ts-example[\s"]/).length, "no built page shows a TypeScriptExample").toBeGreaterThan(0);
  expect(builtPagesMatching(/class="example[\s"]/).length, "no built page shows a shell Example").toBeGreaterThan(0);
});

const expectedCache = new Map<string, ReturnType<typeof exampleBlocks>>();
/** The tested text of one example region in one language ("ts" and "sh" as written, "js" generated). */
async function expected(example: string, region: string | undefined, lang: "ts" | "js" | "sh", page: string): Promise<string> {
  const key = `${example}#${region ?? ""}`;
  if (!expectedCache.has(key)) expectedCache.set(key, exampleBlocks({ id: example, region, page, root: ROOT }));
  const { blocks } = await expectedCache.get(key)!;
  const block = blocks.find((b) => b.lang === lang);
  if (!block) throw new Error(`${example}: no ${lang} block (blocks: ${blocks.map((b) => b.lang).join(", ")})`);
  return block.code;
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
    const problems: string[] = [];
    await page.goto(path);
    const blocks = page.locator("[data-example]");
    const count = await blocks.count();
    expect(count, `${path}: dist shows example blocks but the page has none`).toBeGreaterThan(0);

    const blockInfo: { block: Locator; example: string; region: string | undefined; ts: boolean; label: string }[] = [];
    for (let i = 0; i < count; i++) {
      const block = blocks.nth(i);
      const example = (await block.getAttribute("data-example"))!;
      const region = (await block.getAttribute("data-region")) ?? undefined;
      const ts = (await block.locator('[role="tab"]').count()) > 0;
      blockInfo.push({ block, example, region, ts, label: `"${example}"${region ? ` region "${region}"` : ""}` });
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
