// Older endpoint (still works, not deprecated): the universal endpoint on
// gateway.ai.cloudflare.com. See universal-after.ts for the REST API.
// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;
const messages = [{ role: "user", content: "What is the capital of France?" }];

// An array of steps: the gateway tries them in order and falls back to the next
// one when a step fails.
const response = await fetch(
  `https://gateway.ai.cloudflare.com/v1/${accountId}/default`,
  {
    method: "POST",
    headers: {
      "cf-aig-authorization": `Bearer ${apiToken}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify([
      {
        provider: "openai",
        endpoint: "chat/completions",
        headers: { "Content-Type": "application/json" },
        query: { model: "gpt-5-mini", messages },
      },
      {
        provider: "workers-ai",
        endpoint: "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
        headers: {
          Authorization: `Bearer ${apiToken}`,
          "Content-Type": "application/json",
        },
        query: { messages },
      },
    ]),
  },
);
if (!response.ok) {
  throw new Error(`HTTP ${response.status}: ${await response.text()}`);
}

// Each provider answers in its own format; cf-aig-step says which step it was.
const step = response.headers.get("cf-aig-step");
type Answer = {
  choices?: { message: { content: string } }[]; // OpenAI (step 0)
  result?: { response: string }; // Workers AI (step 1)
};
const body = (await response.json()) as Answer;
const text = body.choices?.[0].message.content ?? body.result?.response;
console.log(`step ${step}: ${text}`);
// #endregion
