// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

// The REST API on api.cloudflare.com: a different host and path, the same
// request body.
const response = await fetch(
  `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1/chat/completions`,
  {
    method: "POST",
    headers: {
      // The token goes in Authorization, not cf-aig-authorization.
      Authorization: `Bearer ${apiToken}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      // REST ids name the author: google/…, not google-ai-studio/…
      model: "google/gemini-2.5-flash",
      messages: [{ role: "user", content: "What is the capital of France?" }],
    }),
  },
);
if (!response.ok) {
  throw new Error(`HTTP ${response.status}: ${await response.text()}`);
}
const completion = (await response.json()) as {
  choices: { message: { content: string } }[];
};
console.log(completion.choices[0].message.content);
// #endregion
