import { describe, expect, it } from "vitest";
import { checkRedirects } from "../../../tools/check/rules/redirects.ts";
import { parseRedirects } from "../../../tools/redirects.ts";
import type { History, PageEvent } from "../../../tools/check/git.ts";
import { page, project, where } from "./helpers.ts";

const site = (redirects: string, extra: Record<string, string> = {}) =>
  project({
    "src/content/docs/index.mdx": page("Home"),
    "src/content/docs/start/overview.mdx": page("Overview"),
    "src/content/docs/reference/run.mdx": page("Run"),
    "redirects.json": redirects,
    ...extra,
  });

const codes = (fs: { line: number; code: string }[]) => fs.map((f) => `${f.line} ${f.code}`);

describe("parseRedirects", () => {
  it("reports a JSON syntax error at its line and column", () => {
    const { problems: findings } = parseRedirects('{\n  "/a/": "/b/",\n  "/c/" "/d/"\n}\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, code: "syntax" });
    expect(findings[0].column).toBeGreaterThan(1);
  });

  it("keeps duplicate keys (JSON.parse would drop them) with their lines", () => {
    const { entries } = parseRedirects('{\n  "/a/": "/b/",\n  "/a/": "/c/"\n}\n');
    expect(entries.map((e) => [e.from, e.to, e.line])).toEqual([
      ["/a/", "/b/", 2],
      ["/a/", "/c/", 3],
    ]);
  });
});

describe("redirects rule", () => {
  it("a clean file passes; trailing slashes are normalised for comparison", async () => {
    expect(
      checkRedirects(
        await site('{\n  "/start/intro/": "/start/overview/",\n  "/old/": "/reference/run/#body"\n}\n'),
        null,
      ),
    ).toEqual([]);
  });

  it("duplicates, self-loops, cycles, chains, missing targets, shadowed pages, missing slashes", async () => {
    const text = [
      "{",
      '  "/a/": "/reference/run/",', // 2
      '  "/a": "/reference/run/",', // 3 duplicate of /a/ after normalising + trailing slash
      '  "/self/": "/self/",', // 4
      '  "/x/": "/y/",', // 5 cycle
      '  "/y/": "/x/",', // 6 cycle
      '  "/one/": "/two/",', // 7 chain one → two → run
      '  "/two/": "/reference/run/",', // 8
      '  "/gone/": "/reference/runn/",', // 9 missing target (did you mean)
      '  "/start/overview/": "/reference/run/"', // 10 shadows a page
      "}",
    ].join("\n");
    const f = checkRedirects(await site(text), null);
    expect(codes(f).sort()).toEqual(
      [
        "10 shadows-page",
        "3 duplicate",
        "3 trailing-slash",
        "4 self-loop",
        "5 cycle",
        "6 cycle",
        "7 chain",
        "9 missing-target",
      ].sort(),
    );
    expect(f.find((x) => x.code === "chain")).toMatchObject({ suggestion: "/reference/run/" });
    expect(f.find((x) => x.code === "chain")!.message).toMatch(
      /\/one\/ → \/two\/ → \/reference\/run\/: point "\/one\/" straight at "\/reference\/run\/"/,
    );
    expect(f.find((x) => x.code === "missing-target")).toMatchObject({ suggestion: "/reference/run/" });
    expect(f.find((x) => x.code === "duplicate")!.message).toMatch(/first defined on line 2/);
  });

  it("generated routes (model pages, /models/, /deprecations/) are valid targets", async () => {
    const text =
      '{\n  "/m/": "/models/cf/meta/llama-3.3-70b-instruct-fp8-fast/",\n  "/d/": "/deprecations/",\n  "/ms/": "/models/"\n}\n';
    expect(checkRedirects(await site(text), null)).toEqual([]);
  });

  describe("coverage from git history", () => {
    const ev = (status: PageEvent["status"], path: string, commit: string, to?: string): PageEvent => ({
      commit,
      date: "2026-11-01",
      subject: `change ${path}`,
      status,
      path,
      to,
    });
    const history = (events: PageEvent[]): History => ({ ok: true, events, unshallowed: false });

    it("a removed page with no redirect fails, naming the URL and the commit; with a redirect it passes", async () => {
      const events = [
        ev("D", "src/content/docs/start/old.mdx", "d".repeat(40)),
        ev("A", "src/content/docs/start/old.mdx", "a".repeat(40)),
        ev("A", "src/content/docs/start/overview.mdx", "a".repeat(40)),
      ];
      const f = checkRedirects(await site("{}\n"), history(events));
      expect(where(f)).toEqual(["src/content/docs/start/old.mdx:1 redirects/removed-page"]);
      expect(f[0].message).toMatch(/\/start\/old\/ .* removed in commit dddddddddd \(2026-11-01/);
      expect(checkRedirects(await site('{ "/start/old/": "/start/overview/" }\n'), history(events))).toEqual([]);
    });

    it("a page deleted but not yet committed is caught too", async () => {
      const f = checkRedirects(
        await site("{}\n"),
        history([ev("A", "src/content/docs/start/draft.mdx", "a".repeat(40))]),
      );
      expect(f).toHaveLength(1);
      expect(f[0].message).toMatch(/\/start\/draft\/ .* deleted in the working tree \(not committed yet\)/);
    });

    it("a renamed page suggests its new URL", async () => {
      const events = [ev("R", "src/content/docs/start/run.mdx", "r".repeat(40), "src/content/docs/reference/run.mdx")];
      const f = checkRedirects(await site("{}\n"), history(events));
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ code: "removed-page", suggestion: "/reference/run/" });
      expect(f[0].message).toMatch(/renamed in commit rrrrrrrrrr/);
    });

    it("history that cannot be read is an error, never a silent pass", async () => {
      const f = checkRedirects(await site("{}\n"), {
        ok: false,
        error: "this is a shallow clone and `git fetch --unshallow` failed",
      });
      expect(f).toMatchObject([{ code: "history", severity: "error" }]);
    });
  });
});
