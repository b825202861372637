#!/usr/bin/env node
/**
 * `npm run check` entry point. Usage: see main.ts or `npm run check -- --help`.
 *
 * The check is a short batch job whose time is mostly the first pass of V8's JIT over the markdown parser. V8's
 * top tier (TurboFan) spends more CPU compiling than it saves in a run of this length: with `--max-opt=2` (Maglev at
 * most) a cold run on 1,000 pages took 6–28% less CPU (tools/check/README.md, Speed). V8 reads that flag only at
 * start-up: the npm script passes it, and started without it (`node tools/check/cli.ts`) the CLI runs itself once more
 * with it, which costs a second Node start-up (about 0.08 s of CPU). Then it turns on Node's compile cache (it keeps
 * the type-stripped, compiled modules between runs, which halves start-up) and runs main.ts.
 */
import { spawnSync } from "node:child_process";
import module from "node:module";

const V8_FLAGS = ["--max-opt=2"];

if (!V8_FLAGS.every((f) => process.execArgv.includes(f))) {
  const r = spawnSync(process.execPath, [...V8_FLAGS, ...process.execArgv, import.meta.filename, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  if (r.error) {
    console.error(`check: crashed: cannot start ${process.execPath}: ${r.error.message}`);
    process.exitCode = 2;
  } else if (r.signal) process.kill(process.pid, r.signal);
  else process.exitCode = r.status ?? 2;
} else {
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
}
