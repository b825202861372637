/**
 * `npm run bench:emulator`: latency of the emulator on loopback.
 * 1. p50/p99 of a non-streaming chat completion (sequential requests after a warm-up).
 * 2. 200 concurrent streaming chat completions: p50/p99 time to the last byte, wall time, and errors (a stream that
 *    fails or does not end with `data: [DONE]`).
 * The emulator runs in its own process (the CLI, --quiet) so the client's work does not share its event loop.
 * Loops are bounded; everything stays on 127.0.0.1.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID } from "../src/index.ts";

const SEQUENTIAL = 2000;
const WARMUP = 200;
const CONCURRENT = 200;
const ROUNDS = 3;

const child = spawn(process.execPath, [join(import.meta.dirname, "..", "src", "cli.ts"), "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, EMULATOR_API_TOKEN: DEFAULT_API_TOKEN } });
const base = await new Promise<string>((resolve, reject) => {
  let buf = "";
  child.stdout.on("data", (d) => {
    buf += d;
    const m = /emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(buf);
    if (m) resolve(m[1]);
  });
  child.on("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
});
const url = `${base}/client/v4/accounts/${EXAMPLE_ACCOUNT_ID}/ai/v1/chat/completions`;
const headers = { authorization: `Bearer ${DEFAULT_API_TOKEN}`, "content-type": "application/json" };
const body = (stream: boolean, i: number) => JSON.stringify({ model: "openai/gpt-5-mini", stream, messages: [{ role: "user", content: `Benchmark request number ${i}: say something short.` }] });

/** CPU time (user + system, ms) the emulator process has used so far, from /proc (Linux); undefined elsewhere. */
function emulatorCpuMs(): number | undefined {
  const file = `/proc/${child.pid}/stat`;
  if (!existsSync(file)) return undefined;
  const fields = readFileSync(file, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, at 100 ticks per second
}
const cpuNote = (before: number | undefined, n: number) => {
  const after = emulatorCpuMs();
  return before === undefined || after === undefined ? "" : `; emulator CPU ${((after - before) / n).toFixed(3)} ms per request`;
};
const load = () => (existsSync("/proc/loadavg") ? ` (load average ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]})` : "");

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function one(i: number): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { method: "POST", headers, body: body(false, i) });
  await res.json();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return performance.now() - t;
}

async function stream(i: number): Promise<{ ms: number; ok: boolean }> {
  const t = performance.now();
  try {
    const res = await fetch(url, { method: "POST", headers, body: body(true, i) });
    const text = await res.text();
    return { ms: performance.now() - t, ok: res.status === 200 && text.trimEnd().endsWith("data: [DONE]") };
  } catch {
    return { ms: performance.now() - t, ok: false };
  }
}

try {
  for (let i = 0; i < WARMUP; i++) await one(i);
  const lat: number[] = [];
  const cpu0 = emulatorCpuMs();
  for (let i = 0; i < SEQUENTIAL; i++) lat.push(await one(i));
  console.log(`non-streaming chat completion, ${SEQUENTIAL} sequential requests: p50 ${ms(pct(lat, 50))}, p99 ${ms(pct(lat, 99))}${cpuNote(cpu0, SEQUENTIAL)}${load()}`);
  for (let r = 1; r <= ROUNDS; r++) {
    const cpu1 = emulatorCpuMs();
    const t = performance.now();
    const results = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => stream(i)));
    const wall = performance.now() - t;
    const errors = results.filter((x) => !x.ok).length;
    const times = results.map((x) => x.ms);
    console.log(`${CONCURRENT} concurrent streaming chat completions (round ${r}/${ROUNDS}): p50 ${ms(pct(times, 50))}, p99 ${ms(pct(times, 99))}, wall ${ms(wall)}, errors ${errors}${cpuNote(cpu1, CONCURRENT)}${load()}`);
    if (errors) process.exitCode = 1;
  }
} finally {
  child.kill("SIGTERM");
}
