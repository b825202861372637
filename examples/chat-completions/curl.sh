#!/usr/bin/env bash
set -euo pipefail

# #region main
# OpenAI's Chat Completions format, for Workers AI and third-party models alike.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/chat/completions" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "openai/gpt-5-mini",
    "messages": [
      { "role": "system", "content": "You are a concise assistant." },
      { "role": "user", "content": "What is the capital of France?" }
    ]
  }'
# #endregion
