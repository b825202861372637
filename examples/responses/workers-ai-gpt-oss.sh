#!/usr/bin/env bash
set -euo pipefail

# #region main
# Of the Workers AI models, gpt-oss-120b and gpt-oss-20b answer on
# /ai/v1/responses, without streaming. Like every @cf/… model on /ai/v1, they
# need cf-aig-gateway-id.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/responses" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "cf-aig-gateway-id: default" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "@cf/openai/gpt-oss-120b",
    "input": "Explain recursion to a five-year-old.",
    "reasoning": { "effort": "low" }
  }'
# #endregion
