/** Messages between a page's Run button (src/components/RunSample.astro) and the sample sandbox (src/live/worker.ts). */

/** Page → sandbox: run this code. `example` picks the run settings the examples tests use for it (env, faults). */
export type RunMessage = { type: "run"; example: string; lang: "ts" | "js" | "sh"; code: string };

/** Sandbox → page, in the order things happen; `exit` is always last. */
export type SandboxMessage =
  | { type: "out"; stream: "stdout" | "stderr"; text: string }
  | { type: "http"; method: string; url: string; status: number }
  | { type: "exit"; code: number };

/** How each example runs: the environment beyond the demo account and token, and the faults the tests inject. */
export type SampleSettings = Record<string, { env?: Record<string, string>; faults?: unknown[] }>;
