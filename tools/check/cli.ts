#!/usr/bin/env node
/**
 * `npm run check` entry point. Turns on Node's compile cache first (it keeps the type-stripped, compiled modules
 * between runs, which halves start-up), then runs main.ts. Usage: see main.ts or `npm run check -- --help`.
 */
import module from "node:module";

module.enableCompileCache?.();
const { main } = await import("./main.ts");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`check: crashed: ${(e as Error).stack ?? e}`);
    process.exitCode = 2;
  },
);
