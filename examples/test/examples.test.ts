/**
 * Runs every example in every form against one emulator: TypeScript (`<id> [ts]`), the JavaScript generated from it
 * (`<id> [js]`, the text the site's JS tab shows) and shell (`<id> [sh]`, real curl behind an origin-rewriting shim).
 * Each run gets its own account id, so the emulator's log entries, cache and faults of one run never mix with
 * another's while runs go in parallel. With EXAMPLES_LIVE=1 (npm run examples:live) the same runs go to the real API.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, DEFAULT_API_TOKEN, type Emulator, type Fault } from "../../emulator/src/index.ts";
import { listExamples } from "../../src/lib/examples.ts";
import { RECORDED, recordingOf, recordingPath } from "../../src/lib/recorded.ts";
import { join } from "node:path";
import { limiter, ROOT, runExample, type Form } from "../harness/run.ts";
import { cases, STORED_GATEWAYS, STORED_KEYS } from "./cases.ts";
import { describeRun, ExampleFailure } from "./expect.ts";

const live = process.env.EXAMPLES_LIVE === "1";
/** Live mode only: send the traffic to this origin instead (a dry run of live mode against `npm run emulator`). */
const dryRunOrigin = live ? process.env.EXAMPLES_LIVE_ORIGIN : undefined;
const examples = listExamples();

type Planned = { id: string; form: Form; name: string; accountId: string };

/** A 32-hex account id of the run's own, derived from its name (stable between runs of the suite). */
const accountFor = (name: string) => createHash("sha256").update(name).digest("hex").slice(0, 32);

const planned: Planned[] = examples.flatMap((e) => {
  const forms: Form[] = e.language === "ts" ? ["ts", "js"] : [e.language as Form];
  return forms.map((form) => {
    const name = `${e.id} [${form}]`;
    return { id: e.id, form, name, accountId: live ? process.env.CLOUDFLARE_ACCOUNT_ID! : accountFor(name) };
  });
});

/** Every run's faults, scoped to that run by its account id (the path of every request contains it). */
const faults: Fault[] = live
  ? []
  : planned.flatMap((p) => (cases[p.id]?.faults ?? []).map((f) => ({ ...f, route: `/${p.accountId}/` }) as Fault));

let emulator: Emulator | undefined;
const limit = limiter(Number(process.env.EXAMPLES_CONCURRENCY ?? 4));
const tally = { runs: 0, passed: 0, byForm: { ts: 0, js: 0, sh: 0 } as Record<Form, number>, ids: new Set<string>() };

beforeAll(async () => {
  if (!live) emulator = await startEmulator({ port: 0, config: { byok: STORED_KEYS, gateways: STORED_GATEWAYS, faults } });
});

afterAll(async () => {
  await emulator?.stop();
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
});

describe.concurrent(live ? "examples against the real API" : "examples against the emulator", () => {
  for (const p of planned) {
    const c = cases[p.id];
    if (!c) continue; // reported by the test above
    const needs = Object.keys(c.env ?? {}).filter((k) => live && !process.env[k]);
    it.skipIf(needs.length > 0)(`${p.name}${needs.length ? ` (live mode needs ${needs.join(", ")})` : ""}`, async ({ expect }) => {
      const apiToken = live ? process.env.CLOUDFLARE_API_TOKEN! : DEFAULT_API_TOKEN;
      const env: Record<string, string> = {
        CLOUDFLARE_ACCOUNT_ID: p.accountId,
        CLOUDFLARE_API_TOKEN: apiToken,
        CLOUDFLARE_GATEWAY_ID: (live && process.env.CLOUDFLARE_GATEWAY_ID) || "default",
        ...(live ? Object.fromEntries(Object.keys(c.env ?? {}).map((k) => [k, process.env[k]!])) : c.env),
      };
      const run = await limit(() => runExample(p.id, p.form, env, emulator?.url ?? dryRunOrigin));
      tally.runs++;
      tally.byForm[p.form]++;
      tally.ids.add(p.id);
      if (c.fails ? run.code === 0 : run.code !== 0) {
        throw new ExampleFailure(
          `${p.name}: ${c.fails ? "this example must fail, but it exited 0" : `exited with code ${run.code}`}\n${describeRun(run)}`,
        );
      }
      const entries = emulator ? emulator.log.entries.filter((e) => e.path.includes(`/${p.accountId}/`) || e.path.endsWith(`/${p.accountId}`)) : [];
      c.check({ live, run, entries, accountId: p.accountId, apiToken });
      // Reference pages show this run's output: compare it with the recording (a changed answer fails here).
      if (!live && RECORDED[p.id]?.form === p.form) {
        await expect(recordingOf(p.id, run.stdout), `${p.name}: output differs from ${recordingPath(p.id)}`).toMatchFileSnapshot(join(ROOT, recordingPath(p.id)));
      }
      tally.passed++;
    });
  }
});
