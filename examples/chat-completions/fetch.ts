// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

const response = await fetch(
  `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1/chat/completions`,
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${apiToken}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      model: "google/gemini-3-flash",
      messages: [
        { role: "system", content: "You are a concise assistant." },
        { role: "user", content: "What is the capital of France?" },
      ],
    }),
  },
);
if (!response.ok) {
  throw new Error(`HTTP ${response.status}: ${await response.text()}`);
}

type ChatCompletion = {
  choices: { message: { content: string } }[];
  usage: { prompt_tokens: number; completion_tokens: number };
};

// The answer is a standard OpenAI chat completion.
const completion = (await response.json()) as ChatCompletion;
console.log(completion.choices[0].message.content);
console.log(
  `(${completion.usage.prompt_tokens} tokens in, ${completion.usage.completion_tokens} out)`,
);
// #endregion
