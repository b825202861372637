#!/usr/bin/env bash
set -euo pipefail

# #region main
# WRONG: a Workers AI model (@cf/…) on /ai/v1/chat/completions without the
# cf-aig-gateway-id header. The same request with a third-party model works.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/chat/completions" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    "messages": [{ "role": "user", "content": "Hello" }]
  }' \
  --write-out '\nHTTP %{http_code}\n'
# #endregion
