#!/usr/bin/env bash
set -euo pipefail

# #region main
# "stream": true sends chat.completion.chunk events as they are generated,
# ending with `data: [DONE]`.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/chat/completions" \
  --no-buffer \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "openai/gpt-5-mini",
    "messages": [{ "role": "user", "content": "Tell me a short story about a lighthouse." }],
    "stream": true
  }'
# #endregion
