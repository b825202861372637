// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

// #region retry
// 429 (rate limited or out of capacity) and 5xx are worth retrying; other
// errors will fail the same way again.
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/** fetch with retries: exponential backoff, or the Retry-After header if sent. */
async function fetchWithRetry(
  url: string,
  init: RequestInit,
  maxAttempts = 5,
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, init);
    if (!RETRYABLE.has(response.status) || attempt === maxAttempts) {
      return response;
    }

    const retryAfter = Number(response.headers.get("retry-after"));
    const backoff = 500 * 2 ** (attempt - 1); // 0.5 s, 1 s, 2 s, 4 s
    const delay =
      retryAfter > 0 ? retryAfter * 1000 : backoff + Math.random() * 100;
    console.log(
      `Attempt ${attempt}: HTTP ${response.status}, retrying in ${(delay / 1000).toFixed(1)} s`,
    );
    await response.body?.cancel(); // free the connection before waiting
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
// #endregion

const response = await fetchWithRetry(
  `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1/chat/completions`,
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${apiToken}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      model: "openai/gpt-5-mini",
      messages: [{ role: "user", content: "Say hello in French." }],
    }),
  },
);
if (!response.ok) {
  throw new Error(`Gave up: HTTP ${response.status}: ${await response.text()}`);
}
const completion = (await response.json()) as {
  choices: { message: { content: string } }[];
};
console.log(completion.choices[0].message.content);
// #endregion
