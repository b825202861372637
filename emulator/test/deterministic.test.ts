import { describe, expect, it } from "vitest";
import { generate, phraseFrom, pickTool } from "../src/generate.ts";
import { auth, post, restBase, useEmulator } from "./helpers.ts";

const emu = useEmulator();

describe("deterministic output", () => {
  it("the same request gives the same text; a different input gives a different text", async () => {
    const body = (content: string) => ({ model: "openai/gpt-5-mini", messages: [{ role: "system", content: "Be terse." }, { role: "user", content }] });
    const a = await post(`${restBase(emu())}/v1/chat/completions`, body("What is AI Gateway?"), auth());
    const b = await post(`${restBase(emu())}/v1/chat/completions`, body("What is AI Gateway?"), auth());
    const c = await post(`${restBase(emu())}/v1/chat/completions`, body("What is Workers AI?"), auth());
    expect(a.json.choices[0].message.content).toBe("Emulated response from openai/gpt-5-mini to: What is AI Gateway?");
    expect(b.json.choices[0].message.content).toBe(a.json.choices[0].message.content);
    expect(b.json.id).toBe(a.json.id);
    expect(c.json.choices[0].message.content).not.toBe(a.json.choices[0].message.content);
  });

  it("long messages are echoed up to 200 characters", () => {
    const g = generate({ model: "m", messages: [{ role: "user", text: "a".repeat(300) }] });
    expect(g.text).toBe(`Emulated response from m to: ${"a".repeat(200)}…`);
  });

  it("max tokens sets finish reason length", () => {
    const g = generate({ model: "m", messages: [{ role: "user", text: "hello there" }], maxTokens: 3 });
    expect(g).toMatchObject({ text: "Emulated response from", finish: "length" });
  });

  it("tool rule: the tool's name, or a non-generic word of it, in the last user message", () => {
    const tools = [{ name: "get_weather" }, { name: "searchFlights" }, { name: "convert_currency" }];
    expect(pickTool(tools, "auto", "Use get_weather now")?.name).toBe("get_weather");
    expect(pickTool(tools, "auto", "Any flights to Oslo?")?.name).toBe("searchFlights");
    expect(pickTool(tools, "auto", "How much is 5 EUR in currency X?")?.name).toBe("convert_currency");
    expect(pickTool(tools, "auto", "Tell me a story")).toBeUndefined();
    expect(pickTool(tools, "required", "Tell me a story")?.name).toBe("get_weather");
    expect(pickTool(tools, { name: "convert_currency" }, "anything")?.name).toBe("convert_currency");
    expect(pickTool(tools, "none", "get_weather")).toBeUndefined();
  });

  it("string arguments come from the phrase after the last in/for/at/of/about/to", () => {
    expect(phraseFrom("What's the weather in New York today?")).toBe("New York today");
    expect(phraseFrom("hello")).toBe("hello");
  });

  it("json_object answers {response: …}", () => {
    const g = generate({ model: "m", messages: [{ role: "user", text: "hi" }], responseFormat: { type: "json_object" } });
    expect(JSON.parse(g.text)).toEqual({ response: "Emulated response from m to: hi" });
  });

  it("embeddings are the same for the same text", async () => {
    const h = { ...auth(), "cf-aig-gateway-id": "default" };
    const a = await post(`${restBase(emu())}/v1/embeddings`, { model: "@cf/baai/bge-m3", input: "same", encoding_format: "float" }, h);
    const b = await post(`${restBase(emu())}/v1/embeddings`, { model: "@cf/baai/bge-m3", input: "same", encoding_format: "float" }, h);
    expect(a.json.data[0].embedding).toEqual(b.json.data[0].embedding);
    const norm = Math.hypot(...a.json.data[0].embedding);
    expect(norm).toBeCloseTo(1, 4);
  });
});
