/**
 * Runs one example the way a reader would, with only the origin changed:
 * - TypeScript: `node --import redirect.ts <file>.ts` (Node 24 strips the types itself);
 * - JavaScript: the text `toJavaScript` makes from the TypeScript (what the site's JS tab shows), written to
 *   examples/.cache/<id>.mjs so that packages resolve from the workspace, run the same way;
 * - shell: `bash <file>.sh` with examples/harness/bin first on PATH (a curl that rewrites the origin).
 */
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { toJavaScript } from "../../src/lib/transpile.ts";

export const EXAMPLES_DIR = fileURLToPath(new URL("..", import.meta.url));
export const ROOT = join(EXAMPLES_DIR, "..");
const PRELOAD = fileURLToPath(new URL("./redirect.ts", import.meta.url));
const WORKER_DRIVER = fileURLToPath(new URL("./worker.ts", import.meta.url));
const SHIM_DIR = fileURLToPath(new URL("./bin", import.meta.url));
const CACHE_DIR = join(EXAMPLES_DIR, ".cache");

export type Form = "ts" | "js" | "sh";

export type RunResult = {
  id: string;
  form: Form;
  code: number | null;
  stdout: string;
  stderr: string;
  /** The command line, for failure messages. */
  command: string;
};

/** The JavaScript generated from a TypeScript example, written where packages resolve; returns its path. */
export async function writeGeneratedJs(id: string): Promise<string> {
  const tsFile = join(EXAMPLES_DIR, `${id}.ts`);
  const js = await toJavaScript(await readFile(tsFile, "utf8"), relative(ROOT, tsFile));
  const out = join(CACHE_DIR, `${id}.mjs`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, js);
  return out;
}

/**
 * Runs example `id` in `form`. `env` is the whole environment the example sees besides PATH/HOME (the harness does not
 * leak the test process's environment into examples). `emulatorUrl` undefined means live mode: no redirection.
 */
export async function runExample(
  id: string,
  form: Form,
  env: Record<string, string>,
  emulatorUrl: string | undefined,
  timeoutMs = 30_000,
): Promise<RunResult> {
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    NODE_NO_WARNINGS: "1",
    ...env,
  };
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (form !== "sh" && (major < 22 || (major === 22 && minor < 18))) {
    throw new Error(
      `${id} [${form}]: examples need Node 22.18+ to run TypeScript (this is ${process.version}). ` +
        "Run the tests through npm/npx so the project's Node 24 comes first on PATH.",
    );
  }
  let cmd: string;
  let args: string[];
  if (form === "sh") {
    cmd = "bash";
    args = [join(EXAMPLES_DIR, `${id}.sh`)];
    if (emulatorUrl) childEnv.PATH = `${SHIM_DIR}:${childEnv.PATH}`;
  } else {
    cmd = process.execPath; // Node 24 when the tests run through npx/npm
    const file = form === "ts" ? join(EXAMPLES_DIR, `${id}.ts`) : await writeGeneratedJs(id);
    // A Worker module is not a program: worker.ts imports it and calls its fetch handler with an AI binding shim.
    const program = id.startsWith("workers/") ? [WORKER_DRIVER, file] : [file];
    args = emulatorUrl ? ["--import", PRELOAD, ...program] : program;
  }
  if (emulatorUrl) childEnv.EMULATOR_URL = emulatorUrl;
  const command = `${cmd === process.execPath ? "node" : cmd} ${args.map((a) => relative(ROOT, a) || a).join(" ")}`;

  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: join(EXAMPLES_DIR, dirname(id)), env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      stderr += `\n[harness] killed after ${timeoutMs} ms`;
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ id, form, code, stdout, stderr, command });
    });
  });
}

/** A tiny concurrency limit for child processes (two cores are shared by everyone). */
export function limiter(max: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return async function limit<T>(task: () => Promise<T>): Promise<T> {
    if (active >= max) await new Promise<void>((r) => queue.push(r));
    active++;
    try {
      return await task();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}
