/**
 * The check rules for claims the sources do not make: a banner date no source backs, third-party ids on the
 * `/ai/run/{model}` path form, provider-slug or author ids presented as provider-native model ids, and a first
 * third-party example with no word on who pays. Each test
 * asserts the finding and a near miss that must pass, so disabling a rule (removing it from tools/check/rules/style.ts)
 * fails the test.
 */
import { describe, expect, it } from "vitest";
import { checkBillingNote } from "../../../tools/check/rules/billing-note.ts";
import { runCheck } from "../../../tools/check/run.ts";
import { facts, page, project, where, writeTree } from "./helpers.ts";

const codes = (text: string, code: string) =>
  facts(text)
    .findings.filter((f) => f.code === code)
    .map((f) => `${f.line} ${f.severity}`);

describe("deprecation-dates: a banner date needs a source", () => {
  it("flags since/sunset in deprecated: frontmatter without source, at the line of the date", () => {
    const text = page("Body.", 'title: T\ndescription: D\ndeprecated:\n  since: "2026-09-18"\n  replacement: /x/');
    expect(codes(text, "deprecation-dates")).toEqual(["5 error"]);
  });
  it("flags each entry of a list, and a sunset", () => {
    const text = page(
      "Body.",
      "title: T\ndescription: D\ndeprecated:\n  - since: 2026-01-01\n    replacement: /x/\n  - sunset: 2027-01-01\n    replacement: /y/",
    );
    expect(codes(text, "deprecation-dates")).toEqual(["5 error", "7 error"]);
  });
  it("accepts dates with a source, and notices without dates", () => {
    expect(codes(page("Body.", 'title: T\ndescription: D\ndeprecated:\n  since: 2026-01-01\n  source: "Cloudflare changelog, 2026-01-01"\n  replacement: /x/'), "deprecation-dates")).toEqual([]);
    expect(codes(page("Body.", "title: T\ndescription: D\ndeprecated:\n  status: superseded\n  replacement: /x/"), "deprecation-dates")).toEqual([]);
  });
  it("flags <Deprecated since> without source, and a date written inside the banner", () => {
    expect(codes(page('<Deprecated since="2026-09-18" replacement="/x/" />'), "deprecation-dates")).toEqual(["6 error"]);
    expect(codes(page('<Deprecated replacement="/x/">\n\nShut down on 2027-01-01.\n\n</Deprecated>'), "deprecation-dates")).toEqual(["8 error"]);
    expect(codes(page('<Deprecated replacement="/x/" since="2026-01-01" source="the changelog">\n\nSince 2026-01-01.\n\n</Deprecated>'), "deprecation-dates")).toEqual([]);
    // Near miss: a date outside any banner is not a banner date.
    expect(codes(page("The docs fix of 2026-09-18 explains forwarding."), "deprecation-dates")).toEqual([]);
  });
});

describe("third-party-path-form: /ai/run/{model} is documented for Workers AI ids", () => {
  it("flags a third-party id in the path, in prose, code and links", () => {
    expect(codes(page("Call `POST /ai/run/openai/gpt-5-mini` with a prompt."), "third-party-path-form")).toEqual(["6 error"]);
    expect(codes(page("```sh\ncurl https://api.cloudflare.com/client/v4/accounts/$ID/ai/run/anthropic/claude-sonnet-4-5\n```"), "third-party-path-form")).toEqual(["6 error"]);
    expect(codes(page('<LinkCard href="/reference/run/" description="POST /ai/run/google/gemini-3-flash" />'), "third-party-path-form")).toEqual(["6 error"]);
  });
  it("accepts Workers AI ids, placeholders and the envelope form", () => {
    expect(codes(page("`/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast`, `/ai/run/%40cf/meta/x`, `POST /ai/run/{model}`, and `POST /ai/run` with `openai/gpt-5-mini` in the body."), "third-party-path-form")).toEqual([]);
  });
});

