import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { redactHeaders, startEmulator } from "../src/index.ts";
import { ACCT, KEYS, LLAMA, TOKEN, auth, gwAuth, gwBase, post, restBase, useEmulator } from "./helpers.ts";

const emu = useEmulator();
const CLI = join(import.meta.dirname, "..", "src", "cli.ts");

describe("request log", () => {
  it("records what each request carried: host, method, path, query, lower-cased headers, body, status", async () => {
    emu().log.clear();
    await fetch(`${restBase(emu())}/models/search?author=meta`, { headers: { AUTHORIZATION: `Bearer ${TOKEN}`, "X-Trace": "t1" } });
    const e = emu().log.entries[0];
    expect(e).toMatchObject({ host: "api", method: "GET", path: `/client/v4/accounts/${ACCT}/ai/models/search`, query: { author: "meta" }, status: 200, body: null, upstream: [] });
    expect(e.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(e.headers["x-trace"]).toBe("t1");
  });

  it("records the parsed JSON body and the upstream call (provider, headers, body, status, credential)", async () => {
    emu().log.clear();
    await fetch(`${gwBase(emu())}/compat/models`, { headers: gwAuth() });
    await post(`${gwBase(emu())}/compat/chat/completions`, { model: "openai/gpt-5-mini", messages: [{ role: "user", content: "Hi" }] }, { ...gwAuth(), authorization: `Bearer ${KEYS.openai}` });
    const e = emu().log.entries.at(-1)!;
    expect(e.host).toBe("gateway");
    expect(e.body).toEqual({ model: "openai/gpt-5-mini", messages: [{ role: "user", content: "Hi" }] });
    expect(e.upstream).toEqual([
      { provider: "openai", headers: expect.objectContaining({ authorization: `Bearer ${KEYS.openai}` }), body: { model: "gpt-5-mini", messages: [{ role: "user", content: "Hi" }] }, status: 200, credential: "request" },
    ]);
    expect(Object.keys(e.upstream[0].headers).some((k) => k.startsWith("cf-aig-"))).toBe(false);
  });

  it("a REST call to a Workers AI model records a workers-ai upstream paid with the Cloudflare account", async () => {
    emu().log.clear();
    await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "Hi" }, auth());
    expect(emu().log.entries[0].upstream[0]).toMatchObject({ provider: "workers-ai", credential: "cloudflare", status: 200 });
  });

  it("logLimit keeps only the newest entries", async () => {
    const e = await startEmulator({ port: 0, logLimit: 2 });
    try {
      for (const p of ["one", "two", "three"]) await post(`${restBase(e)}/run/${LLAMA}`, { prompt: p }, auth());
      expect(e.log.entries.map((x) => (x.body as any).prompt)).toEqual(["two", "three"]);
    } finally {
      await e.stop();
    }
  });

  it("clear() empties the log", async () => {
    await post(`${restBase(emu())}/run/${LLAMA}`, { prompt: "Hi" }, auth());
    emu().log.clear();
    expect(emu().log.entries).toHaveLength(0);
  });
});

describe("redactHeaders", () => {
  it("hides credentials whatever the case of the name, and keeps other headers", () => {
    const r = redactHeaders({ Authorization: `Bearer ${TOKEN}`, "X-API-KEY": KEYS.anthropic, "cf-aig-authorization": "Bearer short", "x-goog-api-key": KEYS.google, "Content-Type": "application/json" });
    expect(r).toEqual({ authorization: "Bearer emul…[redacted]", "x-api-key": "sk-a…[redacted]", "cf-aig-authorization": "Bearer [redacted]", "x-goog-api-key": "AIza…[redacted]", "content-type": "application/json" });
    expect(JSON.stringify(r)).not.toContain(TOKEN.slice(4));
  });
});

function startCli(args: string[], env: Record<string, string> = {}): Promise<{ url: string; lines: string[]; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const lines: string[] = [];
    let buf = "";
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => reject(new Error(`cli exited ${code}: ${stderr}`)));
    child.stdout.on("data", (d) => {
      buf += d;
      const parts = buf.split("\n");
      buf = parts.pop()!;
      for (const l of parts) {
        lines.push(l);
        const m = /^emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(l);
        if (m) resolve({ url: m[1], lines, stop: () => new Promise((done) => (child.removeAllListeners("exit"), child.on("exit", () => done()), child.kill("SIGTERM"))) });
      }
    });
  });
}

describe("CLI", () => {
  it("prints `emulator listening on http://127.0.0.1:N`, logs one redacted line per request, honours EMULATOR_API_TOKEN and --config", async () => {
    const token = "cli-token-abcdefghijklmnopqrstuvwxyz012345";
    const dir = mkdtempSync(join(tmpdir(), "emu-cli-"));
    const file = join(dir, "config.json");
    writeFileSync(file, JSON.stringify({ byok: { openai: { default: KEYS.openai } }, gateways: { docs: { authentication: false } }, faults: [{ route: "/docs/openai/", nth: 2, kind: "status", status: 503 }] }));
    const cli = await startCli(["--port", "0", "--config", file], { EMULATOR_API_TOKEN: token });
    try {
      expect(cli.lines[0]).toMatch(/^emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
      const ok = await post(`${cli.url}/client/v4/accounts/${ACCT}/ai/run/${LLAMA}`, { prompt: "Hi" }, { authorization: `Bearer ${token}` });
      expect(ok.status).toBe(200);
      const old = await post(`${cli.url}/client/v4/accounts/${ACCT}/ai/run/${LLAMA}`, { prompt: "Hi" }, auth());
      expect(old.status).toBe(401);
      // --config: gateway "docs" needs no cf-aig-authorization, OpenAI is paid with the stored key, the 2nd call faults.
      const url = `${cli.url}/v1/${ACCT}/docs/openai/chat/completions`;
      const body = { model: "gpt-5-mini", messages: [{ role: "user", content: "Hi" }] };
      expect((await post(url, body)).status).toBe(200);
      expect((await post(url, body)).status).toBe(503);
      // The CLI prints each line after the response is sent: wait for the four lines, however long stdout takes.
      await vi.waitFor(() => expect(cli.lines.length).toBeGreaterThanOrEqual(5), { timeout: 5_000 });
      const logLines = cli.lines.slice(1);
      expect(logLines).toHaveLength(4);
      expect(logLines[0]).toContain(`POST /client/v4/accounts/${ACCT}/ai/run/${LLAMA} 200`);
      expect(logLines[2]).toContain("upstream=openai:byok:200");
      expect(logLines.join("\n")).not.toContain(token);
      expect(logLines.join("\n")).not.toContain(TOKEN);
      expect(logLines[0]).toContain("[redacted]");
    } finally {
      await cli.stop();
    }
  });

  it("a bad --port is refused with a clear message", async () => {
    await expect(startCli(["--port", "nope"])).rejects.toThrow(/--port must be a number/);
  });
});
