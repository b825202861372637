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
  // FIXED: Headers matches names whatever their case, so "Authorization" is
  // found and removed. With no provider key on the request, the gateway uses
  // the OpenRouter key stored in it (BYOK).
  const headers = new Headers(request.headers);
  if (headers.get("authorization")?.includes(PLACEHOLDER)) {
    headers.delete("authorization");
  }
  headers.set("cf-aig-authorization", `Bearer ${apiToken}`);
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
