// #region main
import OpenAI from "openai";

const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const client = new OpenAI({
  apiKey: process.env.CLOUDFLARE_API_TOKEN,
  baseURL: `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/v1`,
  defaultHeaders: { "cf-aig-gateway-id": "default" },
});

const documents = [
  "Workers AI runs models on Cloudflare's network.",
  "The Eiffel Tower is in Paris.",
  "AI Gateway logs and caches model requests.",
];
const question = "Where can I see my model requests?";

// One request embeds the question and every document.
const { data } = await client.embeddings.create({
  model: "@cf/baai/bge-large-en-v1.5",
  input: [question, ...documents],
});
const [q, ...docs] = data.map((d) => d.embedding);
console.log(`${data.length} vectors of ${q.length} dimensions`);

// Rank the documents by cosine similarity to the question.
const cosine = (a: number[], b: number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
};
const ranked = documents
  .map((text, i) => ({ text, score: cosine(q, docs[i]) }))
  .sort((a, b) => b.score - a.score);
for (const { text, score } of ranked)
  console.log(`${score.toFixed(3)}  ${text}`);
// #endregion
