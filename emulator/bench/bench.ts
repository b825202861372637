/**
 * `npm run bench:emulator`: latency and hostile-input load of the emulator on loopback. The emulator runs in its own
 * process (the CLI, --quiet, which keeps the last 1000 log entries) so the client's work does not share its event loop.
 *
 * 1. p50/p99 of a non-streaming chat completion (sequential requests after a warm-up).
 * 2. 3 concurrent 9 MB streamed requests whose answers are read slowly, with a small probe request every 100 ms.
 * 3. 500 concurrent non-streaming requests.
 * 4. 200 concurrent streaming chat completions (time to the last byte; an error is a failed stream or one not ending
 *    in `data: [DONE]`), three rounds.
 * 5. 200 sequential 9.5 MB requests.
 * Reports errors, whether the emulator process survived (crashes), its peak RSS (VmHWM from /proc) and, for the large
 * requests, how long small probe requests took meanwhile (the stall one large request can cause). Loops are bounded;
 * everything stays on 127.0.0.1. Exit code 1 on any error or crash.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_API_TOKEN, EXAMPLE_ACCOUNT_ID } from "../src/index.ts";

const SEQUENTIAL = 2000;
const WARMUP = 200;
const CONCURRENT_STREAMS = 200;
const ROUNDS = 3;
const CONCURRENT_REQUESTS = 500;
const LARGE_SEQUENTIAL = 200;

let crashed: string | undefined;
const child = spawn(process.execPath, [join(import.meta.dirname, "..", "src", "cli.ts"), "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, EMULATOR_API_TOKEN: DEFAULT_API_TOKEN } });
child.on("exit", (code, signal) => (crashed ??= `emulator exited (code ${code}, signal ${signal})`));
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

/** A valid chat completion body of about `bytes` bytes: a conversation ending with a large tool result (worst case for echoes). */
function largeBody(bytes: number, stream: boolean): string {
  const filler = "lorem ipsum dolor sit amet ".repeat(Math.ceil(bytes / 27)).slice(0, bytes - 600);
  return JSON.stringify({
    model: "openai/gpt-5-mini",
    stream,
    messages: [
      { role: "user", content: "What is the weather in Paris?" },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
      { role: "tool", tool_call_id: "call_1", content: filler },
    ],
  });
}

/** From /proc (Linux): CPU time used so far (ms) and peak resident set size (MB); undefined elsewhere. */
function emulatorCpuMs(): number | undefined {
  const file = `/proc/${child.pid}/stat`;
  if (!existsSync(file)) return undefined;
  const fields = readFileSync(file, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, at 100 ticks per second
}
function peakRssMb(): string {
  const file = `/proc/${child.pid}/status`;
  if (!existsSync(file)) return "n/a";
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(file, "utf8"));
  return m ? `${(Number(m[1]) / 1024).toFixed(0)} MB` : "n/a";
}
const cpuNote = (before: number | undefined, n: number) => {
  const after = emulatorCpuMs();
  return before === undefined || after === undefined ? "" : `; emulator CPU ${((after - before) / n).toFixed(3)} ms per request`;
};
const load = () => (existsSync("/proc/loadavg") ? ` (load average ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]})` : "");
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

async function one(i: number): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { method: "POST", headers, body: body(false, i) });
  await res.json();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return performance.now() - t;
}

async function stream(i: number, payload = body(true, i), readDelayMs = 0): Promise<{ ms: number; ok: boolean; bytes: number }> {
  const t = performance.now();
  try {
    const res = await fetch(url, { method: "POST", headers, body: payload });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (readDelayMs) await sleep(readDelayMs);
    }
    return { ms: performance.now() - t, ok: res.status === 200 && text.trimEnd().endsWith("data: [DONE]"), bytes: text.length };
  } catch {
    return { ms: performance.now() - t, ok: false, bytes: 0 };
  }
}

