#!/usr/bin/env bash
set -euo pipefail

# #region main
# Provider-native endpoint with your own OpenAI key: the gateway forwards
# Authorization to OpenAI unchanged (and skips stored keys and Unified Billing).
# Gateway authentication travels separately in cf-aig-authorization.
# OPENAI_API_KEY is your own key from OpenAI's dashboard (never your
# Cloudflare token); the script stops here if it is not set.
: "${OPENAI_API_KEY:?Set OPENAI_API_KEY to your own OpenAI API key}"
curl "https://gateway.ai.cloudflare.com/v1/$CLOUDFLARE_ACCOUNT_ID/default/openai/chat/completions" \
  --header "Authorization: Bearer $OPENAI_API_KEY" \
  --header "cf-aig-authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "gpt-5-mini",
    "messages": [{ "role": "user", "content": "Say hello." }]
  }'
# #endregion
