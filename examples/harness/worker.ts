/**
 * Test harness: runs a Worker example under Node. `node --import redirect.ts worker.ts <module> [url]` imports the
 * module, calls its fetch handler with a Request and an env whose AI binding is examples/harness/ai-binding.ts, and
 * prints the status and body of the Response.
 */
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { createAiBinding } from "./ai-binding.ts";

const [file, url = "https://example.com/?q=What+is+a+Cloudflare+Worker%3F"] = process.argv.slice(2);
const worker = (await import(pathToFileURL(resolve(file)).href)).default as {
  fetch(request: Request, env: unknown, ctx: unknown): Promise<Response>;
};
const env = {
  AI: createAiBinding({
    accountId: process.env.CLOUDFLARE_ACCOUNT_ID ?? "",
    apiToken: process.env.CLOUDFLARE_API_TOKEN ?? "",
  }),
};
const ctx = { waitUntil() {}, passThroughOnException() {} };
const response = await worker.fetch(new Request(url), env, ctx);
console.log(`HTTP ${response.status}`);
console.log(await response.text());
if (!response.ok) process.exitCode = 1;