/** Small requests sent every `everyMs` until `until` settles: their latencies show whether large requests stall others. */
async function probe(until: Promise<unknown>, everyMs = 100): Promise<number[]> {
  const lat: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    try {
      lat.push(await one(-1));
    } catch {
      lat.push(Number.POSITIVE_INFINITY);
    }
    await sleep(everyMs);
  }
  return lat;
}
const probeNote = (lat: number[]) => `; small probe requests meanwhile (${lat.length}): p50 ${ms(pct(lat, 50))}, max ${ms(Math.max(...lat))}`;

let failures = 0;
const report = (line: string, errors: number) => {
  failures += errors;
  console.log(`${line}; errors ${errors}; crashes ${crashed ? 1 : 0}; peak RSS so far ${peakRssMb()}${load()}`);
};

try {
  for (let i = 0; i < WARMUP; i++) await one(i);
  const lat: number[] = [];
  const cpu0 = emulatorCpuMs();
  for (let i = 0; i < SEQUENTIAL; i++) lat.push(await one(i));
  report(`non-streaming chat completion, ${SEQUENTIAL} sequential requests: p50 ${ms(pct(lat, 50))}, p99 ${ms(pct(lat, 99))}${cpuNote(cpu0, SEQUENTIAL)}`, 0);

  {
    const big = largeBody(9 * 1024 * 1024, true);
    const t = performance.now();
    const work = Promise.all([0, 1, 2].map((i) => stream(i, big, 20)));
    const [results, probes] = await Promise.all([work, probe(work)]);
    const errors = results.filter((r) => !r.ok).length;
    report(`3 concurrent 9 MB streamed requests read slowly (20 ms between reads): wall ${ms(performance.now() - t)}, answers ${results.map((r) => `${r.bytes} B`).join(" / ")}${probeNote(probes)}`, errors);
  }

  {
    const t = performance.now();
    const results = await Promise.allSettled(Array.from({ length: CONCURRENT_REQUESTS }, (_, i) => one(i)));
    const ok = results.filter((r): r is PromiseFulfilledResult<number> => r.status === "fulfilled").map((r) => r.value);
    report(`${CONCURRENT_REQUESTS} concurrent non-streaming requests: p50 ${ms(pct(ok, 50))}, p99 ${ms(pct(ok, 99))}, wall ${ms(performance.now() - t)}`, CONCURRENT_REQUESTS - ok.length);
  }

  for (let r = 1; r <= ROUNDS; r++) {
    const cpu1 = emulatorCpuMs();
    const t = performance.now();
    const results = await Promise.all(Array.from({ length: CONCURRENT_STREAMS }, (_, i) => stream(i)));
    const times = results.map((x) => x.ms);
    report(`${CONCURRENT_STREAMS} concurrent streaming chat completions (round ${r}/${ROUNDS}): p50 ${ms(pct(times, 50))}, p99 ${ms(pct(times, 99))}, wall ${ms(performance.now() - t)}${cpuNote(cpu1, CONCURRENT_STREAMS)}`, results.filter((x) => !x.ok).length);
  }

  {
    const big = largeBody(Math.floor(9.5 * 1024 * 1024), false);
    const lat: number[] = [];
    let errors = 0;
    const work = (async () => {
      for (let i = 0; i < LARGE_SEQUENTIAL; i++) {
        const t = performance.now();
        try {
          const res = await fetch(url, { method: "POST", headers, body: big });
          const json = (await res.json()) as { choices?: { message: { content: string } }[] };
          if (res.status !== 200 || !json.choices?.[0].message.content.startsWith("The get_weather tool returned:")) errors++;
        } catch {
          errors++;
        }
        lat.push(performance.now() - t);
      }
    })();
    const probes = await probe(work, 250);
    await work;
    report(`${LARGE_SEQUENTIAL} sequential 9.5 MB requests: p50 ${ms(pct(lat, 50))}, p99 ${ms(pct(lat, 99))}${probeNote(probes)}`, errors);
  }
  console.log(`peak RSS of the emulator process: ${peakRssMb()}; crashes: ${crashed ? 1 : 0}${crashed ? ` (${crashed})` : ""}`);
  if (failures || crashed) process.exitCode = 1;
} finally {
  child.kill("SIGTERM");
}
