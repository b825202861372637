/**
 * The Run button, in the real browser against the built site (`npm run serve:edge`):
 * - every runnable sample on every page prints what the examples tests recorded when they ran it (TypeScript and the
 *   generated JavaScript under Node, shell through the real curl, each against a fresh emulator with the demo
 *   account): examples/outputs/runs/<id>.<form>.txt. Compared: the exit code and stdout, after the one change the
 *   recordings make (`unvarying` in src/lib/recorded.ts: Unix times, and one sample's random retry jitter); stderr
 *   holds stack traces, which name files;
 * - streamed output reaches the page in several pieces, as the sandbox receives it;
 * - an edited sample with a wrong model id shows the emulator's own error;
 * - after one Run, the Service Worker it registers serves the pages with samples and the sandbox offline: Run works
 *   on pages first opened while offline (Playwright's offline mode, which also cuts the Service Worker's own fetches);
 * - pages load nothing of the sandbox before a click, and no run causes a CSP violation.
 */
import { test, expect, type Locator, type Page } from "@playwright/test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { startEmulator, DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID } from "../../emulator/src/index.ts";
import { readRunRecording, unvarying, type RunForm } from "../../src/lib/recorded.ts";
import { DIST, ProblemCollector, ROOT, report } from "./support.ts";

type Form = RunForm;
type Sample = { example: string; lang: Form };

/** The value of attribute `name` in the attribute text of one tag. */
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Every page of dist/ with Run buttons, and its samples in page order. */
function pagesWithSamples(): Map<string, Sample[]> {
  const pages = new Map<string, Sample[]>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "index.html") {
        const html = readFileSync(full, "utf8");
        // Each Run box's opening tag, whatever the order of its attributes.
        const samples = [...html.matchAll(/<div\b[^>]*\sclass="run-sample\b[^"]*"[^>]*>/g)].map((m) => ({
          example: attr(m[0], "data-sample")!,
          lang: attr(m[0], "data-lang") as Form,
        }));
        if (samples.length) pages.set(`/${relative(DIST, dir)}/`.replace(/^\/\/$/, "/"), samples);
      }
    }
  };
  walk(DIST);
  return pages;
}

const pages = pagesWithSamples();
/** Each sample runs once, on the first page that shows it. */
const firstPage = new Map<string, string>();
for (const [path, samples] of pages) for (const s of samples) if (!firstPage.has(`${s.example} ${s.lang}`)) firstPage.set(`${s.example} ${s.lang}`, path);

/** Shows the tab a sample's Run box sits in (TypeScript / JavaScript), so it can be clicked like a reader would. */
async function reveal(page: Page, box: Locator) {
  const panel = box.locator("xpath=ancestor::*[@role='tabpanel'][1]");
  if (await panel.count()) {
    const tab = await panel.getAttribute("aria-labelledby");
    await page.locator(`[role="tab"][id="${tab}"]`).click();
  }
  await box.scrollIntoViewIfNeeded();
}

/** Opens the first page showing the sample and shows its tab; returns its Run box. */
async function openSample(page: Page, example: string, lang: Form): Promise<Locator> {
  const path = firstPage.get(`${example} ${lang}`);
  expect(path, `no page shows ${example} [${lang}] with a Run button`).toBeDefined();
  await page.goto(path!);
  const box = page.locator(`.run-sample[data-sample="${example}"][data-lang="${lang}"]`).first();
  await reveal(page, box);
  return box;
}

/**
 * `pieces`: how many separate messages stdout arrived in (the page appends one element per message from the
 * sandbox, as it arrives). Whether the browser paints between two of them depends on its own scheduling: a stream the
 * in-browser emulator answers within a millisecond may reach the page in one task, so the count is what is checked.
 */
type BrowserRun = { stdout: string; stderr: string; exit: number; pieces: number; http: string };

/** Presses Run and waits for the exit line. */
async function browserRun(page: Page, box: Locator): Promise<BrowserRun> {
  await box.locator("[data-run]").click();
  await expect(box).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  const status = (await box.locator("[role=status]").textContent()) ?? "";
  const exit = /exit code (\d+)/.exec(status);
  expect(exit, `status line "${status}"`).not.toBeNull();
  const text = (cls: string) => box.locator(`pre .${cls}`).evaluateAll((els) => els.map((e) => e.textContent).join(""));
  return {
    stdout: await text("stdout"),
    stderr: await text("stderr"),
    exit: Number(exit![1]),
    pieces: await box.locator("pre .stdout").count(),
    http: await text("http"),
  };
}

