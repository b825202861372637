// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

// #region read
/**
 * Streams one chat completion; returns its text, or undefined if the stream
 * broke off. A complete stream ends with `data: [DONE]`: a stream that ends
 * (or errors) before it is incomplete.
 */
async function streamOnce(prompt: string): Promise<string | undefined> {
  const response = await fetch(
    `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1/chat/completions`,
    {
      method: "POST",
      headers: {
        Authorization: `Bearer ${apiToken}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        model: "openai/gpt-5-mini",
        messages: [{ role: "user", content: prompt }],
        stream: true,
      }),
    },
  );
  if (!response.ok || !response.body) {
    throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  }

  let text = "";
  let buffered = "";
  try {
    for await (const chunk of response.body.pipeThrough(
      new TextDecoderStream(),
    )) {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        if (line === "data: [DONE]") return text;
        if (!line.startsWith("data: ")) continue;
        const event = JSON.parse(line.slice("data: ".length)) as {
          choices: { delta: { content?: string } }[];
        };
        text += event.choices[0]?.delta.content ?? "";
      }
    }
  } catch (error) {
    console.log(
      `The connection failed mid-stream: ${(error as Error).message}`,
    );
  }
  console.log(
    `The stream ended without [DONE] after ${text.length} characters.`,
  );
  return undefined;
}
// #endregion

// Try up to three times; an incomplete answer is never used.
const prompt = "List the planets of the solar system.";
for (let attempt = 1; attempt <= 3; attempt++) {
  const text = await streamOnce(prompt);
  if (text !== undefined) {
    console.log(text);
    process.exit(0);
  }
  console.log(`Attempt ${attempt} was incomplete; trying again.`);
}
console.error("No complete answer after 3 attempts.");
process.exit(1);
// #endregion
