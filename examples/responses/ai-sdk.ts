// #region main
import { createOpenAI } from "@ai-sdk/openai";
import { generateText } from "ai";

const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;

// The OpenAI provider's responses() model calls {baseURL}/responses, which the
// REST API serves.
const cloudflare = createOpenAI({
  apiKey: process.env.CLOUDFLARE_API_TOKEN,
  baseURL: `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1`,
  // A gateway with your OpenAI key stored (BYOK): paid by Unified Billing,
  // /ai/v1/responses answers 402 today (open bug cloudflare/ai #548).
  headers: { "cf-aig-gateway-id": process.env.CLOUDFLARE_GATEWAY_ID ?? "" },
});

const { text } = await generateText({
  model: cloudflare.responses("openai/gpt-5-mini"),
  system: "You are a concise assistant.",
  prompt: "What is the capital of France?",
});

console.log(text);
// #endregion
