#!/usr/bin/env bash
set -euo pipefail

# #region main
# Anthropic's Messages format. Authentication is still your Cloudflare API
# token, not an Anthropic key.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/messages" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "anthropic/claude-sonnet-4-5",
    "max_tokens": 1024,
    "system": "You are a concise assistant.",
    "messages": [{ "role": "user", "content": "What is the capital of France?" }]
  }'
# #endregion
