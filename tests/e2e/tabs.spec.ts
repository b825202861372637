/**
 * Synced tabs: choosing a language (syncKey "lang", TypeScriptExample) or a way of calling (syncKey "auth",
 * AuthHeaders) in one tab group switches every group of that key on the page, survives a reload and follows the
 * reader to another page. Tabs work by keyboard (arrow keys, Home/End) with a visible focus indicator.
 * The pages are found from what they show (TypeScriptExample blocks in dist/, <AuthHeaders> in the page sources).
 */
import { test, expect, type Page } from "@playwright/test";
import { builtPagesMatching, docPages } from "./support.ts";

/**
 * Pages to test, found from what they show rather than from their tabs' syncKey (so a lost syncKey fails with the page
 * named): TypeScriptExample blocks in dist/ for "lang", pages whose source renders <AuthHeaders> for "auth".
 */
const GROUPS = { lang: ".ts-example starlight-tabs", auth: 'starlight-tabs[data-sync-key="auth"]' } as const;
function pagesWith(key: keyof typeof GROUPS): { path: string; count: number }[] {
  if (key === "lang") return builtPagesMatching(/class="ts-example[\s"]/).sort((a, b) => b.count - a.count || a.path.localeCompare(b.path));
  return docPages()
    .map((p) => ({ path: p.path, count: p.components.filter((name) => name === "AuthHeaders").length }))
    .filter((p) => p.count > 0)
    .sort((a, b) => b.count - a.count || a.path.localeCompare(b.path));
}

/** Every tab group of the page that should carry syncKey `key` does. */
async function expectSyncKey(page: Page, key: keyof typeof GROUPS, where: string) {
  const groups = page.locator(key === "lang" ? ".ts-example starlight-tabs" : "starlight-tabs");
  const keys = await groups.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.syncKey ?? null));
  if (key === "lang") {
    const missing = keys.map((k, i) => (k === "lang" ? undefined : `TypeScript example ${i + 1} of ${keys.length} has syncKey ${JSON.stringify(k)}`)).filter(Boolean);
    expect(missing, `${where}: language tabs without syncKey "lang" (the choice would not follow the reader):\n  - ${missing.join("\n  - ")}`).toEqual([]);
  } else {
    expect(keys, `${where}: the page renders <AuthHeaders> but no tab group has syncKey "auth" (found: ${JSON.stringify(keys)})`).toContain("auth");
  }
}

/** Every group of `key` on the page shows `label`: its tab is selected and its panel visible, the others hidden. */
async function expectAllShow(page: Page, key: keyof typeof GROUPS, label: string, where: string) {
  const groups = page.locator(GROUPS[key]);
  const n = await groups.count();
  expect(n, `${where}: no ${key === "lang" ? "TypeScript example" : 'tab group with syncKey "auth"'} on the page`).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const group = groups.nth(i);
    const tabs = group.locator('[role="tab"]');
    const labels = (await tabs.allTextContents()).map((t) => t.trim());
    const index = labels.indexOf(label);
    if (index === -1) continue; // a group without this label keeps its own choice
    const what = `${where}: tab group ${i + 1} of ${n} (syncKey "${key}")`;
    await expect(tabs.nth(index), `${what} does not have "${label}" selected`).toHaveAttribute("aria-selected", "true");
    const panels = group.locator(':scope > [role="tabpanel"]');
    for (let p = 0; p < labels.length; p++) {
      if (p === index) await expect(panels.nth(p), `${what}: the "${label}" panel is hidden`).toBeVisible();
      else await expect(panels.nth(p), `${what}: the "${labels[p]}" panel shows next to "${label}"`).toBeHidden();
    }
    if (key === "lang") {
      const ext = label === "JavaScript" ? ".js" : ".ts";
      const title = panels.nth(index).locator(".title").first();
      if (await title.count()) await expect(title, `${what}: the ${label} panel's file name does not end in ${ext}`).toHaveText(new RegExp(`\\${ext}$`));
    }
  }
}

async function labelsOfFirstGroup(page: Page, key: keyof typeof GROUPS) {
  return (await page.locator(GROUPS[key]).first().locator('[role="tab"]').allTextContents()).map((t) => t.trim());
}

