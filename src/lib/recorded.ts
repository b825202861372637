/**
 * Recorded outputs: what each example printed when the examples tests ran it against the emulator, stored as a file
 * per run (`examples/outputs/runs/<id>.<form>.txt`) that the tests compare on every run (vitest `toMatchFileSnapshot`),
 * that the Run button's browser test compares with what a reader's Run prints, and that reference pages show as their
 * response blocks (the examples listed in RECORDED). A change to the emulator's answer therefore fails the tests and,
 * once the recording is updated (`npx vitest run --project examples -u`), changes the page with it.
 *
 * A recording is the run's exit code and stdout with one change: values that differ on every run (`unvarying`) are
 * replaced, so that the file stays stable. Pages show JSON output pretty-printed.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Examples whose output reference pages show, with the form whose output is recorded. */
export const RECORDED: Record<string, { form: "sh" | "ts" | "js"; format: "json" | "sse" | "text" }> = {
  "run/curl": { form: "sh", format: "json" },
  "run/stream-curl": { form: "sh", format: "sse" },
  "chat-completions/curl": { form: "sh", format: "json" },
  "chat-completions/stream-curl": { form: "sh", format: "sse" },
  "responses/curl": { form: "sh", format: "json" },
  "messages/curl": { form: "sh", format: "json" },
  "embeddings/curl": { form: "sh", format: "json" },
  "models/search-curl": { form: "sh", format: "json" },
  "errors/auth-error": { form: "sh", format: "text" },
};

/** Keys whose numeric values are the time of the run. */
const VOLATILE = new Set(["created", "created_at"]);

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, VOLATILE.has(k) && typeof v === "number" ? 0 : stable(v)]),
    );
  return value;
}

/** The recorded stdout of example `id` as its page shows it; throws (naming the example) if JSON output is not JSON. */
export function recordingOf(id: string, stdout: string): string {
  const how = RECORDED[id];
  if (!how) throw new Error(`${id} is not listed in RECORDED (src/lib/recorded.ts)`);
  if (how.format === "json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(stdout);
    } catch {
      throw new Error(`${id}: its output is not JSON, so it cannot be recorded as "json": ${stdout.slice(0, 200)}`);
    }
    return `${JSON.stringify(stable(parsed), null, 2)}\n`;
  }
  // Server-sent events and other text: each line that holds JSON (after `data: ` in a stream) gets the same
  // treatment, kept on one line.
  return stdout
    .split("\n")
    .map((line) => {
      const m = /^(data: )?(\{.*\})\s*$/.exec(line);
      if (!m) return line;
      try {
        return `${m[1] ?? ""}${JSON.stringify(stable(JSON.parse(m[2])))}`;
      } catch {
        return line;
      }
    })
    .join("\n");
}

/** Where the recording a page shows for example `id` lives (the run of its RECORDED form), relative to the root. */
export function recordingPath(id: string): string {
  const how = RECORDED[id];
  if (!how) throw new Error(`no recorded output for "${id}": add it to RECORDED in src/lib/recorded.ts`);
  return runRecordingPath(id, how.form);
}

// ---- every run ------------------------------------------------------------------------------------------------------

/** The forms an example runs in: TypeScript, the JavaScript generated from it, and shell. */
export type RunForm = "ts" | "js" | "sh";

/**
 * What one run of the examples tests printed: its exit code and stdout, exactly, except for values the program or the
 * API makes different on every run (the emulator itself is deterministic: one fresh emulator per run, the demo
 * account, log ids from a per-emulator counter):
 * - Unix times in `created` / `created_at` (the time of the run; the real API does the same) become 0;
 * - the random jitter `errors/retry-backoff` adds to its backoff (`Math.random() * 100` ms) prints as `x` in place of
 *   the tenths of a second.
 * The Run button's browser test compares what a reader's Run prints with these files after the same change.
 */
export function unvarying(id: string, stdout: string): string {
  let out = stdout.replace(/("?created(?:_at)?"?:\s*)\d{9,}/g, (_, key: string) => `${key}0`);
  if (id === "errors/retry-backoff") out = out.replace(/(retrying in \d+\.)\d( s)/g, "$1x$2");
  return out;
}

/** Where the recording of one run lives, relative to the project root. */
export const runRecordingPath = (id: string, form: RunForm) => `examples/outputs/runs/${id}.${form}.txt`;

/** The folder of the run recordings, relative to the project root. */
export const RUN_RECORDINGS = "examples/outputs/runs";

/** The text of one run's recording: a first line `exit <code>`, then stdout after `unvarying`. */
export function runRecording(id: string, run: { code: number | null; stdout: string }): string {
  return `exit ${run.code}\n${unvarying(id, run.stdout)}`;
}

/** Reads a run recording back; throws naming the file and the command that writes it. */
export function readRunRecording(root: string, id: string, form: RunForm): { code: number; stdout: string } {
  const path = runRecordingPath(id, form);
  const file = join(root, path);
  if (!existsSync(file)) throw new Error(`${path} is missing: run \`npx vitest run --project examples\` to record it`);
  const text = readFileSync(file, "utf8");
  const m = /^exit (\d+)\n/.exec(text);
  if (!m) throw new Error(`${path}:1: expected "exit <code>" on the first line (re-record with \`npx vitest run --project examples -u\`)`);
  return { code: Number(m[1]), stdout: text.slice(m[0].length) };
}

/** Arrays of numbers longer than this are shortened on pages (embedding vectors run to a thousand numbers). */
export const SHOWN_NUMBERS = 4;

/**
 * The recording as a page shows it, and what was shortened: number arrays keep their first few values, with a
 * string saying how many were left out (so a reader never mistakes the excerpt for the whole vector).
 */
export function shownRecording(id: string, root: string): { text: string; shortened: boolean; timestamps: boolean; lang: string } {
  if (!RECORDED[id]) throw new Error(`no recorded output for "${id}": add it to RECORDED in src/lib/recorded.ts`);
  const text = recordingOf(id, readRunRecording(root, id, RECORDED[id].form).stdout);
  const timestamps = /"created(?:_at)?":\s?0\b/.test(text);
  if (RECORDED[id].format !== "json") return { text: text.trimEnd(), shortened: false, timestamps, lang: "text" };
  let shortened = false;
  const shorten = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      if (v.length > SHOWN_NUMBERS && v.every((x) => typeof x === "number")) {
        shortened = true;
        return [...v.slice(0, SHOWN_NUMBERS), `… ${v.length - SHOWN_NUMBERS} more numbers`];
      }
      return v.map(shorten);
    }
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shorten(x)]));
    return v;
  };
  const value = shorten(JSON.parse(text));
  return { text: JSON.stringify(value, null, 2), shortened, timestamps, lang: "json" };
}
