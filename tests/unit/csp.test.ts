import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { inlineScripts, scriptHash, fillHeaders, HASH_PLACEHOLDER } from "../../src/lib/csp.ts";

describe("CSP hashes for inline scripts", () => {
  it("finds inline scripts and skips external ones", () => {
    const html = `<script src="/a.js"></script><script>one()</script><SCRIPT type="module">two()</SCRIPT><script is:x>\nthree()\n</script >`;
    expect(inlineScripts(html)).toEqual(["one()", "two()", "\nthree()\n"]);
  });

  it("hashes the exact text as a browser does", () => {
    const expected = createHash("sha256").update("alert(1)").digest("base64");
    expect(scriptHash("alert(1)")).toBe(`'sha256-${expected}'`);
    expect(scriptHash("alert(1) ")).not.toBe(scriptHash("alert(1)"));
  });

  it("fills the placeholder in public/_headers, deduplicated", () => {
    const template = readFileSync(new URL("../../public/_headers", import.meta.url), "utf8");
    const out = fillHeaders(template, ["'sha256-b'", "'sha256-a'", "'sha256-b'"]);
    expect(out).not.toContain(HASH_PLACEHOLDER);
    expect(out).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b';/);
    expect(out).toContain("frame-ancestors 'none'");
    expect(out).toContain("X-Content-Type-Options: nosniff");
    expect(out).toContain("Referrer-Policy: ");
  });

  it("refuses a template without the placeholder and a header line over Cloudflare's limit", () => {
    expect(() => fillHeaders("/*\n  X-A: b\n", [])).toThrow(HASH_PLACEHOLDER);
    const many = Array.from({ length: 60 }, (_, i) => scriptHash(String(i)));
    expect(() => fillHeaders(`/*\n  Content-Security-Policy: script-src ${HASH_PLACEHOLDER}\n`, many)).toThrow("Cloudflare's limit");
  });
});
