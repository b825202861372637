#!/usr/bin/env bash
set -euo pipefail

# #region main
# cf-aig-gateway-id picks the gateway whose settings (logs, cache, rate limits)
# apply to this call. Without it, third-party models go through your account's
# "default" gateway.
# The gateway to use: "default", or the ID of a gateway you created in the
# dashboard (AI > AI Gateway).
CLOUDFLARE_GATEWAY_ID="${CLOUDFLARE_GATEWAY_ID:-default}"
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/chat/completions" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "cf-aig-gateway-id: $CLOUDFLARE_GATEWAY_ID" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "openai/gpt-5-mini",
    "messages": [{ "role": "user", "content": "What is an API gateway?" }]
  }'
# #endregion
