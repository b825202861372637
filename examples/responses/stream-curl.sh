#!/usr/bin/env bash
set -euo pipefail

# #region main
# A gateway with your OpenAI key stored (BYOK): paid by Unified Billing,
# /ai/v1/responses answers 402 today (open bug cloudflare/ai #548).
# Streamed responses arrive as named events (response.created,
# response.output_text.delta, …, response.completed).
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/responses" \
  --no-buffer \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --header "cf-aig-gateway-id: $CLOUDFLARE_GATEWAY_ID" \
  --data '{
    "model": "openai/gpt-5-mini",
    "input": "Tell me a short story about a lighthouse.",
    "stream": true
  }'
# #endregion
