#!/usr/bin/env bash
set -euo pipefail

# #region main
# A Workers AI model on POST /ai/run also needs the cf-aig-gateway-id header:
# the gateway the call goes through. "default" is created for you on the first
# request.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/run" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "cf-aig-gateway-id: default" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "@cf/moonshotai/kimi-k2.6",
    "input": {
      "messages": [{ "role": "user", "content": "Give me three names for a cat." }]
    }
  }'
# #endregion
