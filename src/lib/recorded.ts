/**
 * Recorded outputs: what an example printed when the examples tests ran it against the emulator, stored as a file
 * (`examples/outputs/<id>.<ext>`) that the tests compare on every run (vitest `toMatchFileSnapshot`) and that
 * reference pages show as their response blocks. A change to the emulator's answer therefore fails the tests and,
 * once the recording is updated (`npx vitest run --project examples -u`), changes the page with it.
 *
 * The recording is the run's stdout with one change: values that differ on every run (Unix timestamps in `created`
 * and `created_at`) are set to 0, so that the file stays stable. JSON output is stored pretty-printed.
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

/** The text to record for one run's stdout; throws (naming the example) if JSON output is not JSON. */
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

/** Where the recording of example `id` lives, relative to the project root. */
export function recordingPath(id: string): string {
  const how = RECORDED[id];
  return `examples/outputs/${id}.${how?.format === "json" ? "json" : "txt"}`;
}

/** Arrays of numbers longer than this are shortened on pages (embedding vectors run to a thousand numbers). */
export const SHOWN_NUMBERS = 4;

/**
 * The recording as a page shows it, and what was shortened: number arrays keep their first few values, with a
 * string saying how many were left out (so a reader never mistakes the excerpt for the whole vector).
 */
export function shownRecording(id: string, root: string): { text: string; shortened: boolean; timestamps: boolean; lang: string } {
  const path = recordingPath(id);
  if (!RECORDED[id]) throw new Error(`no recorded output for "${id}": add it to RECORDED in src/lib/recorded.ts`);
  const file = join(root, path);
  if (!existsSync(file)) throw new Error(`${path} is missing: run \`npx vitest run --project examples\` to record it`);
  const text = readFileSync(file, "utf8");
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
