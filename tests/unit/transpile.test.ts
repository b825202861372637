/** src/lib/transpile.ts: the one TS → JS function behind the JavaScript tabs and the examples' [js] runs. */
import { describe, expect, it } from "vitest";
import { toJavaScript, TranspileError } from "../../src/lib/transpile.ts";

describe("toJavaScript", () => {
  it("strips types and keeps comments, blank lines and region markers", async () => {
    const ts = [
      "// #region main",
      'import OpenAI from "openai";',
      'import type { ChatCompletionTool } from "openai/resources/chat/completions";',
      "",
      "// The client.",
      "const client = new OpenAI({ apiKey: process.env.KEY! });",
      "",
      "/** Adds two numbers. */",
      "function add(a: number, b: number): number {",
      "  return a + b; // sum",
      "}",
      "const tools: ChatCompletionTool[] = [];",
      "console.log(add(1, 2) as number, tools);",
      "// #endregion",
      "",
    ].join("\n");
    expect(await toJavaScript(ts)).toBe(
      [
        "// #region main",
        'import OpenAI from "openai";',
        "",
        "// The client.",
        "const client = new OpenAI({ apiKey: process.env.KEY });",
        "",
        "/** Adds two numbers. */",
        "function add(a, b) {",
        "  return a + b; // sum",
        "}",
        "const tools = [];",
        "console.log(add(1, 2), tools);",
        "// #endregion",
        "",
      ].join("\n"),
    );
  });

  it("drops type declarations with the comment written directly above them, and leaves one blank line", async () => {
    const ts = [
      "const a = 1;",
      "",
      "// Describes the shape of an answer.",
      "type Answer = {",
      "  text: string;",
      "};",
      "",
      "// Kept: this describes the code below.",
      "const b = (JSON.parse('{}') as Answer).text;",
      "",
    ].join("\n");
    expect(await toJavaScript(ts)).toBe(
      ["const a = 1;", "", "// Kept: this describes the code below.", "const b = JSON.parse(\"{}\").text;", ""].join("\n"),
    );
  });

  it("erases satisfies, interfaces and generics in a Worker module", async () => {
    const ts = [
      "interface Env {",
      "  AI: Ai;",
      "}",
      "",
      "export default {",
      "  async fetch(request, env): Promise<Response> {",
      "    return Response.json(await env.AI.run<string>(\"m\", {}));",
      "  },",
      "} satisfies ExportedHandler<Env>;",
      "",
    ].join("\n");
    const js = await toJavaScript(ts);
    expect(js).toBe(
      [
        "export default {",
        "  async fetch(request, env) {",
        '    return Response.json(await env.AI.run("m", {}));',
        "  },",
        "};",
        "",
      ].join("\n"),
    );
  });

  it("formats in house style (double quotes, semicolons, trailing commas, 80 columns)", async () => {
    const js = await toJavaScript("const x = {a: 'one', b: 'two', c: 'three', d: 'four', e: 'five', f: 'six', g: 7}\n");
    expect(js).toBe('const x = {\n  a: "one",\n  b: "two",\n  c: "three",\n  d: "four",\n  e: "five",\n  f: "six",\n  g: 7,\n};\n');
  });

  it("refuses TypeScript that cannot be erased, naming the file and line", async () => {
    await expect(toJavaScript("const a = 1;\nenum Color { Red }\n", "examples/x.ts")).rejects.toThrow(TranspileError);
    await expect(toJavaScript("const a = 1;\nenum Color { Red }\n", "examples/x.ts")).rejects.toThrow(/examples\/x\.ts:2:1/);
  });

  it("reports input that does not parse", async () => {
    await expect(toJavaScript("const = ;", "examples/bad.ts")).rejects.toThrow(/examples\/bad\.ts/);
  });
});
