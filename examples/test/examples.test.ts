/**
 * Runs every example in every form against the emulator: TypeScript (`<id> [ts]`), the JavaScript generated from it
 * (`<id> [js]`, the text the site's JS tab shows) and shell (`<id> [sh]`, real curl behind an origin-rewriting shim).
 * Each run gets an emulator of its own (fresh state, the demo account, that example's faults), as a reader's Run in the
 * browser does, so runs in parallel never mix and each run prints the same thing every time: its exit code and stdout
 * are recorded in examples/outputs/runs/ (src/lib/recorded.ts says what is normalised), and the Run button's browser
 * test compares what the browser prints with those files. With EXAMPLES_LIVE=1 (npm run examples:live) the same runs
 * go to the real API, and nothing is recorded.
 */
import { existsSync, readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator, DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID } from "../../emulator/src/index.ts";
import { listExamples } from "../../src/lib/examples.ts";
import { RECORDED, RUN_RECORDINGS, recordingOf, runRecording, runRecordingPath } from "../../src/lib/recorded.ts";
import { join, relative } from "node:path";
import { limiter, ROOT, runExample, type Form } from "../harness/run.ts";
import { cases, STORED_GATEWAYS, STORED_KEYS } from "./cases.ts";
import { describeRun, ExampleFailure } from "./expect.ts";

const live = process.env.EXAMPLES_LIVE === "1";
/** Live mode only: send the traffic to this origin instead (a dry run of live mode against `npm run emulator`). */
const dryRunOrigin = live ? process.env.EXAMPLES_LIVE_ORIGIN : undefined;
const examples = listExamples();

type Planned = { id: string; form: Form; name: string };

const planned: Planned[] = examples.flatMap((e) => {
  const forms: Form[] = e.language === "ts" ? ["ts", "js"] : [e.language as Form];
  return forms.map((form) => ({ id: e.id, form, name: `${e.id} [${form}]` }));
});

/** The emulator of one run: the stored keys and gateways every run has, and this example's faults. */
const emulatorFor = (id: string) =>
  startEmulator({ port: 0, config: { byok: STORED_KEYS, gateways: STORED_GATEWAYS, faults: cases[id]?.faults ?? [] } });

const limit = limiter(Number(process.env.EXAMPLES_CONCURRENCY ?? 4));
const tally = { runs: 0, passed: 0, byForm: { ts: 0, js: 0, sh: 0 } as Record<Form, number>, ids: new Set<string>() };

afterAll(() => {
  const { ts, js, sh } = tally.byForm;
  console.log(
    `examples${live ? " (live)" : ""}: ran ${tally.ids.size} of ${examples.length} examples in ${tally.runs} runs ` +
      `(ts ${ts}, js ${js}, sh ${sh}); ${tally.passed} passed`,
  );
});

describe("every example file is run by a test", () => {
  it("has a case in examples/test/cases.ts for each file, and a file for each case", () => {
    const ids = examples.map((e) => e.id);
    const untested = ids.filter((id) => !cases[id]);
    const stale = Object.keys(cases).filter((id) => !ids.includes(id));
    expect(untested, `example files that no test runs (add them to examples/test/cases.ts)`).toEqual([]);
    expect(stale, `cases in examples/test/cases.ts without an example file`).toEqual([]);
  });
  it("records only examples that exist, in a form they run in", () => {
    const forms = new Map(planned.map((p) => [`${p.id} ${p.form}`, p]));
    const unknown = Object.entries(RECORDED).filter(([id, r]) => !forms.has(`${id} ${r.form}`)).map(([id, r]) => `${id} [${r.form}]`);
    expect(unknown, "RECORDED (src/lib/recorded.ts) names example runs that do not exist").toEqual([]);
  });
  it(`keeps a recording in ${RUN_RECORDINGS}/ only for runs that exist`, () => {
    const wanted = new Set(planned.map((p) => runRecordingPath(p.id, p.form)));
    const dir = join(ROOT, RUN_RECORDINGS);
    const files = (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }) : [])
      .filter((f) => f.isFile())
      .map((f) => relative(ROOT, join(f.parentPath, f.name)));
    expect(files.filter((f) => !wanted.has(f)), "recordings of runs that no longer exist: delete them").toEqual([]);
  });
});

describe.concurrent(live ? "examples against the real API" : "examples against the emulator", () => {
  for (const p of planned) {
    const c = cases[p.id];
    if (!c) continue; // reported by the test above
    const needs = Object.keys(c.env ?? {}).filter((k) => live && !process.env[k]);
    it.skipIf(needs.length > 0)(`${p.name}${needs.length ? ` (live mode needs ${needs.join(", ")})` : ""}`, async ({ expect }) => {
      const apiToken = live ? process.env.CLOUDFLARE_API_TOKEN! : DEFAULT_API_TOKEN;
      const accountId = live ? process.env.CLOUDFLARE_ACCOUNT_ID! : EXAMPLE_ACCOUNT_ID;
      const env: Record<string, string> = {
        CLOUDFLARE_ACCOUNT_ID: accountId,
        CLOUDFLARE_API_TOKEN: apiToken,
        CLOUDFLARE_GATEWAY_ID: (live && process.env.CLOUDFLARE_GATEWAY_ID) || "default",
        ...(live ? Object.fromEntries(Object.keys(c.env ?? {}).map((k) => [k, process.env[k]!])) : c.env),
      };
      const { run, entries } = await limit(async () => {
        const emulator = live ? undefined : await emulatorFor(p.id);
        try {
          return { run: await runExample(p.id, p.form, env, emulator?.url ?? dryRunOrigin), entries: emulator?.log.entries ?? [] };
        } finally {
          await emulator?.stop();
        }
      });
      tally.runs++;
      tally.byForm[p.form]++;
      tally.ids.add(p.id);
      if (c.fails ? run.code === 0 : run.code !== 0) {
        throw new ExampleFailure(
          `${p.name}: ${c.fails ? "this example must fail, but it exited 0" : `exited with code ${run.code}`}\n${describeRun(run)}`,
        );
      }
      c.check({ live, run, entries, accountId, apiToken });
      if (!live) {
        // What this run printed, kept for the Run button's browser test and the pages (a changed answer fails here).
        const path = runRecordingPath(p.id, p.form);
        await expect(runRecording(p.id, run), `${p.name}: output differs from ${path}`).toMatchFileSnapshot(join(ROOT, path));
      }
      // Reference pages show this recording (src/lib/recorded.ts RECORDED): its output must be what they can show.
      if (!live && RECORDED[p.id]?.form === p.form) recordingOf(p.id, run.stdout);
      tally.passed++;
    });
  }
});
