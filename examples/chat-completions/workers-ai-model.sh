#!/usr/bin/env bash
set -euo pipefail

# #region main
# Workers AI models (@cf/…) on /ai/v1/* also need cf-aig-gateway-id: the gateway
# the call goes through. "default" is created for you on the first request.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/chat/completions" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "cf-aig-gateway-id: default" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "@cf/moonshotai/kimi-k2.6",
    "messages": [{ "role": "user", "content": "Explain DNS in one sentence." }]
  }'
# #endregion
