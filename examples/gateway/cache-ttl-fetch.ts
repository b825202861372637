// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

// Sends the same request twice. cf-aig-cache-ttl caches the answer for 10
// minutes (the minimum is 60 seconds), so the second call is answered from the
// gateway's cache without reaching the model.
async function ask(question: string) {
  const response = await fetch(
    `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1/chat/completions`,
    {
      method: "POST",
      headers: {
        Authorization: `Bearer ${apiToken}`,
        "Content-Type": "application/json",
        "cf-aig-cache-ttl": "600",
      },
      body: JSON.stringify({
        model: "openai/gpt-5-mini",
        messages: [{ role: "user", content: question }],
      }),
    },
  );
  if (!response.ok)
    throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const completion = (await response.json()) as {
    choices: { message: { content: string } }[];
  };
  // cf-aig-cache-status says where the answer came from: MISS (the model) or
  // HIT (the cache).
  console.log(
    `${response.headers.get("cf-aig-cache-status")}: ${completion.choices[0].message.content}`,
  );
}

await ask("What is the boiling point of water at sea level?");
await ask("What is the boiling point of water at sea level?");
// #endregion
