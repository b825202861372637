/** The few git questions the check asks: which docs pages ever existed (one `git log`), and what changed since main. */
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

export type PageEvent = {
  commit: string;
  date: string;
  subject: string;
  status: "A" | "D" | "R";
  path: string;
  to?: string;
};
export type History = { ok: true; events: PageEvent[]; unshallowed: boolean } | { ok: false; error: string };

const git = (root: string, args: string[]) =>
  execFileSync("git", ["-C", root, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 << 20,
  });

function isShallow(root: string): boolean {
  const dotGit = join(root, ".git");
  if (existsSync(dotGit) && statSync(dotGit).isDirectory()) return existsSync(join(dotGit, "shallow"));
  return git(root, ["rev-parse", "--is-shallow-repository"]).trim() === "true";
}

/**
 * Every add, delete and rename under `dir` in the history of HEAD, newest first. A shallow clone is deepened
 * (`git fetch --unshallow`); if that fails the result is an error, never a silent pass.
 */
export function pageHistory(root: string, dir = "src/content/docs"): History {
  if (!existsSync(join(root, ".git"))) {
    try {
      git(root, ["rev-parse", "--git-dir"]);
    } catch {
      return {
        ok: false,
        error: `${root} is not a git repository, so removed pages cannot be found: run the check in a clone with history`,
      };
    }
  }
  let unshallowed = false;
  try {
    if (isShallow(root)) {
      try {
        git(root, ["fetch", "--quiet", "--unshallow"]);
        // With no remote, `git fetch` exits 0 and leaves the clone shallow: check again.
        if (isShallow(root)) throw new Error("the clone is still shallow afterwards (no remote to fetch from?)");
        unshallowed = true;
      } catch (e) {
        return {
          ok: false,
          error: `this is a shallow clone and \`git fetch --unshallow\` failed (${String((e as Error).message).split("\n")[0]}): removed pages cannot be found; clone with full history (e.g. actions/checkout fetch-depth: 0)`,
        };
      }
    }
    const out = git(root, [
      "log",
      "--format=%x1e%H%x1f%cs%x1f%s",
      "--name-status",
      "-M",
      "--diff-filter=ADR",
      "--",
      dir,
    ]);
    const events: PageEvent[] = [];
    for (const chunk of out.split("\x1e")) {
      if (!chunk.trim()) continue;
      const [head, ...rest] = chunk.split("\n");
      const [commit, date, subject] = head.split("\x1f");
      for (const line of rest) {
        if (!line.trim()) continue;
        const [st, a, b] = line.split("\t");
        const status = st[0] as "A" | "D" | "R";
        events.push(
          status === "R"
            ? { commit, date, subject, status, path: a, to: b }
            : { commit, date, subject, status, path: a },
        );
      }
    }
    return { ok: true, events, unshallowed };
  } catch (e) {
    const msg = String((e as { stderr?: string }).stderr || (e as Error).message)
      .trim()
      .split("\n")[0];
    if (/does not have any commits/.test(msg)) return { ok: true, events: [], unshallowed };
    return { ok: false, error: `git log failed: ${msg}` };
  }
}

/** Files under `dir` changed since the merge-base with `base` (committed, uncommitted and untracked). */
export function changedSince(root: string, base: string, dir: string): string[] {
  // A CI clone often has only `origin/main`.
  let ref = base;
  try {
    git(root, ["rev-parse", "--verify", "--quiet", `${base}^{commit}`]);
  } catch {
    ref = `origin/${base}`;
  }
  const mergeBase = git(root, ["merge-base", ref, "HEAD"]).trim();
  const changed = git(root, ["diff", "--name-only", mergeBase, "--", dir]).split("\n");
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "--", dir]).split("\n");
  return [...new Set([...changed, ...untracked].filter(Boolean))].sort();
}
