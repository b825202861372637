// #region main
import OpenAI from "openai";

const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;

// The OpenAI SDK works unchanged: point baseURL at your account's /ai/v1 and
// use a Cloudflare API token as the key.
const client = new OpenAI({
  apiKey: process.env.CLOUDFLARE_API_TOKEN,
  baseURL: `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1`,
});

const completion = await client.chat.completions.create({
  model: "openai/gpt-5-mini",
  messages: [
    { role: "system", content: "You are a concise assistant." },
    { role: "user", content: "What is the capital of France?" },
  ],
});

console.log(completion.choices[0].message.content);
// #endregion
