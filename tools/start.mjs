// npm start — builds the site, then serves dist/ at http://127.0.0.1:4321/ (PORT overrides) with `astro preview`,
// which also answers the redirects from redirects.json. For the production host's behaviour (real 301s from
// _redirects, the _headers CSP) use `npm run serve:edge` after a build.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Run Astro with this same Node (24, via npm), not whatever `node` the shebang of node_modules/.bin/astro would find.
const astro = join(root, "node_modules", "astro", "bin", "astro.mjs");
const port = process.env.PORT || "4321";
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };

let current;
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => (current ? current.kill(sig) : process.exit(130)));

function run(args) {
  return new Promise((resolve) => {
    current = spawn(process.execPath, [astro, ...args], { cwd: root, env, stdio: "inherit" });
    current.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

const built = await run(["build"]);
if (built !== 0) {
  console.error("\nThe build failed (see above); nothing to serve.");
  process.exit(built);
}
console.log(`\nServing the built site at http://127.0.0.1:${port}/ (Ctrl+C stops it)`);
process.exit(await run(["preview", "--host", "127.0.0.1", "--port", port]));
