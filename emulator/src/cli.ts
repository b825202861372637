#!/usr/bin/env node
/**
 * `npm run emulator -- --port 8790 [--config file.json] [--quiet]`
 * Prints `emulator listening on http://127.0.0.1:PORT`, then one redacted line per request (unless --quiet).
 * The accepted Cloudflare API token is $EMULATOR_API_TOKEN, else DEFAULT_API_TOKEN (or `apiToken` in the config).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { EmulatorConfig, LogEntry } from "./index.ts";

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { port: { type: "string", default: "8790" }, config: { type: "string" }, quiet: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } } }).values;
} catch (e) {
  fail((e as Error).message);
}
if (args.help) {
  process.stdout.write("usage: npm run emulator -- [--port 8790] [--config file.json] [--quiet]\n");
  process.exit(0);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535; got "${args.port}"`);

let config: EmulatorConfig = {};
if (args.config) {
  try {
    config = JSON.parse(readFileSync(args.config, "utf8"));
  } catch (e) {
    fail(`cannot read --config ${args.config}: ${(e as Error).message}`);
  }
}
// Loaded after the arguments are checked, so a usage error answers at once.
const { DEFAULT_API_TOKEN, redactHeaders, redactQuery, startEmulator } = await import("./index.ts");
if (process.env.EMULATOR_API_TOKEN) config.apiToken = process.env.EMULATOR_API_TOKEN;
config.apiToken ??= DEFAULT_API_TOKEN;

const SHOWN = ["authorization", "cf-aig-authorization", "x-api-key", "x-goog-api-key", "cf-aig-gateway-id"];
function line(e: LogEntry): string {
  const h = redactHeaders(Object.fromEntries(Object.entries(e.headers).filter(([k]) => SHOWN.includes(k))));
  const q = new URLSearchParams(redactQuery(e.query)).toString();
  const up = e.upstream.map((u) => `${u.provider}:${u.credential}:${u.status}`).join(",");
  return `${e.method} ${e.path}${q ? `?${q}` : ""} ${e.status}${e.cacheStatus === "HIT" ? " cache=HIT" : ""}${up ? ` upstream=${up}` : ""} ${JSON.stringify(h)}`;
}

const emulator = await startEmulator({ port, config, logLimit: 1000, onLog: args.quiet ? undefined : (e) => process.stdout.write(`${line(e)}\n`) });
process.stdout.write(`emulator listening on ${emulator.url}\n`);
const stop = () => emulator.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
