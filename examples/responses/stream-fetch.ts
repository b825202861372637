// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

const response = await fetch(
  `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1/responses`,
  {
    method: "POST",
    headers: {
      Authorization: `Bearer ${apiToken}`,
      "Content-Type": "application/json",
      // A gateway with your OpenAI key stored (BYOK): paid by Unified Billing,
      // /ai/v1/responses answers 402 today (open bug cloudflare/ai #548).
      "cf-aig-gateway-id": process.env.CLOUDFLARE_GATEWAY_ID ?? "",
    },
    body: JSON.stringify({
      model: "openai/gpt-5-mini",
      input: "Tell me a short story about a lighthouse.",
      stream: true,
    }),
  },
);
if (!response.ok || !response.body) {
  throw new Error(`HTTP ${response.status}: ${await response.text()}`);
}

type StreamEvent = { type: string; delta?: string };

// Each event arrives as `event: <type>` and `data: {…}` lines; the data repeats
// the type, so reading the data lines is enough. Text comes in
// response.output_text.delta events; response.completed ends the stream.
let buffered = "";
for await (const text of response.body.pipeThrough(new TextDecoderStream())) {
  buffered += text;
  const lines = buffered.split("\n");
  buffered = lines.pop() ?? "";
  for (const line of lines) {
    if (!line.startsWith("data: ")) continue;
    const event = JSON.parse(line.slice("data: ".length)) as StreamEvent;
    if (event.type === "response.output_text.delta") {
      process.stdout.write(event.delta ?? "");
    }
    if (event.type === "response.completed") process.stdout.write("\n");
  }
}
// #endregion
