/**
 * The sample sandbox: a dedicated module Worker (served from /run/ with a policy of its own, see public/_headers) that
 * runs one sample the way the examples tests run it in Node, with only the traffic's destination changed:
 * - `process.env` holds the emulator's demo account and token (plus what the examples tests give that example);
 * - `fetch` to api.cloudflare.com / gateway.ai.cloudflare.com is answered by the emulator, in this Worker; any other
 *   URL is refused (and the policy allows no network besides the site's own scripts);
 * - `import "openai"` and the other client libraries resolve to the site's own bundles (/run/lib/…);
 * - console and process.stdout / process.stderr are sent to the page as they are written.
 * A Worker has no DOM, cookies or localStorage; before the sample runs, the storage APIs a Worker does have are removed.
 */
import { formatWithOptions } from "node-inspect-extracted";
import type { RunMessage, SampleSettings, SandboxMessage } from "./protocol.ts";

declare const __RUN_ASSETS__: { emulator: string; libs: Record<string, string> };
declare const __SAMPLE_SETTINGS__: SampleSettings;
declare const __DEMO__: { accountId: string; apiToken: string; gatewayId: string; storedKeys: unknown; storedGateways: unknown };

const post = (m: SandboxMessage) => self.postMessage(m);
const abs = (path: string) => new URL(path, self.location.href).href;

// ---- storage: a sample needs none, and must not reach the site's -------------------------------------------------
for (const [proto, names] of [
  [self, ["indexedDB", "caches", "cookieStore"]],
  [Object.getPrototypeOf(self), ["indexedDB", "caches", "cookieStore"]],
  [(globalThis as any).WorkerGlobalScope?.prototype, ["indexedDB", "caches", "cookieStore"]],
  [(globalThis as any).WorkerNavigator?.prototype, ["storage", "locks", "serviceWorker"]],
] as [object | undefined, string[]][]) {
  for (const name of names) if (proto) Reflect.deleteProperty(proto, name);
}
Reflect.deleteProperty(globalThis, "BroadcastChannel");

// ---- output ---------------------------------------------------------------------------------------------------------
const format = (args: unknown[]) => `${formatWithOptions({ colors: false }, ...args)}\n`;
const write = (stream: "stdout" | "stderr") => (chunk: unknown) => {
  const text = typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk as Uint8Array);
  if (text) post({ type: "out", stream, text });
  return true;
};
const stdout = write("stdout");
const stderr = write("stderr");
for (const name of ["log", "info", "debug"] as const) console[name] = (...args: unknown[]) => stdout(format(args));
for (const name of ["error", "warn", "trace"] as const) console[name] = (...args: unknown[]) => stderr(format(args));

// ---- the event loop: a run ends, as a Node program does, when nothing is pending any more --------------------------
let pending = 0;
const timers = new Set<unknown>();
const realSetTimeout = self.setTimeout.bind(self);
const realClearTimeout = self.clearTimeout.bind(self);
(globalThis as any).setTimeout = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const id = realSetTimeout(() => {
    timers.delete(id);
    fn(...args);
  }, ms);
  timers.add(id);
  return id;
};
(globalThis as any).clearTimeout = (id: number) => {
  timers.delete(id);
  realClearTimeout(id);
};
const realSetInterval = self.setInterval.bind(self);
const realClearInterval = self.clearInterval.bind(self);
(globalThis as any).setInterval = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const id = realSetInterval(fn, ms, ...args);
  timers.add(id);
  return id;
};
(globalThis as any).clearInterval = (id: number) => {
  timers.delete(id);
  realClearInterval(id);
};

let finished = false;
function exit(code: number): void {
  if (finished) return;
  finished = true;
  post({ type: "exit", code });
  self.close();
}

class ProcessExit extends Error {}

