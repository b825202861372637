// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

const response = await fetch(
  `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1/messages`,
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${apiToken}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      model: "anthropic/claude-sonnet-4-5",
      max_tokens: 1024, // required by the Messages format
      system: "You are a concise assistant.",
      messages: [{ role: "user", content: "What is the capital of France?" }],
    }),
  },
);
if (!response.ok) {
  throw new Error(`HTTP ${response.status}: ${await response.text()}`);
}

type Message = {
  content: { type: string; text?: string }[];
  stop_reason: string;
};

// The answer is a list of content blocks; text blocks carry the reply.
const message = (await response.json()) as Message;
for (const block of message.content) {
  if (block.type === "text") console.log(block.text);
}
console.log(`(stop reason: ${message.stop_reason})`);
// #endregion