test.describe("Run button", () => {
  test("pages with samples exist, and every TypeScript sample has a Run button on both tabs", () => {
    expect(pages.size).toBeGreaterThan(10);
    for (const [path, samples] of pages) {
      const ts = samples.filter((s) => s.lang === "ts").map((s) => s.example);
      const js = samples.filter((s) => s.lang === "js").map((s) => s.example);
      expect(js, `${path}: a JavaScript Run button for each TypeScript one`).toEqual(ts);
    }
  });

  for (const [path, samples] of pages) {
    const mine = samples.filter((s) => firstPage.get(`${s.example} ${s.lang}`) === path);
    if (!mine.length) continue;
    test(`${path}: ${mine.map((s) => `${s.example} [${s.lang}]`).join(", ")} print what the examples tests recorded`, async ({ page, context }) => {
      test.setTimeout(30_000 + mine.length * 20_000);
      const problems = await ProblemCollector.attach(context, page);
      const requests: string[] = [];
      page.on("request", (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(path);
      expect(requests.filter((p) => p.startsWith("/run/") || p === "/sw.js"), `${path} loads nothing of the sandbox before Run`).toEqual([]);
      const boxes = page.locator(".run-sample");
      for (const s of mine) {
        const box = boxes.nth(samples.findIndex((x) => x.example === s.example && x.lang === s.lang));
        await reveal(page, box);
        const got = await browserRun(page, box);
        const want = readRunRecording(ROOT, s.example, s.lang);
        const label = `${s.example} [${s.lang}] on ${path}`;
        expect(unvarying(s.example, got.stdout), `${label}: stdout (browser stderr: ${got.stderr})`).toBe(want.stdout);
        expect(got.exit, `${label}: exit code (browser stderr: ${got.stderr})`).toBe(want.code);
        expect(got.stderr, `${label}: the sandbox's policy refused nothing`).not.toContain("Content-Security-Policy");
        // A streaming sample's output is sent to the page as the stream arrives: several pieces, not one at the end
        // (when the emulator answered it with a stream, HTTP 200; an error answer is one JSON body).
        if (/stream/.test(s.example) && s.example !== "errors/stream-cut" && /HTTP 200/.test(got.http)) {
          expect(got.pieces, `${label}: stdout pieces`).toBeGreaterThanOrEqual(2);
        }
      }
      const found = problems.take();
      expect(found, report(path, "problems while running samples", found)).toEqual([]);
    });
  }

  test("an edited sample with a wrong model id shows the emulator's error", async ({ page, context }) => {
    const problems = await ProblemCollector.attach(context, page);
    // What the emulator answers for that model, asked directly (not written down here).
    const emulator = await startEmulator({ port: 0 });
    const answer = await fetch(`${emulator.url}/client/v4/accounts/${EXAMPLE_ACCOUNT_ID}/ai/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${DEFAULT_API_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-0-nonexistent", messages: [{ role: "user", content: "Hi" }] }),
    });
    const body = (await answer.json()) as { errors: { message: string }[] };
    await emulator.stop();
    expect(answer.status).toBeGreaterThanOrEqual(400);

    const box = await openSample(page, "chat-completions/openai-sdk", "js");
    await box.locator("[data-edit]").click();
    const editor = box.locator("textarea");
    await expect(editor).toBeVisible();
    const code = await editor.inputValue();
    expect(code).toContain('"openai/gpt-5-mini"');
    await editor.fill(code.replace('"openai/gpt-5-mini"', '"openai/gpt-0-nonexistent"'));
    const got = await browserRun(page, box);
    expect(got.exit).toBe(1);
    expect(got.stderr).toContain(String(answer.status));
    expect(got.stderr).toContain(body.errors[0].message);
    expect(problems.take()).toEqual([]);
  });

  test("a syntax error shows the runtime's message; an import the sandbox does not serve says which it has", async ({ page }) => {
    const box = await openSample(page, "chat-completions/fetch", "ts");
    await box.locator("[data-edit]").click();
    await box.locator("textarea").fill("const x = ;");
    expect((await browserRun(page, box)).stderr).toMatch(/SyntaxError/);
    await box.locator("textarea").fill('import { x } from "left-pad";\nconsole.log(x);');
    const run = await browserRun(page, box);
    expect(run.exit).toBe(1);
    expect(run.stderr).toContain("Cannot find package 'left-pad'");
    expect(run.stderr).toContain("openai");
  });

  test("the sandbox has no DOM, cookies or storage, and reaches nothing but the site and the emulator", async ({ page }) => {
    const box = await openSample(page, "chat-completions/fetch", "js");
    await page.evaluate(() => localStorage.setItem("run-spec", "page data"));
    await box.locator("[data-edit]").click();
    const editor = box.locator("textarea");
    await editor.fill(
      'console.log([typeof document, typeof localStorage, typeof indexedDB, typeof caches, typeof navigator.storage].join(" "));\n' +
        'try { await fetch("https://example.com/"); } catch (e) { console.log(e.message); }',
    );
    const run = await browserRun(page, box);
    expect(run.stdout).toBe("undefined undefined undefined undefined undefined\nfetch https://example.com: the sandbox reaches only the emulator (api.cloudflare.com, gateway.ai.cloudflare.com)\n");
    await editor.fill('await import("https://example.com/module.js");');
    const blocked = await browserRun(page, box);
    expect(blocked.exit).toBe(1);
    expect(blocked.stderr).toContain("Content-Security-Policy of the sandbox blocked https://example.com/module.js");
  });

  test("after one Run, the Service Worker keeps Run working offline, on pages opened only afterwards", async ({ page, context }) => {
    test.setTimeout(120_000);
    const problems = await ProblemCollector.attach(context, page);
    const requests: string[] = [];
    context.on("request", (r) => requests.push(new URL(r.url()).pathname));
    const first = "chat-completions/stream-openai-sdk";
    const box = await openSample(page, first, "js");
    // Nothing is registered before a Run; a cache of an older version is there to be removed, another site's stays.
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r === undefined))).toBe(true);
    expect(requests, "no /sw.js before Run").not.toContain("/sw.js");
    await page.evaluate(async () => {
      await (await caches.open("live-samples-0000000000000000")).put("/old", new Response("old"));
      await (await caches.open("not-ours")).put("/kept", new Response("kept"));
    });
    const online = await browserRun(page, box);
    expect(online.exit, online.stderr).toBe(0);
    const keys = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      // Activation (old caches removed) follows the install that cached everything.
      while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
      return (await caches.keys()).sort();
    });
    expect(keys).toHaveLength(2);
    expect(keys).toContain("not-ours");
    expect(keys.find((k) => k.startsWith("live-samples-"))).toMatch(/^live-samples-[0-9a-f]{16}$/);

    await context.setOffline(true);
    try {
      // The Service Worker's own requests fail too: what follows comes from its cache, not from the server.
      const [worker] = context.serviceWorkers();
      expect(worker, "the Service Worker is running").toBeDefined();
      expect(await worker.evaluate(() => fetch("/", { cache: "no-store" }).then(() => "reached the server", () => "offline"))).toBe("offline");

      // Pages with samples that this tab never opened (the Service Worker cached them when it installed): a curl
      // sample and a TypeScript one, each from its own page.
      const firstPath = firstPage.get(`${first} js`)!;
      const others = [...firstPage.entries()]
        .filter(([key, path]) => path !== firstPath && (key.endsWith(" sh") || key.endsWith(" ts")))
        .map(([key, path]) => ({ example: key.split(" ")[0], lang: key.split(" ")[1] as Form, path }));
      const sh = others.find((o) => o.lang === "sh");
      const picked = [sh, others.find((o) => o.lang === "ts" && o.path !== sh?.path)];
      expect(picked.every(Boolean), "two other pages with samples").toBe(true);
      for (const s of picked as NonNullable<(typeof picked)[number]>[]) {
        const response = await page.goto(s.path);
        expect(response?.status(), `${s.path} offline`).toBe(200);
        expect(response?.fromServiceWorker(), `${s.path} came from the Service Worker`).toBe(true);
        const other = page.locator(`.run-sample[data-sample="${s.example}"][data-lang="${s.lang}"]`).first();
        await reveal(page, other);
        const got = await browserRun(page, other);
        const want = readRunRecording(ROOT, s.example, s.lang);
        expect(unvarying(s.example, got.stdout), `${s.example} [${s.lang}] offline on ${s.path} (stderr: ${got.stderr})`).toBe(want.stdout);
        expect(got.exit).toBe(want.code);
      }
      // And the first page again, opened offline.
      await page.goto(firstPath);
      const again = page.locator(`.run-sample[data-sample="${first}"][data-lang="js"]`).first();
      await reveal(page, again);
      const offline = await browserRun(page, again);
      expect(offline.exit, offline.stderr).toBe(0);
      expect(unvarying(first, offline.stdout)).toBe(unvarying(first, online.stdout));
    } finally {
      await context.setOffline(false);
    }
    const found = problems.take();
    expect(found, report("offline runs", "problems", found)).toEqual([]);
  });

  test("Run works from the keyboard and the output can be focused", async ({ page }) => {
    const box = await openSample(page, "run/curl", "sh");
    await box.locator("[data-run]").focus();
    await page.keyboard.press("Enter");
    await expect(box).toHaveAttribute("data-state", "done", { timeout: 30_000 });
    await expect(box.locator("[role=status]")).toHaveText(/exit code 0/);
    await box.locator("pre").focus();
    await expect(box.locator("pre")).toBeFocused();
    await expect(box.locator(".run-output a[href='/emulator/#assumed']")).toBeVisible();
  });
});
