// #region main
import OpenAI from "openai";
import type {
  FunctionTool,
  ResponseInputItem,
} from "openai/resources/responses/responses";

const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const client = new OpenAI({
  apiKey: process.env.CLOUDFLARE_API_TOKEN,
  baseURL: `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1`,
  // A gateway with your OpenAI key stored (BYOK): paid by Unified Billing,
  // /ai/v1/responses answers 402 today (open bug cloudflare/ai #548).
  defaultHeaders: { "cf-aig-gateway-id": process.env.CLOUDFLARE_GATEWAY_ID },
});
const model = "openai/gpt-5-mini";

// #region tools
// A function of ours that the model may ask us to call, and its description for
// the model.
function getWeather(city: string) {
  return { city, temperature_c: 18, conditions: "light rain" };
}

// In the Responses format a function tool is flat: name and parameters sit next
// to type.
const tools: FunctionTool[] = [
  {
    type: "function",
    name: "get_weather",
    description: "Get the current weather in a city",
    parameters: {
      type: "object",
      properties: {
        city: { type: "string", description: "City name, e.g. Lisbon" },
      },
      required: ["city"],
      additionalProperties: false,
    },
    strict: true,
  },
];
// #endregion

const input: ResponseInputItem[] = [
  { role: "user", content: "What's the weather like in Lisbon?" },
];

// #region round-trip
// 1. The model answers with function_call items instead of text.
const first = await client.responses.create({ model, input, tools });

// 2. Send each call back with a function_call_output item (same call_id)
// holding our function's result.
for (const item of first.output) {
  if (item.type !== "function_call") continue;
  input.push(item);
  console.log(`The model called ${item.name}(${item.arguments})`);
  const { city } = JSON.parse(item.arguments) as { city: string };
  input.push({
    type: "function_call_output",
    call_id: item.call_id,
    output: JSON.stringify(getWeather(city)),
  });
}

// 3. With the results in the input, the model writes its answer.
const second = await client.responses.create({ model, input, tools });
console.log(second.output_text);
// #endregion
// #endregion
