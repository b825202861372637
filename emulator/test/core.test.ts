/** The emulator core runs without Node: no `node:` import in app.ts's import graph, and `createEmulator().fetch` answers in-process. */
import { join } from "node:path";
import madge from "madge";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/app.ts";
import { DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID } from "../src/state.ts";
import { importGraph } from "../../tools/import-graph.ts";

const SRC = join(import.meta.dirname, "..", "src");

describe("emulator core", () => {
  it("app.ts and everything it imports use no node: module (the core can run in a browser or a Worker)", () => {
    // Every module app.ts reaches through relative imports, with each bare (package or builtin) import it names.
    const graph = new Map([...importGraph([join(SRC, "app.ts")])].map(([file, m]) => [file, m.bare]));
    expect(graph.size).toBeGreaterThan(10);
    const offenders = [...graph].flatMap(([file, bare]) => bare.filter((s) => s.startsWith("node:") || ["fs", "path", "crypto", "net", "util"].includes(s)).map((s) => `${file}: ${s}`));
    expect(offenders).toEqual([]);
    const packages = new Set([...graph.values()].flat().map((s) => s.split("/")[0]));
    // Plain-JS packages only (the catalog's typo distance uses fastest-levenshtein; @cfworker/json-schema checks published input schemas).
    expect([...packages].sort()).toEqual(["@cfworker", "fastest-levenshtein", "hono", "zod"]);
  });

  it("has no import cycle (madge)", async () => {
    const result = await madge(SRC, { fileExtensions: ["ts"] });
    expect(result.circular()).toEqual([]);
  });

  it("createEmulator(config).fetch answers a Request without a server", async () => {
    const emu = createEmulator();
    const res = await emu.fetch(
      new Request(`https://api.cloudflare.com/client/v4/accounts/${EXAMPLE_ACCOUNT_ID}/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast`, {
        method: "POST",
        headers: { authorization: `Bearer ${DEFAULT_API_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ prompt: "Hi" }),
      }),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: { response: string } }).result.response).toBe("Emulated response from @cf/meta/llama-3.3-70b-instruct-fp8-fast to: Hi");
    expect(emu.state.entries).toHaveLength(1);
  });
});
