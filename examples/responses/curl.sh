#!/usr/bin/env bash
set -euo pipefail

# #region main
# A gateway with your OpenAI key stored (BYOK): paid by Unified Billing,
# /ai/v1/responses answers 402 today (open bug cloudflare/ai #548).
# OpenAI's Responses format: "input" takes a string or a list of items.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/responses" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --header "cf-aig-gateway-id: $CLOUDFLARE_GATEWAY_ID" \
  --data '{
    "model": "openai/gpt-5-mini",
    "instructions": "You are a concise assistant.",
    "input": "What is the capital of France?"
  }'
# #endregion
