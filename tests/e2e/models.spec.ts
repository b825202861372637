/**
 * /models/ filters the catalog table by task, endpoint and author in place; every catalog model has a page that
 * renders its name and id; a retired (or deprecated) model's page says so and links its replacement.
 * Expected sets come from catalog/index.ts.
 */
import { test, expect, type Page } from "@playwright/test";
import { models, modelPath, type Model } from "../../catalog/index.ts";

async function shownIds(page: Page): Promise<string[]> {
  return (await page.locator("#model-table tbody tr:not([hidden]) th code").allInnerTexts()).map((t) => t.trim()).sort();
}

const idsOf = (list: readonly Model[]) => list.map((m) => m.id).sort();

/** A filter value that keeps some rows and hides others, so the check can fail both ways. */
function partialValue(values: string[], matches: (v: string) => Model[]): string {
  const v = values
    .map((value) => ({ value, n: matches(value).length }))
    .filter(({ n }) => n > 0 && n < models.length)
    .sort((a, b) => b.n - a.n)[0]?.value;
  if (!v) throw new Error("the catalog has no filter value that keeps some models and hides others");
  return v;
}

const task = partialValue([...new Set(models.map((m) => m.task))], (t) => models.filter((m) => m.task === t));
const endpoint = partialValue(["responses", "messages", "embeddings", "chat-completions", "run"], (e) =>
  models.filter((m) => (m.endpoints as string[]).includes(e)),
);
const author = partialValue([...new Set(models.map((m) => m.author))], (a) => models.filter((m) => m.author === a));

test.describe("/models/ filters", () => {
  test.beforeEach(async ({ page }) => {
    const response = await page.goto("/models/");
    expect(response?.status(), "/models/ answered " + response?.status()).toBe(200);
    await expect(page.locator("#model-filters"), "/models/: the filter form is not shown").toBeVisible();
  });

  test("unfiltered, /models/ lists every catalog model", async ({ page }) => {
    expect(await shownIds(page), "/models/: the table does not list exactly the catalog's models").toEqual(idsOf(models));
  });

  test(`task filter "${task}"`, async ({ page }) => {
    await page.selectOption("#filter-task", task);
    expect(await shownIds(page), `/models/: task filter "${task}" shows the wrong rows`).toEqual(idsOf(models.filter((m) => m.task === task)));
    await expect(page.locator("#model-count"), "/models/: the count does not follow the filter").toContainText(
      String(models.filter((m) => m.task === task).length),
    );
  });

  test(`endpoint filter "${endpoint}"`, async ({ page }) => {
    await page.selectOption("#filter-endpoint", endpoint);
    expect(await shownIds(page), `/models/: endpoint filter "${endpoint}" shows the wrong rows`).toEqual(
      idsOf(models.filter((m) => (m.endpoints as string[]).includes(endpoint))),
    );
  });

  test(`author filter "${author}", combined with endpoint, then reset`, async ({ page }) => {
    await page.selectOption("#filter-author", author);
    expect(await shownIds(page), `/models/: author filter "${author}" shows the wrong rows`).toEqual(
      idsOf(models.filter((m) => m.author === author)),
    );
    await page.selectOption("#filter-endpoint", "chat-completions");
    expect(await shownIds(page), `/models/: author "${author}" + endpoint chat-completions shows the wrong rows`).toEqual(
      idsOf(models.filter((m) => m.author === author && (m.endpoints as string[]).includes("chat-completions"))),
    );
    expect(new URL(page.url()).searchParams.get("author"), "/models/: the chosen author is not kept in the query string").toBe(author);
    await page.getByRole("button", { name: "Show all" }).click();
    await expect.poll(() => shownIds(page), { message: "/models/: Show all does not bring back every model" }).toEqual(idsOf(models));
  });

  test("the text box matches part of an id or name, by keyboard, and a linked ?q= restores it", async ({ page }) => {
    const matches = (q: string) => idsOf(models.filter((m) => `${m.id} ${m.name} ${m.aliases.map((a) => a.id).join(" ")}`.toLowerCase().includes(q)));
    await page.locator("#filter-q").focus();
    await page.keyboard.type("@hf/");
    await expect.poll(() => shownIds(page), { message: "/models/: typing @hf/ does not show exactly the @hf/ models" }).toEqual(matches("@hf/"));
    expect(matches("@hf/").length, "the catalog has no @hf/ model to filter").toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get("q"), "/models/: the text filter is not kept in the query string").toBe("@hf/");
    await page.goto("/models/?q=haiku&author=anthropic");
    await expect(page.locator("#filter-q"), "/models/?q=haiku: the text box does not show the linked filter").toHaveValue("haiku");
    await expect.poll(() => shownIds(page), { message: "/models/?q=haiku&author=anthropic shows the wrong rows" }).toEqual(
      idsOf(models.filter((m) => m.author === "anthropic" && `${m.id} ${m.name}`.toLowerCase().includes("haiku"))),
    );
  });

  test("on a narrow screen an id wraps only after a slash, never inside a segment", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/models/");
    const broken = await page.locator("#model-table tbody th code").evaluateAll((codes) =>
      codes.flatMap((code) => [...code.querySelectorAll("span")].filter((s) => s.getClientRects().length > 1).map((s) => `${code.textContent}: "${s.textContent}"`)),
    );
    expect(broken, "/models/ at 360px: id segments broken across lines").toEqual([]);
    // The check means something only if some ids do wrap at this width (after a slash).
    const wrapped = await page.locator("#model-table tbody th code").evaluateAll((codes) => codes.filter((c) => c.getClientRects().length > 1).length);
    expect(wrapped, "/models/ at 360px: no id wraps at all, so the segment check proves nothing").toBeGreaterThan(0);
  });

  test("filters work by keyboard", async ({ page }) => {
    await page.locator("#filter-task").focus();
    const before = await page.locator("#filter-task").inputValue();
    await page.keyboard.press("ArrowDown");
    const chosen = await page.locator("#filter-task").inputValue();
    expect(chosen, "/models/: ArrowDown on the focused task filter does not pick another task").not.toBe(before);
    await expect
      .poll(() => shownIds(page), { message: `/models/: choosing task "${chosen}" by keyboard does not filter` })
      .toEqual(idsOf(models.filter((m) => m.task === chosen)));
  });
});