// ---- process: what a Node program reads -----------------------------------------------------------------------------
const proc = {
  env: {} as Record<string, string>,
  argv: ["node", "/sandbox/sample.mjs"],
  // The samples are Node programs, and the openai client refuses to start in a browser unless told to: the sandbox
  // answers as Node does (it holds only the emulator's demo token, never a reader's).
  versions: { node: "24.0.0" },
  version: "v24.0.0",
  exitCode: undefined as number | undefined,
  stdout: { write: stdout, isTTY: false },
  stderr: { write: stderr, isTTY: false },
  exit(code?: number): never {
    exit(code ?? proc.exitCode ?? 0);
    throw new ProcessExit("process.exit");
  },
  nextTick: (fn: (...a: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
  on: () => proc,
  once: () => proc,
  off: () => proc,
  emitWarning: (w: unknown) => stderr(format([w])),
  cwd: () => "/sandbox",
};
(globalThis as any).process = proc;

function fail(err: unknown) {
  if (finished || err instanceof ProcessExit) return;
  stderr(format([err]));
  exit(1);
}
// What the sandbox's policy refused (an import from elsewhere, say) is printed, so a reader sees why.
self.addEventListener("securitypolicyviolation", (event) => {
  const e = event as SecurityPolicyViolationEvent;
  stderr(`Content-Security-Policy of the sandbox blocked ${e.blockedURI || "(inline)"} (${e.effectiveDirective}): it reaches only this site\n`);
});
self.addEventListener("unhandledrejection", (e) => {
  e.preventDefault();
  fail(e.reason);
});
self.addEventListener("error", (e) => {
  e.preventDefault();
  fail(e.error ?? e.message);
});

// ---- imports ----------------------------------------------------------------------------------------------------------
class ModuleNotFound extends Error {
  code = "ERR_MODULE_NOT_FOUND";
}

async function resolveImports(code: string): Promise<string> {
  const { init, parse } = await import("es-module-lexer/js");
  await init;
  const [imports] = parse(code);
  let out = "";
  let last = 0;
  for (const i of imports) {
    if (i.n === undefined || i.d === -2) continue; // import.meta, or import(expression)
    if (/^[a-z][a-z0-9+.-]*:/i.test(i.n) && !i.n.startsWith("node:")) continue; // a URL: the sandbox's policy decides
    const url = __RUN_ASSETS__.libs[i.n];
    if (!url) {
      const known = Object.keys(__RUN_ASSETS__.libs).join(", ");
      throw new ModuleNotFound(`Cannot find package '${i.n}' imported from /sandbox/sample.mjs (the sandbox has ${known})`);
    }
    const dynamic = i.d > -1;
    out += code.slice(last, i.s) + (dynamic ? JSON.stringify(abs(url)) : abs(url));
    last = i.e;
  }
  return out + code.slice(last);
}

async function toModule(lang: RunMessage["lang"], code: string): Promise<string> {
  if (lang !== "ts") return code;
  // TypeScript runs as JavaScript with its types removed (Node does the same), line numbers kept.
  const { transform } = await import("sucrase");
  return transform(code, { transforms: ["typescript"], disableESTransforms: true }).code;
}

// ---- fetch semantics the emulator's Response does not have by itself ------------------------------------------------

/** Like fetch: an abort before the response arrives rejects with the signal's reason (an AbortError). */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Like fetch: aborting the request's signal errors the body being read (and cancels the emulator's stream); a body
 * that breaks off errors as Node's fetch does.
 */
function withAbortableBody(response: Response, signal: AbortSignal): Response {
  if (!response.body) return response;
  const reader = response.body.getReader();
  let failed = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      signal.addEventListener(
        "abort",
        () => {
          failed = true;
          controller.error(signal.reason);
          reader.cancel(signal.reason).catch(() => {});
        },
        { once: true },
      );
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (failed) return;
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (err) {
        // The emulator broke the stream (its cut-stream fault drops the connection in Node): Node's fetch reports a
        // connection closed mid-body as TypeError "terminated", and the sandbox stands in for Node.
        if (!failed) controller.error(new TypeError("terminated", { cause: err }));
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// ---- a run --------------------------------------------------------------------------------------------------------------
async function run(msg: RunMessage) {
  const settings = __SAMPLE_SETTINGS__[msg.example] ?? {};
  proc.env = {
    CLOUDFLARE_ACCOUNT_ID: __DEMO__.accountId,
    CLOUDFLARE_API_TOKEN: __DEMO__.apiToken,
    CLOUDFLARE_GATEWAY_ID: __DEMO__.gatewayId,
    ...settings.env,
  };
  const { createEmulator, EMULATED_HOSTS } = await import(/* @vite-ignore */ abs(__RUN_ASSETS__.emulator));
  const emulator: (r: Request) => Promise<Response> = createEmulator({ byok: __DEMO__.storedKeys, gateways: __DEMO__.storedGateways, faults: settings.faults ?? [] });
  const emulatedFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!EMULATED_HOSTS.includes(url.host)) {
      throw new TypeError(`fetch ${url.origin}: the sandbox reaches only the emulator (${EMULATED_HOSTS.join(", ")})`);
    }
    request.signal.throwIfAborted();
    pending++;
    try {
      const response = await abortable(emulator(request), request.signal);
      post({ type: "http", method: request.method, url: request.url, status: response.status });
      return withAbortableBody(response, request.signal);
    } finally {
      pending--;
    }
  };
  (globalThis as any).fetch = emulatedFetch;

  if (msg.lang === "sh") {
    const { runShell } = await import("./curl.ts");
    return exit(await runShell(msg.code, proc.env, emulatedFetch, { stdout, stderr }));
  }
  const source = await resolveImports(await toModule(msg.lang, msg.code));
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  await import(/* @vite-ignore */ url);
  // Top-level code is done; like Node, wait while timers or requests are still pending.
  while (!finished && (pending > 0 || timers.size > 0)) await new Promise((r) => realSetTimeout(r, 10));
  exit(proc.exitCode ?? 0);
}

self.addEventListener("message", (e: MessageEvent<RunMessage>) => {
  if (e.data?.type === "run") run(e.data).catch(fail);
});
