// #region main
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText } from "ai";

const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;

// The REST API speaks the OpenAI format, so the AI SDK's OpenAI-compatible
// provider can call it.
const cloudflare = createOpenAICompatible({
  name: "cloudflare",
  apiKey: process.env.CLOUDFLARE_API_TOKEN,
  baseURL: `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1`,
});

const { text, usage } = await generateText({
  model: cloudflare("anthropic/claude-sonnet-4-5"),
  system: "You are a concise assistant.",
  prompt: "What is the capital of France?",
});

console.log(text);
console.log(`(${usage.inputTokens} tokens in, ${usage.outputTokens} out)`);
// #endregion
