// #region main
import { createOpenAI } from "@ai-sdk/openai";
import { streamText } from "ai";

const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const cloudflare = createOpenAI({
  apiKey: process.env.CLOUDFLARE_API_TOKEN,
  baseURL: `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1`,
  // A gateway with your OpenAI key stored (BYOK): paid by Unified Billing,
  // /ai/v1/responses answers 402 today (open bug cloudflare/ai #548).
  headers: { "cf-aig-gateway-id": process.env.CLOUDFLARE_GATEWAY_ID ?? "" },
});

const result = streamText({
  model: cloudflare.responses("openai/gpt-5-mini"),
  prompt: "Tell me a short story about a lighthouse.",
  // streamText does not throw: a failed request arrives here.
  onError({ error }) {
    console.error(error);
    process.exitCode = 1;
  },
});

for await (const text of result.textStream) {
  process.stdout.write(text);
}
process.stdout.write("\n");
// #endregion
