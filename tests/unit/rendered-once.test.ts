import { describe, expect, it } from "vitest";
import { renderOnce } from "../../src/lib/rendered-once.ts";

describe("renderOnce (a code block highlighted once per build)", () => {
  it("renders each key once, also when two pages ask at the same time, and each key on its own", async () => {
    const calls: string[] = [];
    const render = (html: string) => async () => {
      calls.push(html);
      await new Promise((ok) => setTimeout(ok, 5));
      return html;
    };
    const [a1, a2] = await Promise.all([renderOnce("test:a", render("<a>")), renderOnce("test:a", render("<other>"))]);
    const b = await renderOnce("test:b", render("<b>"));
    expect([a1, a2, b, await renderOnce("test:a", render("<again>"))]).toEqual(["<a>", "<a>", "<b>", "<a>"]);
    expect(calls).toEqual(["<a>", "<b>"]);
  });

  it("does not keep a failed rendering: the next use renders again and reports its own result", async () => {
    await expect(renderOnce("test:fails", () => Promise.reject(new Error("no such language")))).rejects.toThrow("no such language");
    expect(await renderOnce("test:fails", async () => "<ok>")).toBe("<ok>");
  });
});
