// #region main
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText } from "ai";

const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const cloudflare = createOpenAICompatible({
  name: "cloudflare",
  apiKey: process.env.CLOUDFLARE_API_TOKEN,
  baseURL: `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1`,
});

const result = streamText({
  model: cloudflare("anthropic/claude-sonnet-4-5"),
  prompt: "Tell me a short story about a lighthouse.",
  // streamText does not throw: a failed request arrives here.
  onError({ error }) {
    console.error(error);
    process.exitCode = 1;
  },
});

// textStream yields the text as it arrives.
for await (const text of result.textStream) {
  process.stdout.write(text);
}
process.stdout.write("\n");
// #endregion
