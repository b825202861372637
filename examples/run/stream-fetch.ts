// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;
const model = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";

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
        { role: "user", content: "Tell me a short story about a lighthouse." },
      ],
      stream: true,
    }),
  },
);
if (!response.ok || !response.body) {
  throw new Error(`HTTP ${response.status}: ${await response.text()}`);
}

// The body is a stream of server-sent events: `data: {"response":"…"}` lines,
// then `data: [DONE]`. A network chunk can end in the middle of a line, so keep
// the unfinished part for the next chunk.
let buffered = "";
for await (const text of response.body.pipeThrough(new TextDecoderStream())) {
  buffered += text;
  const lines = buffered.split("\n");
  buffered = lines.pop() ?? "";
  for (const line of lines) {
    if (!line.startsWith("data: ")) continue;
    const data = line.slice("data: ".length);
    if (data === "[DONE]") continue;
    const event = JSON.parse(data) as { response?: string };
    process.stdout.write(event.response ?? "");
  }
}
process.stdout.write("\n");
// #endregion
