// #region main
// A Worker that answers questions with Workers AI through the AI binding.
// wrangler.jsonc declares the binding:
//   "ai": { "binding": "AI" }

// Types (Ai, ExportedHandler) from @cloudflare/workers-types or `wrangler types`.
interface Env {
  AI: Ai;
}

export default {
  async fetch(request, env): Promise<Response> {
    const question =
      new URL(request.url).searchParams.get("q") ??
      "What is a Cloudflare Worker?";

    // The binding needs no API token. The gateway option routes the call
    // through an AI Gateway (logs, caching); "default" is created for you.
    const answer = await env.AI.run(
      "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
      { messages: [{ role: "user", content: question }] },
      { gateway: { id: "default" } },
    );

    // `answer` holds the text (`response`) and the token counts (`usage`).
    return Response.json({ question, answer, logId: env.AI.aiGatewayLogId });
  },
} satisfies ExportedHandler<Env>;
// #endregion
