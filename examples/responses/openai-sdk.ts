// #region main
import OpenAI from "openai";

const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const client = new OpenAI({
  apiKey: process.env.CLOUDFLARE_API_TOKEN,
  baseURL: `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1`,
  // A gateway with your OpenAI key stored (BYOK): paid by Unified Billing,
  // /ai/v1/responses answers 402 today (open bug cloudflare/ai #548).
  defaultHeaders: { "cf-aig-gateway-id": process.env.CLOUDFLARE_GATEWAY_ID },
});

const response = await client.responses.create({
  model: "openai/gpt-5-mini",
  instructions: "You are a concise assistant.",
  input: "What is the capital of France?",
});

// output_text joins the text of every message in the output.
console.log(response.output_text);
// #endregion
