#!/usr/bin/env bash
# Older endpoint (still works, not deprecated): a provider-native endpoint on
# gateway.ai.cloudflare.com. See provider-native-after.sh.
set -euo pipefail

# #region main
# The path names the provider (/openai/…) and the body uses the provider's own
# model id.
curl "https://gateway.ai.cloudflare.com/v1/$CLOUDFLARE_ACCOUNT_ID/default/openai/chat/completions" \
  --header "cf-aig-authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "gpt-5-mini",
    "messages": [{ "role": "user", "content": "What is the capital of France?" }]
  }'
# #endregion
