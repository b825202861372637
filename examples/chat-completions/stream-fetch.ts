// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

const response = await fetch(
  `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1/chat/completions`,
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${apiToken}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      model: "google/gemini-3-flash",
      messages: [
        { role: "user", content: "Tell me a short story about a lighthouse." },
      ],
      stream: true,
    }),
  },
);
if (!response.ok || !response.body) {
  throw new Error(`HTTP ${response.status}: ${await response.text()}`);
}

type Chunk = { choices: { delta: { content?: string } }[] };

// Server-sent events: `data: {chat.completion.chunk}` lines, then `data:
// [DONE]`. A network chunk can end in the middle of a line, so keep the
// unfinished part for the next chunk.
let buffered = "";
for await (const text of response.body.pipeThrough(new TextDecoderStream())) {
  buffered += text;
  const lines = buffered.split("\n");
  buffered = lines.pop() ?? "";
  for (const line of lines) {
    if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
    const chunk = JSON.parse(line.slice("data: ".length)) as Chunk;
    process.stdout.write(chunk.choices[0]?.delta.content ?? "");
  }
}
process.stdout.write("\n");
// #endregion
