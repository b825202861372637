import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recordingOf, recordingPath, shownRecording } from "../../src/lib/recorded.ts";

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
    writeFileSync(file, JSON.stringify({ data: [{ embedding: [1, 2, 3, 4, 5, 6] }], tags: ["a", "b", "c", "d", "e"] }));
    const shown = shownRecording("embeddings/curl", root);
    expect(shown.shortened).toBe(true);
    expect(shown.timestamps).toBe(false);
    expect(JSON.parse(shown.text)).toEqual({ data: [{ embedding: [1, 2, 3, 4, "… 2 more numbers"] }], tags: ["a", "b", "c", "d", "e"] });
  });
  it("fails naming the file and the command when a recording is missing", () => {
    expect(() => shownRecording("messages/curl", root)).toThrow("examples/outputs/messages/curl.json is missing: run `npx vitest run --project examples` to record it");
  });
});
