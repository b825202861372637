/**
 * Every page of the sitemap (not a sample): it answers 200, logs no console error, violates no Content-Security-Policy
 * directive, has no failed request, does not scroll sideways, and @axe-core/playwright reports no serious or critical
 * violation at desktop (1280×800) and phone (390×844) widths, each in the light and the dark theme. The four checks run
 * on one page load: the viewport is resized and the reader's colour scheme switched (Starlight follows it, as for a
 * reader whose system is set to dark), and each check first confirms the theme Starlight shows. One browser context
 * per worker walks the pages in sequence; each page is its own test so a failure names the page in its title and message.
 */
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { BASE_URL, ProblemCollector, report, sitemapPaths } from "./support.ts";

type Walker = { page: Page; problems: ProblemCollector };

const VIEWPORTS = [
  { name: "1280×800", width: 1280, height: 800 },
  { name: "390×844", width: 390, height: 844 },
] as const;
const THEMES = ["light", "dark"] as const;

const test = base.extend<object, { walker: Walker }>({
  walker: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ baseURL: BASE_URL, viewport: VIEWPORTS[0], colorScheme: "light" });
      const page = await context.newPage();
      const problems = await ProblemCollector.attach(context, page);
      await use({ page, problems });
      await context.close();
    },
    { scope: "worker" },
  ],
});

let paths: string[] = [];
let sitemapError: string | undefined;
try {
  paths = sitemapPaths();
} catch (error) {
  sitemapError = (error as Error).message;
}

test("the sitemap lists the site's pages", () => {
  expect(sitemapError, `dist/sitemap-index.xml could not be read: ${sitemapError}`).toBeUndefined();
  expect(paths, "dist/sitemap-index.xml → sitemap-0.xml lists the home page").toContain("/");
  expect(paths.length, "the sitemap lists more than the home page").toBeGreaterThan(1);
});

/** Elements that stick out past the right edge of the viewport, outside any scroll container: why a page scrolls sideways. */
async function sidewaysOverflow(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return undefined;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true;
      }
      return false;
    };
    const describe = (el: Element) =>
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : "") +
      [...el.classList].slice(0, 3).map((c) => `.${c}`).join("") +
      ` (right edge at ${Math.round(el.getBoundingClientRect().right)}px)`;
    const offenders = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el))
      .filter((el, _i, all) => !all.some((other) => other !== el && other.contains(el)))
      .slice(0, 5)
      .map(describe);
    return `page is ${root.scrollWidth}px wide in a ${width}px viewport; sticking out: ${offenders.join(", ") || "(not found)"}`;
  });
}

/**
 * Serious and critical axe violations of the page as it is now, each naming the rule and elements. Legacy mode runs
 * axe in the page itself; the default (runPartial + finishRun in a second page) is several times slower on pages with
 * many code blocks and gives the same answer on a site without iframes.
 */
async function axeProblems(page: Page, where: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] }).analyze();
  return axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 4)
        .map((n) => `${n.target.join(" ")}${n.html ? ` ${n.html.slice(0, 120)}` : ""}`)
        .join(" | ");
      return `${where}: axe ${v.impact} "${v.id}": ${v.help} — ${v.nodes.length} element(s): ${nodes}`;
    });
}

for (const path of paths) {
  test(`page ${path}`, async ({ walker: { page, problems } }) => {
    // Four axe runs on one load: the longest page took 54 s of the default 60 s under a load average of 20.
    test.slow();
    problems.take();
    await page.setViewportSize(VIEWPORTS[0]);
    await page.emulateMedia({ colorScheme: "light" });
    const found: string[] = [];
    const response = await page.goto(path, { waitUntil: "load" });
    if (!response) found.push("no response");
    else if (response.status() !== 200) found.push(`answered HTTP ${response.status()} (expected 200)`);
    else if (new URL(response.url()).pathname !== path) found.push(`ended at ${response.url()} instead of ${path}`);
    // Let late requests (fonts, lazy scripts) finish so their failures are seen here, not on the next page.
    await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => found.push("network never went idle within 5 s"));

    found.push(...problems.take());

    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      const overflow = await sidewaysOverflow(page);
      if (overflow) found.push(`horizontal scroll at ${viewport.name}: ${overflow}`);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        const shown = await page
          .waitForFunction((t) => document.documentElement.dataset.theme === t, theme, { timeout: 5_000 })
          .then(
            () => true,
            () => false,
          );
        // What resizing or switching the theme made the page log is the page's; what axe triggers is not.
        found.push(...problems.take().map((p) => `${viewport.name} ${theme}: ${p}`));
        if (!shown) found.push(`${viewport.name}: the page does not switch to the ${theme} theme when the reader's system asks for it`);
        else found.push(...(await axeProblems(page, `${viewport.name} ${theme}`)));
        problems.take();
      }
    }

    expect(found, report(path, "problems found while loading the page", found)).toEqual([]);
  });
}