test("every catalog model has a page showing its name and id", async ({ page }) => {
  // One page walks all models (a context per model would cost more than the checks).
  test.setTimeout(240_000);
  const problems: string[] = [];
  for (const m of models) {
    const path = modelPath(m.id);
    const response = await page.goto(path);
    if (response?.status() !== 200) {
      problems.push(`${path} (model ${m.id}) answered ${response?.status()}`);
      continue;
    }
    const h1 = (await page.locator("h1").first().innerText()).trim();
    if (h1 !== m.name) problems.push(`${path}: the title is "${h1}", not the model's name "${m.name}"`);
    if ((await page.locator("main code", { hasText: m.id }).count()) === 0) problems.push(`${path}: the model id ${m.id} is not shown`);
    if (m.lifecycle.status === "active") continue;
    const main = page.locator("main");
    if (!new RegExp(m.lifecycle.status, "i").test(await main.innerText()))
      problems.push(`${path}: the page of a ${m.lifecycle.status} model does not say "${m.lifecycle.status}"`);
    if ((await main.locator(`a[href="${modelPath(m.lifecycle.replacement)}"]`).count()) === 0)
      problems.push(`${path}: the ${m.lifecycle.status} model's page does not link its replacement ${modelPath(m.lifecycle.replacement)}`);
  }
  expect(problems, `model pages: ${problems.length} problem(s):\n  - ${problems.join("\n  - ")}`).toEqual([]);
});

for (const m of models.filter((x) => x.lifecycle.status !== "active")) {
  test(`${m.lifecycle.status} model page ${modelPath(m.id)} says so and links its replacement`, async ({ page }) => {
    const path = modelPath(m.id);
    const l = m.lifecycle as { status: string; replacement: string };
    const response = await page.goto(path);
    expect(response?.status(), `${path} (model ${m.id}) answered ${response?.status()}`).toBe(200);
    const main = page.locator("main");
    await expect(main, `${path}: the page of a ${l.status} model does not say "${l.status}"`).toContainText(new RegExp(l.status, "i"));
    const link = main.locator(`a[href="${modelPath(l.replacement)}"]`).first();
    await expect(link, `${path}: the ${l.status} model's page does not link its replacement ${modelPath(l.replacement)}`).toBeVisible();
    await link.click();
    await page.waitForURL((u) => u.pathname === modelPath(l.replacement), { timeout: 5_000 }).catch(() => undefined);
    expect(new URL(page.url()).pathname, `${path}: the replacement link went to ${page.url()}`).toBe(modelPath(l.replacement));
    await expect(page.locator("h1").first(), `${path}: the replacement page ${modelPath(l.replacement)} has no title`).not.toBeEmpty();
  });
}

test("the catalog has a retired model (so the retired-page check proves something)", () => {
  expect(models.filter((m) => m.lifecycle.status === "retired").length, "catalog/models.ts has no retired model").toBeGreaterThan(0);
});
