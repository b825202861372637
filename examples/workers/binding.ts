// #region main
// A Worker that answers questions with Workers AI through the AI binding.
// wrangler.jsonc declares the binding:
//   "ai": { "binding": "AI" }
// The types (Ai, ExportedHandler) come from @cloudflare/workers-types or from
// `wrangler types`.
interface Env {
  AI: Ai;
}

export default {
  async fetch(request, env): Promise<Response> {
    const question =
      new URL(request.url).searchParams.get("q") ??
      "What is a Cloudflare Worker?";

    // The binding needs no API token. The gateway option sends the call through
    // an AI Gateway, which logs it (and can cache it); "default" is created for
    // you.
    const answer = await env.AI.run(
      "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
      { messages: [{ role: "user", content: question }] },
      { gateway: { id: "default" } },
    );

    return Response.json({
      question,
      answer: answer.response,
      logId: env.AI.aiGatewayLogId,
    });
  },
} satisfies ExportedHandler<Env>;
// #endregion
