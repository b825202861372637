// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

// A provider client that always sends an API key, the way many SDKs do. We have
// no OpenRouter key of our own (the gateway holds it), so we give it a
// placeholder that must be removed before the request leaves.
const PLACEHOLDER = "CF_TEMP_TOKEN";
function openRouterRequest(apiKey: string, body: unknown) {
  return {
    headers: {
      Authorization: `Bearer ${apiKey}`,
      "Content-Type": "application/json",
    } as Record<string, string>,
    body: JSON.stringify(body),
  };
}

/** Sends a request through the gateway's OpenRouter endpoint. */
async function viaGateway(
  path: string,
  request: { headers: Record<string, string>; body: string },
) {
  // #region strip
  const headers = { ...request.headers };
  // WRONG: header names are case-insensitive, object keys are not. The client
  // set "Authorization", so this finds nothing, and the placeholder is
  // forwarded to OpenRouter as if it were a real key.
  if (headers["authorization"]?.includes(PLACEHOLDER)) {
    delete headers["authorization"];
  }
  headers["cf-aig-authorization"] = `Bearer ${apiToken}`;
  // #endregion
  return fetch(
    `https://gateway.ai.cloudflare.com/v1/${accountId}/default/openrouter/v1/${path}`,
    {
      method: "POST",
      headers,
      body: request.body,
    },
  );
}

const response = await viaGateway(
  "chat/completions",
  openRouterRequest(PLACEHOLDER, {
    model: "openai/gpt-5-mini",
    messages: [{ role: "user", content: "Say hello." }],
  }),
);
if (!response.ok) {
  console.error(`HTTP ${response.status}: ${await response.text()}`);
  process.exit(1);
}
const completion = (await response.json()) as {
  choices: { message: { content: string } }[];
};
console.log(completion.choices[0].message.content);
// #endregion
