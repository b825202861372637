// #region main
import OpenAI from "openai";

const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const client = new OpenAI({
  apiKey: process.env.CLOUDFLARE_API_TOKEN,
  baseURL: `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1`,
});

// With stream: true the SDK returns an async iterable of chunks.
const stream = await client.chat.completions.create({
  model: "openai/gpt-5-mini",
  messages: [
    { role: "user", content: "Tell me a short story about a lighthouse." },
  ],
  stream: true,
});

for await (const chunk of stream) {
  process.stdout.write(chunk.choices[0]?.delta.content ?? "");
}
process.stdout.write("\n");
// #endregion
