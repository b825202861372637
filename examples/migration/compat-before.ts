// Deprecated: the OpenAI-compatible endpoint on gateway.ai.cloudflare.com. See
// compat-after.ts for the REST API.
// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

const response = await fetch(
  `https://gateway.ai.cloudflare.com/v1/${accountId}/default/compat/chat/completions`,
  {
    method: "POST",
    headers: {
      // Gateway authentication.
      "cf-aig-authorization": `Bearer ${apiToken}`,
      // Your Google AI Studio key: Unified Billing on compat does not pay for
      // google-ai-studio/ models (they fail "could not be resolved for
      // spend-limit enforcement").
      Authorization: `Bearer ${process.env.GOOGLE_AI_STUDIO_API_KEY}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      // compat ids name the gateway provider: google-ai-studio/…
      model: "google-ai-studio/gemini-2.5-flash",
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
