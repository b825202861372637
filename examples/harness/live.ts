/**
 * `npm run examples:live`: runs the examples tests against the real API (api.cloudflare.com and
 * gateway.ai.cloudflare.com) instead of the emulator. Needs CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (a token
 * with Workers AI Read, plus AI Gateway Read/Edit for the gateway.ai examples); OPENAI_API_KEY is used by the one
 * example that sends the reader's own OpenAI key. Without the two Cloudflare variables it runs nothing and says so.
 * Real calls cost money (Unified Billing) and answers vary, so live checks are looser than emulator checks.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const missing = ["CLOUDFLARE_ACCOUNT_ID", "CLOUDFLARE_API_TOKEN"].filter((name) => !process.env[name]);
if (missing.length) {
  console.log(
    `examples:live SKIPPED: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set, so no example ran ` +
      `against the real API and nothing was counted as passed.\n` +
      `Set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (and optionally OPENAI_API_KEY, CLOUDFLARE_GATEWAY_ID) to run them.`,
  );
  process.exit(0);
}

const root = fileURLToPath(new URL("../..", import.meta.url));
const vitest = fileURLToPath(new URL("../../node_modules/vitest/vitest.mjs", import.meta.url));
const result = spawnSync(process.execPath, [vitest, "run", "--project", "examples", "examples/test/examples.test.ts", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, EXAMPLES_LIVE: "1", EXAMPLES_CONCURRENCY: process.env.EXAMPLES_CONCURRENCY ?? "2" },
});
process.exit(result.status ?? 1);
