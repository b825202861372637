/**
 * End to end: the check CLI on a copy of a small fixture repository with real git history. The clean copy passes;
 * each seeded problem makes it exit 1 with the right path:line.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = resolve(import.meta.dirname, "../../../tools/check/cli.ts");
const FIXTURE = resolve(import.meta.dirname, "../../fixtures/check/site");
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.com",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.com",
  GIT_CONFIG_GLOBAL: "/dev/null",
};
const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-C", dir, ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** A fresh copy of the fixture with two commits: the site plus /start/introduction/, then that page removed (it has a redirect). */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "check-e2e-"));
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(
    join(dir, "src/content/docs/start/introduction.mdx"),
    "---\ntitle: Introduction\ndescription: Old page.\n---\n\nOld.\n",
  );
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "Site");
  git(dir, "rm", "-q", "src/content/docs/start/introduction.mdx");
  git(dir, "commit", "-q", "-m", "Merge the introduction into the overview");
  return dir;
}

function check(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "--root", dir, ...args], { encoding: "utf8", env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const edit = (dir: string, file: string, fn: (s: string) => string) =>
  writeFileSync(join(dir, file), fn(readFileSync(join(dir, file), "utf8")));
const lineOf = (dir: string, file: string, needle: string) =>
  readFileSync(join(dir, file), "utf8")
    .split("\n")
    .findIndex((l) => l.includes(needle)) + 1;

describe("npm run check on a fixture repository", { timeout: 60_000 }, () => {
  it("the clean fixture passes (its one removed page has a redirect)", () => {
    const dir = repo();
    const r = check(dir);
    expect(r.out).toMatch(/^check: 0 errors, 0 warnings in 9 files \(\d+\.\d s\)$/m);
    expect(r.code).toBe(0);
    rmSync(dir, { recursive: true });
  });

  const cases: { name: string; seed: (dir: string) => void; expect: (dir: string) => RegExp }[] = [
    {
      name: "an unknown model id in a page",
      seed: (d) =>
        edit(
          d,
          "src/content/docs/start/overview.mdx",
          (s) => `${s}\nTry \`@cf/meta/llama-3.3-70b-instruct-fp8-fats\` too.\n`,
        ),
      expect: (d) =>
        new RegExp(
          `^src/content/docs/start/overview\\.mdx:${lineOf(d, "src/content/docs/start/overview.mdx", "fp8-fats")}:6  model-ids/unknown  .*did you mean \`@cf/meta/llama-3\\.3-70b-instruct-fp8-fast\``,
          "m",
        ),
    },
    {
      name: "a retired id in an example",
      seed: (d) =>
        edit(d, "examples/run/fetch.ts", (s) =>
          s.replace("@cf/meta/llama-3.3-70b-instruct-fp8-fast", "@cf/meta/llama-3.1-8b-instruct"),
        ),
      expect: () =>
        /^examples\/run\/fetch\.ts:3:\d+  model-ids\/retired  .*use `@cf\/meta\/llama-3\.1-8b-instruct-fp8`/m,
    },
    {
      name: "a provider-slug id on a REST page",
      seed: (d) =>
        edit(d, "src/content/docs/reference/run.mdx", (s) =>
          s.replace("anthropic/claude-sonnet-4", "google-ai-studio/gemini-2.5-flash"),
        ),
      expect: (d) =>
        new RegExp(
          `^src/content/docs/reference/run\\.mdx:${lineOf(d, "src/content/docs/reference/run.mdx", "google-ai-studio")}:\\d+  model-ids/provider-slug  .*use \`google/gemini-2\\.5-flash\``,
          "m",
        ),
    },
    {
      name: "a Worker in a bare fence",
      seed: (d) =>
        edit(
          d,
          "src/content/docs/reference/run.mdx",
          (s) =>
            `${s}\n\`\`\`js\nexport default {\n  async fetch(req, env) {\n    return env.AI.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", {});\n  },\n};\n\`\`\`\n`,
        ),
      expect: (d) =>
        new RegExp(
          `^src/content/docs/reference/run\\.mdx:${lineOf(d, "src/content/docs/reference/run.mdx", "export default {") - 1}:1  style/worker-in-fence  .*<TypeScriptExample>`,
          "m",
        ),
    },
    {
      name: "a page deleted in a commit without a redirect",
      seed: (d) => {
        git(d, "rm", "-q", "src/content/docs/guides/extra.mdx");
        git(d, "commit", "-q", "-m", "Drop the extra guide");
      },
      expect: (d) => {
        const sha = git(d, "rev-parse", "HEAD").trim().slice(0, 10);
        return new RegExp(
          `^src/content/docs/guides/extra\\.mdx:1:1  redirects/removed-page  the page /guides/extra/ .* removed in commit ${sha} \\(\\d{4}-\\d\\d-\\d\\d, "Drop the extra guide"\\) and has no redirect`,
          "m",
        );
      },
    },
    {
      name: "a redirect loop",
      seed: (d) =>
        writeFileSync(
          join(d, "redirects.json"),
          '{\n  "/start/introduction/": "/start/overview/",\n  "/p/": "/q/",\n  "/q/": "/p/"\n}\n',
        ),
      expect: () => /^redirects\.json:3:3  redirects\/cycle  redirect cycle: \/p\/ → \/q\/ → \/p\//m,
    },
    {
      name: "a redirect chain",
      seed: (d) =>
        writeFileSync(
          join(d, "redirects.json"),
          '{\n  "/start/introduction/": "/start/overview/",\n  "/start/intro/": "/start/introduction/"\n}\n',
        ),
      expect: () =>
        /^redirects\.json:3:3  redirects\/chain  .*point "\/start\/intro\/" straight at "\/start\/overview\/"/m,
    },
    {
      name: "a redirect to a missing page",
      seed: (d) => writeFileSync(join(d, "redirects.json"), '{\n  "/start/introduction/": "/start/overveiw/"\n}\n'),
      expect: () => /^redirects\.json:2:27  redirects\/missing-target  .*did you mean "\/start\/overview\/"/m,
    },
  ];

  for (const c of cases) {
    it(`fails on ${c.name}`, () => {
      const dir = repo();
      c.seed(dir);
      const r = check(dir);
      expect(r.out).toMatch(c.expect(dir));
      expect(r.out).toMatch(/^check: [1-9]\d* errors?, /m);
      expect(r.code).toBe(1);
      rmSync(dir, { recursive: true });
    });
  }

  it("--rule runs one rule and --json prints machine-readable findings", () => {
    const dir = repo();
    edit(dir, "src/content/docs/start/overview.mdx", (s) => `${s}\nTry \`@cf/meta/nope-1b\`.\n`);
    expect(check(dir, "--rule", "redirects").code).toBe(0);
    const r = check(dir, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.errors).toBe(1);
    expect(json.rules).toEqual(["model-ids", "redirects", "style", "links", "partials"]);
    expect(json.findings[0]).toMatchObject({
      path: "src/content/docs/start/overview.mdx",
      rule: "model-ids",
      code: "unknown",
      severity: "error",
    });
    rmSync(dir, { recursive: true });
  });

  it("a shallow clone deepens itself, or fails loudly when it cannot", () => {
    const dir = repo();
    git(dir, "rm", "-q", "src/content/docs/guides/extra.mdx");
    git(dir, "commit", "-q", "-m", "Drop the extra guide");
    const clone = mkdtempSync(join(tmpdir(), "check-shallow-"));
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${dir}`, clone], { env });
    // Deepened from its origin: the removal two commits back is still found.
    expect(check(clone).out).toMatch(/redirects\/removed-page  the page \/guides\/extra\//);
    const clone2 = mkdtempSync(join(tmpdir(), "check-shallow-"));
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${dir}`, clone2], { env });
    git(clone2, "remote", "remove", "origin");
    const r = check(clone2);
    expect(r.out).toMatch(
      /^redirects\.json:1:1  redirects\/history  this is a shallow clone and `git fetch --unshallow` failed/m,
    );
    expect(r.code).toBe(1);
    for (const d of [dir, clone, clone2]) rmSync(d, { recursive: true });
  });

  it("--changed lists the pages that render partials changed since main", () => {
    const dir = repo();
    git(dir, "checkout", "-q", "-b", "feature");
    edit(dir, "partials/auth/rest-api.mdx", (s) => `${s}\nOne more sentence.\n`);
    const r = check(dir, "--changed");
    expect(r.out).toMatch(/^partials changed since main: partials\/auth\/rest-api\.mdx$/m);
    expect(r.out).toMatch(
      /^src\/content\/docs\/start\/overview\.mdx  \/start\/overview\/  \(via partials\/auth\/rest-api\.mdx\)$/m,
    );
    expect(r.out).toMatch(/^check --changed: 1 page affected$/m);
    expect(r.code).toBe(0);
    rmSync(dir, { recursive: true });
  });

  it("outside a git repository the coverage check fails unless --no-git is given (then it warns)", () => {
    const dir = mkdtempSync(join(tmpdir(), "check-nogit-"));
    cpSync(FIXTURE, dir, { recursive: true });
    expect(check(dir).code).toBe(1);
    const r = check(dir, "--no-git");
    expect(r.out).toMatch(/redirects\/history  --no-git: removed pages were NOT checked/);
    expect(r.code).toBe(0);
    rmSync(dir, { recursive: true });
  });
});
