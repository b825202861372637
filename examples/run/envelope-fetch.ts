// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

// POST /ai/run takes the model in the body, next to its input: the form
// Cloudflare documents for third-party models.
const response = await fetch(
  `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/run`,
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${apiToken}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      model: "google/gemini-3-flash",
      input: {
        messages: [{ role: "user", content: "Give me three names for a cat." }],
      },
    }),
  },
);

type Envelope = {
  success: boolean;
  result: unknown;
  errors: { code: number; message: string }[];
};
const body = (await response.json()) as Envelope;
if (!body.success) {
  throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors)}`);
}
// `result` holds the model's answer.
console.log(JSON.stringify(body.result, null, 2));
// #endregion
