// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

// Aborting the controller makes fetch stop reading the stream and close the
// connection: no more text reaches your code. (What the server does with the
// rest of the answer is not documented.)
const controller = new AbortController();

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
      messages: [
        {
          role: "user",
          content: "Write a long essay about the history of tea.",
        },
      ],
      stream: true,
    }),
    signal: controller.signal,
  },
);
if (!response.ok || !response.body) {
  throw new Error(`HTTP ${response.status}: ${await response.text()}`);
}

// Stop after five chunks. In an app, call controller.abort() when the reader
// presses "Stop".
const MAX_CHUNKS = 5;
let text = "";
let chunks = 0;
let buffered = "";
try {
  for await (const received of response.body.pipeThrough(
    new TextDecoderStream(),
  )) {
    buffered += received;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
      const chunk = JSON.parse(line.slice("data: ".length)) as {
        choices: { delta: { content?: string } }[];
      };
      text += chunk.choices[0]?.delta.content ?? "";
      if (++chunks === MAX_CHUNKS) {
        controller.abort();
        break;
      }
    }
  }
} catch (error) {
  // Reading an aborted stream throws an AbortError: the expected way out.
  if ((error as Error).name !== "AbortError") throw error;
}

console.log(text);
console.log(
  controller.signal.aborted
    ? `(stopped after ${chunks} chunks)`
    : "(the answer was shorter)",
);
// #endregion
