/**
 * Which docs page is the reference of an endpoint. A page claims it with frontmatter `reference: "<endpoint>"`;
 * otherwise `reference/<endpoint>` is used when that page exists. No page → no link (never a dead link).
 */
import { getCollection } from "astro:content";
import type { Endpoint } from "../../catalog/index.ts";

export const ENDPOINT_LABELS: Record<Endpoint, string> = {
  run: "POST /ai/run/{model}",
  "chat-completions": "POST /ai/v1/chat/completions",
  responses: "POST /ai/v1/responses",
  messages: "POST /ai/v1/messages",
  embeddings: "POST /ai/v1/embeddings",
};

/**
 * How a model is called on an endpoint. `POST /ai/run/{model}` (model in the path) is documented for Workers AI
 * models only; third-party `author/model` ids are documented on the envelope form, `POST /ai/run` with the model in
 * the body.
 */
export function endpointLabel(endpoint: Endpoint, modelId: string): string {
  if (endpoint !== "run") return ENDPOINT_LABELS[endpoint];
  return modelId.startsWith("@") ? `POST /ai/run/${modelId}` : `POST /ai/run with {"model": "${modelId}", "input": …}`;
}

export async function referencePages(): Promise<Partial<Record<Endpoint, string>>> {
  const docs = await getCollection("docs");
  const out: Partial<Record<Endpoint, string>> = {};
  for (const d of docs) {
    const claimed = (d.data as { reference?: Endpoint }).reference;
    if (claimed && !out[claimed]) out[claimed] = `/${d.id}/`;
  }
  for (const endpoint of Object.keys(ENDPOINT_LABELS) as Endpoint[]) {
    if (!out[endpoint] && docs.some((d) => d.id === `reference/${endpoint}`)) out[endpoint] = `/reference/${endpoint}/`;
  }
  return out;
}
