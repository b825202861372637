// #region main
import OpenAI from "openai";
import type {
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from "openai/resources/chat/completions";

const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const client = new OpenAI({
  apiKey: process.env.CLOUDFLARE_API_TOKEN,
  baseURL: `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1`,
  // A Workers AI model on /ai/v1 needs the gateway header.
  defaultHeaders: { "cf-aig-gateway-id": "default" },
});
const model = "@cf/moonshotai/kimi-k2.6";

// #region tools
// A function of ours that the model may ask us to call, and its description for
// the model.
function getWeather(city: string) {
  return { city, temperature_c: 18, conditions: "light rain" };
}

const tools: ChatCompletionTool[] = [
  {
    type: "function",
    function: {
      name: "get_weather",
      description: "Get the current weather in a city",
      parameters: {
        type: "object",
        properties: {
          city: { type: "string", description: "City name, e.g. Lisbon" },
        },
        required: ["city"],
      },
    },
  },
];
// #endregion

const messages: ChatCompletionMessageParam[] = [
  { role: "user", content: "What's the weather like in Lisbon?" },
];

// #region round-trip
// 1. The model answers with a tool call instead of text.
const first = await client.chat.completions.create({ model, messages, tools });
const reply = first.choices[0].message;
messages.push(reply);

// 2. Run each call and append its result, linked to the call by tool_call_id.
for (const call of reply.tool_calls ?? []) {
  if (call.type !== "function") continue;
  console.log(
    `The model called ${call.function.name}(${call.function.arguments})`,
  );
  const { city } = JSON.parse(call.function.arguments) as { city: string };
  messages.push({
    role: "tool",
    tool_call_id: call.id,
    content: JSON.stringify(getWeather(city)),
  });
}

// 3. With the results in the conversation, the model writes its answer.
const second = await client.chat.completions.create({ model, messages, tools });
console.log(second.choices[0].message.content);
// #endregion
// #endregion
