/**
 * Properties of the example files themselves: the examples index covers every file, TypeScript examples are in house
 * style (so the JavaScript tab, generated from them, reads like the TypeScript tab; `npm run typecheck` type-checks
 * them), every example has a `main` region, examples hold only the real URLs, and every model id a reader sees is one the catalog knows.
 */
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { getModel, models, resolveAlias } from "../../catalog/index.ts";
import { listExamples, projectRoot } from "../../src/lib/examples.ts";
import { PRETTIER_OPTIONS } from "../../src/lib/transpile.ts";
import { buildManifest } from "../harness/manifest.ts";

const root = projectRoot();
const examples = listExamples(root);

describe("the examples index (examples/harness/manifest.ts)", () => {
  it("names an existing file, its regions and at least one model for every example that calls a model", () => {
    const manifest = buildManifest(root);
    expect(Object.keys(manifest).sort()).toEqual(examples.map((e) => e.id).sort());
    for (const [id, entry] of Object.entries(manifest)) {
      expect(entry.file, id).toBe(`examples/${id}.${entry.language}`);
      if (entry.endpoints.length) expect(entry.models.length, `${id}: no model ids found`).toBeGreaterThan(0);
    }
  });
});

describe("example files", () => {
  it("each have a `main` region (what pages show by default)", () => {
    const without = examples.filter((e) => !/^\s*(\/\/|#) #region main\s*$/m.test(e.source)).map((e) => e.file);
    expect(without).toEqual([]);
  });

  it("keep nothing but comments and shell setup outside `main`, so copying `main` copies the program that ran", () => {
    const problems: string[] = [];
    for (const e of examples) {
      const lines = e.source.split("\n");
      const start = lines.findIndex((l) => /^\s*(\/\/|#) #region main\s*$/.test(l));
      let depth = 0;
      let end = lines.length;
      for (let i = start + 1; i < lines.length; i++) {
        if (/^\s*(\/\/|#) #region /.test(lines[i])) depth++;
        else if (/^\s*(\/\/|#) #endregion/.test(lines[i]) && depth-- === 0) {
          end = i;
          break;
        }
      }
      const outside = [...lines.slice(0, Math.max(start, 0)), ...lines.slice(end + 1)];
      for (const line of outside) {
        if (/^\s*$|^\s*(\/\/|#)|^set -euo pipefail$/.test(line)) continue;
        problems.push(`${e.file}: "${line}" is outside the main region`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("say `shows: failure` only outside their regions (readers never see the marker)", () => {
    const problems: string[] = [];
    for (const e of examples) {
      let depth = 0;
      for (const line of e.source.split("\n")) {
        if (/^\s*(\/\/|#) #region /.test(line)) depth++;
        else if (/^\s*(\/\/|#) #endregion/.test(line)) depth--;
        else if (/shows: failure/.test(line) && depth > 0) problems.push(`${e.file}: "${line.trim()}" is inside a region`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("hold the real API URLs, never the emulator's or the harness's", () => {
    const bad = examples
      .filter((e) => /127\.0\.0\.1|localhost|EMULATOR_URL|emulator-token|harness/i.test(e.source))
      .map((e) => e.file);
    expect(bad).toEqual([]);
    for (const e of examples) {
      const urls = [...e.source.matchAll(/https?:\/\/[^\s"'`]+/g)].map((m) => m[0]);
      for (const url of urls) {
        expect(url, `${e.file}: unexpected URL`).toMatch(/^https:\/\/(api\.cloudflare\.com\/client\/v4\/accounts\/|gateway\.ai\.cloudflare\.com\/v1\/|example\.com)/);
      }
    }
  });

  it("read credentials from the environment", () => {
    for (const e of examples.filter((x) => !x.id.startsWith("workers/"))) {
      const vars = e.language === "ts" ? /process\.env\.CLOUDFLARE_API_TOKEN/ : /\$CLOUDFLARE_API_TOKEN/;
      if (e.id === "errors/auth-error") continue; // shows what a wrong token gets
      expect(e.source, `${e.file} does not read CLOUDFLARE_API_TOKEN from the environment`).toMatch(vars);
    }
  });

  it("shell examples start with a shebang and `set -euo pipefail`", () => {
    for (const e of examples.filter((x) => x.language === "sh")) {
      expect(e.source.startsWith("#!/usr/bin/env bash\n"), e.file).toBe(true);
      expect(e.source, e.file).toMatch(/^set -euo pipefail$/m);
    }
  });

  it("TypeScript examples are formatted in house style (prettier, as the generated JavaScript is)", async () => {
    const unformatted: string[] = [];
    for (const e of examples.filter((x) => x.language === "ts")) {
      if ((await format(e.source, { ...PRETTIER_OPTIONS, parser: "typescript" })) !== e.source) unformatted.push(e.file);
    }
    expect(unformatted, "run: npx prettier --write <file>").toEqual([]);
  });
});

describe("model ids in examples", () => {
  const providerNames = new Set(models.map((m) => (m.id.startsWith("@cf/") ? m.id : m.id.slice(m.id.indexOf("/") + 1))));
  it("are current catalog ids; deprecated-endpoint examples may use the catalog's aliases and provider names", () => {
    const problems: string[] = [];
    for (const [id, entry] of Object.entries(buildManifest(root))) {
      for (const model of entry.models) {
        const m = getModel(model);
        if (m) {
          // A reproduction that fails on purpose (`shows: failure`) may name a retired or deprecated model.
          if (m.lifecycle.status !== "active" && entry.shows !== "failure") problems.push(`${id}: ${model} is ${m.lifecycle.status}`);
          continue;
        }
        if (entry.deprecated && (resolveAlias(model) || providerNames.has(model))) continue;
        problems.push(`${id}: ${model} is not in the catalog`);
      }
    }
    expect(problems).toEqual([]);
  });
});
