/**
 * What the Run button's component asks at build time: is this sample runnable, and where is the sandbox Worker (built
 * into public/run/ by tools/live-samples/build.ts, which the integration in tools/live-samples/integration.ts runs).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./examples.ts";

const manifestFile = () => join(projectRoot(), "public", "run", "manifest.json");

/**
 * The sandbox Worker's URL, or undefined when public/run/ was not built (a component rendered outside an Astro build,
 * such as a component test): then no Run button is rendered.
 */
export function sandboxWorkerUrl(): string | undefined {
  const file = manifestFile();
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as { worker: string }).worker;
}

/**
 * A sample runs on its own when it is the example's `main` region (or the whole file: "main should still run when
 * copied on its own", examples/README.md) and is a program: a Worker module (workers/) is not.
 */
export function isRunnable(example: string, region: string | undefined): boolean {
  return (region === undefined || region === "main") && !example.startsWith("workers/");
}
