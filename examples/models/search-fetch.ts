// #region main
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
const apiToken = process.env.CLOUDFLARE_API_TOKEN;

const params = new URLSearchParams({ task: "Text Embeddings", per_page: "20" });
const response = await fetch(
  `https://api.cloudflare.com/client/v4/accounts/${accountId}/ai/models/search?${params}`,
  { headers: { Authorization: `Bearer ${apiToken}` } },
);

type Model = { name: string; description: string; task: { name: string } };
const body = (await response.json()) as {
  success: boolean;
  result: Model[];
  errors: { code: number; message: string }[];
};
if (!body.success) {
  throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors)}`);
}
for (const model of body.result) {
  console.log(`${model.name}  (${model.task.name})`);
}
// #endregion