describe("provider-native-id: provider-native bodies carry the provider's own id", () => {
  it("flags slash ids in a table column whose header says provider-native", () => {
    const text = page(
      [
        "| Old form (compat and provider-native endpoints) | REST API form |",
        "| --- | --- |",
        "| `grok/{model}` | `xai/{model}` |",
        '| <ModelId id="openai/gpt-5-mini" /> | Unchanged |',
      ].join("\n"),
    );
    expect(codes(text, "provider-native-id")).toEqual(["8 error", "9 error"]);
  });
  it("flags a cell or a sentence that labels such an id provider-native", () => {
    expect(codes(page("| `grok/grok-3` (provider-native) | `xai/grok-3` |\n| --- | --- |\n| `grok/grok-3` (provider-native) | `xai/grok-3` |"), "provider-native-id")).toEqual(["8 error"]);
    expect(codes(page("Use `grok/grok-3` (provider-native) there."), "provider-native-id")).toEqual(["6 error"]);
  });
  it("accepts the provider's own id, route segments, Workers AI ids and REST columns", () => {
    const text = page(
      [
        "| Provider-native path | Model ID there | REST API form |",
        "| --- | --- | --- |",
        "| `/openai/chat/completions` | `gpt-5-mini` | `openai/gpt-5-mini` |",
        "| `/workers-ai/{model}` | `@cf/meta/llama-3.3-70b-instruct-fp8-fast` | unchanged |",
      ].join("\n"),
    );
    expect(codes(text, "provider-native-id")).toEqual([]);
    // A code fence is an example, not a claim about id forms.
    expect(codes(page("```text\n| provider-native | `grok/grok-3` |\n```"), "provider-native-id")).toEqual([]);
  });
});

describe("billing-note: who pays, before a page's first third-party example", () => {
  const entry = (models: string[]) => ({ file: "examples/x.sh", language: "sh", regions: ["main"], endpoints: [], models, deprecated: false });
  const manifest = JSON.stringify({ "chat/paid": entry(["openai/gpt-5-mini"]), "run/free": entry(["@cf/meta/llama-3.3-70b-instruct-fp8-fast"]) });
  it("flags a page whose first example calls a third-party model with no billing note above it", async () => {
    const root = writeTree({
      "examples/manifest.json": manifest,
      "src/content/docs/a.mdx": page('<Example example="chat/paid" />\n\n<Render file="billing-first-call" />'),
    });
    // Through runCheck, so the test also fails when the rule is not registered.
    const report = await runCheck({ root, rules: ["style"], noGit: true, parallel: false, cache: false });
    expect(where(report.findings.filter((f) => f.code === "billing-note"))).toEqual(["src/content/docs/a.mdx:6 style/billing-note"]);
  });
  it("accepts the note above the example, and pages whose first example is a Workers AI model", async () => {
    const p = await project({
      "examples/manifest.json": manifest,
      "src/content/docs/a.mdx": page('<Render file="billing-first-call" />\n\n<Example example="chat/paid" />'),
      "src/content/docs/b.mdx": page('<Example example="run/free" />\n\n<Example example="chat/paid" />'),
    });
    expect(checkBillingNote(p)).toEqual([]);
  });
});

describe("handwritten-response: reference pages show recorded outputs only", () => {
  it("flags a JSON or text fence on a reference page", () => {
    const fence = page('```json title="Response"\n{"id": "chatcmpl-…"}\n```');
    expect(facts(fence, "src/content/docs/reference/chat.mdx").findings.filter((f) => f.code === "handwritten-response").map((f) => f.line)).toEqual([6]);
    const claimed = page("```text\ndata: [DONE]\n```", "title: T\ndescription: D\nreference: run");
    expect(facts(claimed, "src/content/docs/guides/run.mdx").findings.filter((f) => f.code === "handwritten-response")).toHaveLength(1);
  });
  it("accepts the same fence on other pages, and shell fences on reference pages", () => {
    expect(facts(page('```json\n{"a": 1}\n```'), "src/content/docs/troubleshooting/x.mdx").findings.filter((f) => f.code === "handwritten-response")).toEqual([]);
    expect(facts(page("```sh\nnpm install openai\n```"), "src/content/docs/reference/x.mdx").findings.filter((f) => f.code === "handwritten-response")).toEqual([]);
    expect(facts(page('```json title="Request body"\n{ "model": "openai/gpt-5-mini", "messages": [] }\n```'), "src/content/docs/reference/x.mdx").findings.filter((f) => f.code === "handwritten-response")).toEqual([]);
  });
});
