// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

const response = await fetch(
  `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1/responses`,
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${apiToken}`,
      "Content-Type": "application/json",
      // A gateway with your OpenAI key stored (BYOK): paid by Unified Billing,
      // /ai/v1/responses answers 402 today (open bug cloudflare/ai #548).
      "cf-aig-gateway-id": process.env.CLOUDFLARE_GATEWAY_ID ?? "",
    },
    body: JSON.stringify({
      model: "openai/gpt-5-mini",
      instructions: "You are a concise assistant.",
      input: "What is the capital of France?",
    }),
  },
);
if (!response.ok) {
  throw new Error(`HTTP ${response.status}: ${await response.text()}`);
}

type OutputItem = { type: string; content?: { type: string; text: string }[] };

// `output` is a list of items (reasoning, messages, tool calls); the text is in
// the message items.
const { output } = (await response.json()) as { output: OutputItem[] };
const text = output
  .filter((item) => item.type === "message")
  .flatMap((item) => item.content ?? [])
  .filter((part) => part.type === "output_text")
  .map((part) => part.text)
  .join("");
console.log(text);
// #endregion
