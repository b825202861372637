import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readRunRecording, recordingOf, recordingPath, runRecording, runRecordingPath, shownRecording, unvarying } from "../../src/lib/recorded.ts";

const root = mkdtempSync(join(tmpdir(), "recorded-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("recorded outputs", () => {
  it("records JSON pretty-printed, with only the run's timestamps set to 0", () => {
    const out = recordingOf("chat-completions/curl", '{"id":"chatcmpl-1","created":1796159502,"choices":[{"created_at":"keep"}],"usage":{"total_tokens":22}}');
    expect(JSON.parse(out)).toEqual({ id: "chatcmpl-1", created: 0, choices: [{ created_at: "keep" }], usage: { total_tokens: 22 } });
    expect(out).toMatch(/^\{\n {2}"id"/);
  });
  it("records streams line by line, normalising the JSON of data: lines and keeping the rest", () => {
    const out = recordingOf("chat-completions/stream-curl", 'data: {"id":"x","created":123}\n\ndata: [DONE]\n');
    expect(out).toBe('data: {"id":"x","created":0}\n\ndata: [DONE]\n');
  });
  it("refuses output that is not JSON, and examples that are not listed, naming them", () => {
    expect(() => recordingOf("messages/curl", "curl: (7) Failed to connect")).toThrow(/messages\/curl: its output is not JSON/);
    expect(() => recordingOf("run/nope", "{}")).toThrow(/run\/nope is not listed in RECORDED/);
  });
  it("shows long number arrays shortened, and says so", () => {
    const file = join(root, recordingPath("embeddings/curl"));
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, `exit 0\n${JSON.stringify({ data: [{ embedding: [1, 2, 3, 4, 5, 6] }], tags: ["a", "b", "c", "d", "e"] })}`);
    const shown = shownRecording("embeddings/curl", root);
    expect(shown.shortened).toBe(true);
    expect(shown.timestamps).toBe(false);
    expect(JSON.parse(shown.text)).toEqual({ data: [{ embedding: [1, 2, 3, 4, "… 2 more numbers"] }], tags: ["a", "b", "c", "d", "e"] });
  });
  it("fails naming the file and the command when a recording is missing", () => {
    expect(() => shownRecording("messages/curl", root)).toThrow("examples/outputs/runs/messages/curl.sh.txt is missing: run `npx vitest run --project examples` to record it");
  });
});

describe("run recordings", () => {
  it("keep stdout as printed, with only Unix times of created/created_at set to 0", () => {
    const stdout = '{"created":1796159502,"id":"chatcmpl-1"}\n{ created_at: 1796159502, created: "2026" }\ncreated 1796159502 things\n';
    expect(unvarying("chat-completions/fetch", stdout)).toBe('{"created":0,"id":"chatcmpl-1"}\n{ created_at: 0, created: "2026" }\ncreated 1796159502 things\n');
  });
  it("mask the tenths of a retry delay only for the sample that adds random jitter", () => {
    const line = "Attempt 2: HTTP 503, retrying in 1.0 s\n";
    expect(unvarying("errors/retry-backoff", line)).toBe("Attempt 2: HTTP 503, retrying in 1.x s\n");
    expect(unvarying("errors/other", line)).toBe(line);
  });
  it("round-trip the exit code and stdout, and name the file when it is missing or malformed", () => {
    const dir = join(root, "examples/outputs/runs/x");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(root, runRecordingPath("x/ok", "sh")), runRecording("x/ok", { code: 22, stdout: "a\n\nb" }));
    expect(readRunRecording(root, "x/ok", "sh")).toEqual({ code: 22, stdout: "a\n\nb" });
    writeFileSync(join(root, runRecordingPath("x/bad", "ts")), "hello\n");
    expect(() => readRunRecording(root, "x/bad", "ts")).toThrow("examples/outputs/runs/x/bad.ts.txt:1: expected \"exit <code>\"");
    expect(() => readRunRecording(root, "x/none", "js")).toThrow("examples/outputs/runs/x/none.js.txt is missing");
  });
});
