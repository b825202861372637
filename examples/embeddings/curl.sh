#!/usr/bin/env bash
set -euo pipefail

# #region main
# OpenAI's embeddings format: one vector per input string. @cf/… models need
# cf-aig-gateway-id.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/embeddings" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "cf-aig-gateway-id: default" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "@cf/baai/bge-large-en-v1.5",
    "input": ["Cloudflare runs AI models at the edge.", "Paris is the capital of France."]
  }'
# #endregion
