// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;
const universal = `https://gateway.ai.cloudflare.com/v1/${accountId}/default`;

type Step = {
  provider: string;
  endpoint: string;
  headers: Record<string, string>;
  query: Record<string, unknown>;
};

/** Asks a model through the universal endpoint; `openai/…` → provider openai. */
async function ask(model: string, prompt: string): Promise<string> {
  const [provider, ...rest] = model.split("/");
  const id = rest.join("/");
  const messages = [{ role: "user", content: prompt }];
  const step: Step = {
    provider,
    endpoint: provider === "workers-ai" ? id : "chat/completions",
    // #region headers
    // FIXED: only Workers AI steps carry the Cloudflare API token. Other steps
    // carry no key, so the gateway uses your stored provider key (BYOK) or
    // Unified Billing. Gateway auth travels in cf-aig-authorization.
    headers:
      provider === "workers-ai"
        ? {
            Authorization: `Bearer ${apiToken}`,
            "Content-Type": "application/json",
          }
        : { "Content-Type": "application/json" },
    // #endregion
    query: provider === "workers-ai" ? { messages } : { model: id, messages },
  };
  const response = await fetch(universal, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "cf-aig-authorization": `Bearer ${apiToken}`,
    },
    body: JSON.stringify([step]),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${model}: HTTP ${response.status}: ${text}`);
  const body = JSON.parse(text);
  return provider === "workers-ai"
    ? body.result.response
    : body.choices[0].message.content;
}

for (const model of [
  "workers-ai/@cf/meta/llama-3.3-70b-instruct-fp8-fast",
  "openai/gpt-5-mini",
]) {
  try {
    console.log(`${model}: ${await ask(model, "Say hello.")}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
// #endregion
