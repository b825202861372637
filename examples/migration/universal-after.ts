// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;
const messages = [{ role: "user", content: "What is the capital of France?" }];

// The REST API takes one model per request, so the fallback order lives in
// your code. Every model answers in the same Chat Completions format.
const models = [
  "openai/gpt-5-mini",
  "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
];

for (const model of models) {
  const response = await fetch(
    `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1/chat/completions`,
    {
      method: "POST",
      headers: {
        Authorization: `Bearer ${apiToken}`,
        "cf-aig-gateway-id": "default", // needed by @cf/… models
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ model, messages }),
    },
  );
  // Fall back on rate limits and server errors; any other error is a bug to
  // fix, not a reason to switch models.
  if (response.status === 429 || response.status >= 500) {
    console.log(`${model}: HTTP ${response.status}, trying the next model`);
    continue;
  }
  if (!response.ok) {
    throw new Error(
      `${model}: HTTP ${response.status}: ${await response.text()}`,
    );
  }
  const completion = (await response.json()) as {
    choices: { message: { content: string } }[];
  };
  console.log(`${model}: ${completion.choices[0].message.content}`);
  process.exit(0);
}
console.error("Every model failed.");
process.exit(1);
// #endregion
