import { execFile } from "node:child_process";
import { afterAll, beforeAll } from "vitest";
import { gatewayBase as gatewayPath, restBase as restPath } from "../src/contract.ts";
import { DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID, startEmulator, type EmulatorConfig } from "../src/index.ts";

export const TOKEN = DEFAULT_API_TOKEN;
export const ACCT = EXAMPLE_ACCOUNT_ID;
/** Provider keys shaped like real ones (the emulated providers check the shape). */
export const KEYS = {
  openai: "sk-proj-emulatortest0123456789abcdefghij",
  anthropic: "sk-ant-api03-emulatortest0123456789abcdefghij",
  openrouter: "sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  google: "AIzaSyEmulatorTest0123456789abcdefghijk",
};
export const LLAMA = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";

export type Emu = Awaited<ReturnType<typeof startEmulator>>;

/** Starts one emulator for the test file; `emu()` returns it. */
export function useEmulator(config?: EmulatorConfig): () => Emu {
  let emu: Emu;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, config });
  });
  afterAll(async () => {
    await emu?.stop();
  });
  return () => emu;
}

export const restBase = (emu: Emu, acct = ACCT) => `${emu.url}${restPath(acct)}`;
export const gwBase = (emu: Emu, gw = "default", acct = ACCT) => `${emu.url}${gatewayPath(acct, gw)}`;

export const auth = (token = TOKEN) => ({ authorization: `Bearer ${token}` });
export const gwAuth = (token = TOKEN) => ({ "cf-aig-authorization": `Bearer ${token}` });

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Runs the real curl; returns status, body and the exit code. */
export function curl(args: string[]): Promise<{ status: number; body: string; code: number; json: any }> {
  return new Promise((resolve) => {
    execFile("curl", ["-sS", "-w", "\n%{http_code}", ...args], { encoding: "utf8" }, (err, stdout) => {
      const i = stdout.lastIndexOf("\n");
      const body = stdout.slice(0, i);
      let json: any;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      resolve({ status: Number(stdout.slice(i + 1)), body, code: err ? Number((err as { code?: number }).code ?? 1) : 0, json });
    });
  });
}

/** The data payloads of an SSE body. */
export function sseData(text: string): string[] {
  return text
    .split("\n")
    .filter((l) => l.startsWith("data: "))
    .map((l) => l.slice(6));
}

/** Ensures the `default` gateway exists (it is created by the first authenticated request). */
export async function ensureDefaultGateway(emu: Emu) {
  await fetch(`${gwBase(emu)}/compat/models`, { headers: gwAuth() });
}
