#!/usr/bin/env bash
set -euo pipefail

# #region main
# Provider-native endpoint with your own OpenAI key: the gateway forwards
# Authorization to OpenAI unchanged (and skips stored keys and Unified Billing).
# Gateway authentication travels separately in cf-aig-authorization.
curl "https://gateway.ai.cloudflare.com/v1/$CLOUDFLARE_ACCOUNT_ID/default/openai/chat/completions" \
  --header "Authorization: Bearer $OPENAI_API_KEY" \
  --header "cf-aig-authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "gpt-5-mini",
    "messages": [{ "role": "user", "content": "Say hello." }]
  }'
# #endregion
