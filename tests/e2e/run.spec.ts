/**
 * The Run button, in the real browser against the built site (`npm run serve:edge`):
 * - every runnable sample on every page prints what the same example printed in Node: the examples harness
 *   (examples/harness/run.ts) runs it here as the examples tests do — TypeScript and the generated JavaScript under
 *   Node, shell through the real curl — against a Node emulator with the same account, token, stored keys and faults
 *   as the in-browser emulator. Compared: stdout and the exit code (stderr holds stack traces, which name files);
 * - streamed output reaches the page in several pieces, as the sandbox receives it;
 * - an edited sample with a wrong model id shows the emulator's own error;
 * - a second run works offline once the sandbox has loaded;
 * - pages load nothing of the sandbox before a click, and no run causes a CSP violation.
 */
import { test, expect, type Locator, type Page } from "@playwright/test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { startEmulator, DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID } from "../../emulator/src/index.ts";
import { runExample, limiter, type Form } from "../../examples/harness/run.ts";
import { cases, STORED_GATEWAYS, STORED_KEYS } from "../../examples/test/cases.ts";
import { DIST, ProblemCollector, report } from "./support.ts";

type Sample = { example: string; lang: Form };

/** Every page of dist/ with Run buttons, and its samples in page order. */
function pagesWithSamples(): Map<string, Sample[]> {
  const pages = new Map<string, Sample[]>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "index.html") {
        const html = readFileSync(full, "utf8");
        const samples = [...html.matchAll(/class="run-sample[^"]*" data-sample="([^"]+)" data-lang="(ts|js|sh)"/g)].map((m) => ({ example: m[1], lang: m[2] as Form }));
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

/**
 * Values that differ between any two runs of the same example, Node or browser alike: Unix times, the random
 * cf-aig-log-id, and the random jitter errors/retry-backoff adds to its delay. Nothing else is changed before comparing.
 */
const stable = (text: string) =>
  text
    .replace(/("created(?:_at)?":\s*)\d{9,}/g, "$1<time>")
    .replace(/(cf-aig-log-id: )[0-9A-F]{26}/g, "$1<log-id>")
    .replace(/(retrying in )\d+\.\d s/g, "$1<delay> s");

const nodeLimit = limiter(2);

/** What the example printed under Node, run by the examples harness against a Node emulator set up like the browser's. */
async function nodeRun(s: Sample) {
  const c = cases[s.example];
  const emulator = await startEmulator({ port: 0, config: { byok: STORED_KEYS, gateways: STORED_GATEWAYS, faults: c?.faults?.map(({ route: _r, ...f }) => f) ?? [] } });
  try {
    const env = { CLOUDFLARE_ACCOUNT_ID: EXAMPLE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN: DEFAULT_API_TOKEN, CLOUDFLARE_GATEWAY_ID: "default", ...c?.env };
    return await nodeLimit(() => runExample(s.example, s.lang, env, emulator.url));
  } finally {
    await emulator.stop();
  }
}

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
    test(`${path}: ${mine.map((s) => `${s.example} [${s.lang}]`).join(", ")} print what they printed in Node`, async ({ page, context }) => {
      test.setTimeout(30_000 + mine.length * 20_000);
      const problems = await ProblemCollector.attach(context, page);
      const requests: string[] = [];
      page.on("request", (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(path);
      expect(requests.filter((p) => p.startsWith("/run/")), `${path} loads nothing of the sandbox before Run`).toEqual([]);
      const node = await Promise.all(mine.map(nodeRun));
      const boxes = page.locator(".run-sample");
      for (const [i, s] of mine.entries()) {
        const box = boxes.nth(samples.findIndex((x) => x.example === s.example && x.lang === s.lang));
        await reveal(page, box);
        const got = await browserRun(page, box);
        const want = node[i];
        const label = `${s.example} [${s.lang}] on ${path}`;
        expect(stable(got.stdout), `${label}: stdout (browser stderr: ${got.stderr})`).toBe(stable(want.stdout));
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

  test("once loaded, the sandbox runs a sample again offline", async ({ page, context }) => {
    const box = await openSample(page, "chat-completions/stream-openai-sdk", "js");
    const online = await browserRun(page, box);
    expect(online.exit).toBe(0);
    await context.setOffline(true);
    try {
      const offline = await browserRun(page, box);
      expect(offline.exit, offline.stderr).toBe(0);
      expect(stable(offline.stdout)).toBe(stable(online.stdout));
    } finally {
      await context.setOffline(false);
    }
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
