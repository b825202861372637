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

const stream = await client.responses.create({
  model: "openai/gpt-5-mini",
  input: "Tell me a short story about a lighthouse.",
  stream: true,
});

// Each event has a type; the text arrives in response.output_text.delta events.
for await (const event of stream) {
  if (event.type === "response.output_text.delta")
    process.stdout.write(event.delta);
  if (event.type === "response.completed") {
    console.log(`\n(${event.response.usage?.output_tokens} output tokens)`);
  }
}
// #endregion
