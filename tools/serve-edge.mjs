// npm run serve:edge — serves dist/ the way production does: wrangler's local Workers runtime with static assets,
// applying dist/_redirects and dist/_headers. Build first (npm run build). PORT overrides the port (default 8788).
// Wrangler's state, logs and config go to .cache/ (git-ignored), and it sends no metrics.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT || "8788";
if (!existsSync(join(root, "dist", "index.html")) || !existsSync(join(root, "dist", "_redirects"))) {
  console.error("dist/ is missing or incomplete: run `npm run build` first.");
  process.exit(1);
}
const cache = join(root, ".cache");
const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };
for (const [name, sub] of [["XDG_CONFIG_HOME", "config"], ["XDG_CACHE_HOME", "cache"], ["XDG_DATA_HOME", "data"], ["XDG_STATE_HOME", "state"]]) {
  env[name] = join(cache, sub);
  mkdirSync(env[name], { recursive: true });
}
env.WRANGLER_LOG_PATH = join(cache, "wrangler-logs");
const wrangler = join(root, "node_modules", "wrangler", "bin", "wrangler.js");
const args = ["dev", "--ip", "127.0.0.1", "--port", port, "--persist-to", join(cache, "wrangler-state"), "--show-interactive-dev-session=false"];
const child = spawn(process.execPath, [wrangler, ...args], { cwd: root, env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
