#!/usr/bin/env bash
set -euo pipefail

# #region main
# The model id loses its workers-ai/ prefix, and cf-aig-gateway-id names the
# gateway.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/chat/completions" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "cf-aig-gateway-id: default" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    "messages": [{ "role": "user", "content": "What is the capital of France?" }]
  }'
# #endregion