for (const key of ["lang", "auth"] as const) {
  test(`"${key}" tabs switch together, survive a reload and follow to another page`, async ({ page }) => {
    const pages = pagesWith(key);
    expect(pages.length, key === "lang" ? "no built page shows a TypeScriptExample" : "no page under src/content/docs renders <AuthHeaders>").toBeGreaterThan(0);
    const [first, ...others] = pages;
    const where = first.path;

    await page.goto(first.path);
    await expectSyncKey(page, key, where);
    const groups = page.locator(GROUPS[key]);
    if (key === "lang") await expect(groups, `${where}: dist has ${first.count} TypeScript examples, the page shows another number`).toHaveCount(first.count);
    const labels = await labelsOfFirstGroup(page, key);
    expect(labels.length, `${where}: the "${key}" tabs have fewer than two tabs: ${labels.join(", ")}`).toBeGreaterThan(1);
    const [initial, chosen] = [labels[0], labels[labels.length - 1]];
    if (key === "lang") expect(labels, `${where}: the language tabs are not TypeScript and JavaScript`).toEqual(["TypeScript", "JavaScript"]);
    await expectAllShow(page, key, initial, `${where} (fresh visit)`);

    // Choose in the last group: every group on the page follows.
    await groups.last().getByRole("tab", { name: chosen, exact: true }).click();
    await expectAllShow(page, key, chosen, `${where} after choosing "${chosen}" in the last group`);

    await page.reload();
    await expectAllShow(page, key, chosen, `${where} after a reload`);

    // Another page with the same tabs (or, if only one page has them, a round trip through the home page).
    const next = others[0]?.path ?? first.path;
    if (next === first.path) await page.goto("/");
    await page.goto(next);
    await expectSyncKey(page, key, next);
    await expectAllShow(page, key, chosen, `${next} (reached from ${where})`);

    // And back: choosing the first label again is remembered too.
    await page.locator(GROUPS[key]).first().getByRole("tab", { name: initial, exact: true }).click();
    await expectAllShow(page, key, initial, `${next} after choosing "${initial}"`);
    await page.goto(first.path);
    await expectAllShow(page, key, initial, `${where} after choosing "${initial}" on ${next}`);
  });
}

test("tabs work by keyboard with a visible focus indicator", async ({ page }) => {
  const [first] = pagesWith("lang");
  expect(first, "no built page shows a TypeScriptExample").toBeTruthy();
  const where = first.path;
  await page.goto(first.path);

  // Reach the first language tab with the Tab key, as a keyboard user would.
  let reached = false;
  for (let i = 0; i < 300 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(
      () => document.activeElement?.getAttribute("role") === "tab" && !!document.activeElement.closest(".ts-example starlight-tabs"),
    );
  }
  expect(reached, `${where}: pressing Tab never reaches a language tab`).toBe(true);

  const focusRing = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
      return { label: el.textContent?.trim(), focusVisible: el.matches(":focus-visible"), outline, style: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` };
    });
  const firstRing = await focusRing();
  expect(firstRing.label, `${where}: Tab lands on "${firstRing.label}", not the selected TypeScript tab`).toBe("TypeScript");
  expect(firstRing.focusVisible && firstRing.outline, `${where}: the focused "${firstRing.label}" tab shows no focus outline (${firstRing.style})`).toBe(true);

  await page.keyboard.press("ArrowRight");
  const group = page.locator(".ts-example starlight-tabs").first();
  const js = group.getByRole("tab", { name: "JavaScript", exact: true });
  await expect(js, `${where}: ArrowRight does not move focus to the JavaScript tab`).toBeFocused();
  await expectAllShow(page, "lang", "JavaScript", `${where} after ArrowRight`);
  const ring = await focusRing();
  expect(ring.focusVisible && ring.outline, `${where}: after ArrowRight the focused tab shows no focus outline (${ring.style})`).toBe(true);

  await page.keyboard.press("ArrowLeft");
  await expect(group.getByRole("tab", { name: "TypeScript", exact: true }), `${where}: ArrowLeft does not move back to TypeScript`).toBeFocused();
  await expectAllShow(page, "lang", "TypeScript", `${where} after ArrowLeft`);

  await page.keyboard.press("End");
  await expect(js, `${where}: End does not move to the last tab`).toBeFocused();
  await page.keyboard.press("Home");
  await expect(group.getByRole("tab", { name: "TypeScript", exact: true }), `${where}: Home does not move to the first tab`).toBeFocused();
});
