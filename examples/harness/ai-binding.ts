/**
 * Test harness: a stand-in for a Worker's `env.AI` binding, so examples/workers/* can run under Node against the
 * emulator (or, in live mode, the real REST API). It turns `env.AI.run(model, inputs, { gateway })` into the REST call
 * the binding stands for, and the gateway options into their cf-aig-* headers. It is never shown on the site.
 */
export type GatewayOptions = {
  id: string;
  skipCache?: boolean;
  cacheTtl?: number;
  cacheKey?: string;
  collectLog?: boolean;
  metadata?: Record<string, unknown>;
};

export class AiBindingError extends Error {}

export function createAiBinding(opts: { accountId: string; apiToken: string }) {
  const base = `https://api.cloudflare.com/client/v4/accounts/${opts.accountId}/ai`;
  const binding = {
    aiGatewayLogId: null as string | null,
    async run(model: string, inputs: Record<string, unknown>, options: { gateway?: GatewayOptions } = {}): Promise<unknown> {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${opts.apiToken}`,
        "Content-Type": "application/json",
      };
      const g = options.gateway;
      if (g) {
        headers["cf-aig-gateway-id"] = g.id;
        if (g.skipCache) headers["cf-aig-skip-cache"] = "true";
        if (g.cacheTtl !== undefined) headers["cf-aig-cache-ttl"] = String(g.cacheTtl);
        if (g.cacheKey) headers["cf-aig-cache-key"] = g.cacheKey;
        if (g.collectLog !== undefined) headers["cf-aig-collect-log"] = String(g.collectLog);
        if (g.metadata) headers["cf-aig-metadata"] = JSON.stringify(g.metadata);
      }
      // Workers AI models take their input on /ai/run/{model}; third-party models use the {model, input} envelope.
      const response = model.startsWith("@cf/")
        ? await fetch(`${base}/run/${model}`, { method: "POST", headers, body: JSON.stringify(inputs) })
        : await fetch(`${base}/run`, { method: "POST", headers, body: JSON.stringify({ model, input: inputs }) });
      binding.aiGatewayLogId = response.headers.get("cf-aig-log-id");
      if (inputs.stream && response.ok && response.body) return response.body;
      const body = (await response.json()) as { success?: boolean; result?: unknown; errors?: { code: number; message: string }[] };
      if (!response.ok || body.success === false) {
        // The binding throws "<code>: <message>" errors.
        const e = body.errors?.[0];
        throw new AiBindingError(e ? `${e.code}: ${e.message}` : `HTTP ${response.status}`);
      }
      return body.result;
    },
  };
  return binding;
}
