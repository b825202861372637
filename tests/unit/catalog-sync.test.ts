import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { diffCatalog, main } from "../../tools/catalog-sync.ts";
import { models, isWorkersAiModel, getModel } from "../../catalog/index.ts";
import { DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID, startEmulator } from "../../emulator/src/index.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("catalog:sync diff", () => {
  const wai = models.filter((m) => isWorkersAiModel(m) && m.lifecycle.status !== "retired");
  const live = () => ({
    workersAi: wai.map((m) => ({ name: m.id, task: { name: m.task }, properties: m.context_window ? [{ property_id: "context_window", value: String(m.context_window) }] : [] })),
    compat: [],
  });

  it("proposes a missing model as retired with today as the day first seen missing, never as the retirement date", () => {
    const l = live();
    l.workersAi = l.workersAi.filter((x) => x.name !== "@cf/deepgram/aura-1");
    const d = diffCatalog(l, models, "2026-12-01");
    const gone = d.removed.find((r) => r.id === "@cf/deepgram/aura-1")!;
    expect(gone.proposal).toMatchObject({ status: "retired", first_seen_missing: "2026-12-01", date: null });
    expect(d.removed.filter((r) => r.list === "models/search")).toHaveLength(1);
  });

  it("lists models the catalog lacks as added and field differences as changed", () => {
    const l = live();
    l.workersAi.push({ name: "@cf/acme/brand-new", task: { name: "Text Generation" }, properties: [] });
    const kimi = l.workersAi.find((x) => x.name === "@cf/moonshotai/kimi-k2.6")!;
    kimi.properties = [{ property_id: "context_window", value: "300000" }];
    const d = diffCatalog(l, models, "2026-12-01");
    expect(d.added).toEqual([{ list: "models/search", id: "@cf/acme/brand-new", task: "Text Generation" }]);
    expect(d.changed).toEqual([{ id: "@cf/moonshotai/kimi-k2.6", field: "context_window", catalog: getModel("@cf/moonshotai/kimi-k2.6")!.context_window, live: 300000 }]);
  });
});

describe("npm run catalog:sync", () => {
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let dir: string;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
    dir = mkdtempSync(join(tmpdir(), "catalog-sync-"));
  });
  afterAll(async () => {
    await emu?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const env = () => ({ CLOUDFLARE_ACCOUNT_ID: EXAMPLE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN: DEFAULT_API_TOKEN, CATALOG_SYNC_API_ORIGIN: emu.url, CATALOG_SYNC_GATEWAY_ORIGIN: emu.url });

  it("without credentials says so and exits 0", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await main([], {})).toBe(0);
    expect(log.mock.calls.flat().join("\n")).toMatch(/set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN/);
    log.mockRestore();
  });

  it("reads every page of the emulator's lists and finds them equal to the catalog", async () => {
    const out = join(dir, "diff.json");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await main(["--out", out], { ...env(), CATALOG_SYNC_PER_PAGE: "25" })).toBe(0);
    log.mockRestore();
    const diff = JSON.parse(readFileSync(out, "utf8"));
    const wai = models.filter((m) => isWorkersAiModel(m) && m.lifecycle.status !== "retired");
    expect(wai.length).toBeGreaterThan(75); // more than three pages of 25
    expect(diff.checked.workers_ai).toBe(wai.length);
    expect(diff.checked.compat).toBeGreaterThan(0);
    expect({ added: diff.added, removed: diff.removed, changed: diff.changed }).toEqual({ added: [], removed: [], changed: [] });
  });

  it("runs as a command and prints the diff; a wrong token fails naming the URL and status", async () => {
    const run = (extra: Record<string, string>) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(process.execPath, ["tools/catalog-sync.ts"], { cwd: root, env: { ...process.env, ...env(), ...extra } }, (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
      );
    const ok = await run({});
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/catalog:sync: read \d+ Workers AI models .* the catalog matches the live lists/s);
    const bad = await run({ CLOUDFLARE_API_TOKEN: "wrong-token" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/client\/v4\/accounts\/[^ ]+\/ai\/models\/search\?per_page=100&page=1 answered 40[13]/);
  });
});
