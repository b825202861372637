// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;
const model = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";

// The model id goes into the path as it is, slashes included.
const response = await fetch(
  `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/run/${model}`,
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${apiToken}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      messages: [
        { role: "system", content: "You are a concise assistant." },
        { role: "user", content: "What is the capital of France?" },
      ],
    }),
  },
);

type RunResponse = {
  success: boolean;
  result: { response: string };
  errors: { code: number; message: string }[];
};

// Answers come in Cloudflare's envelope: { result, success, errors, messages }.
const body = (await response.json()) as RunResponse;
if (!body.success) {
  throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors)}`);
}
console.log(body.result.response);
// #endregion
