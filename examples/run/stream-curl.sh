#!/usr/bin/env bash
set -euo pipefail

# #region main
# "stream": true turns the answer into server-sent events: one `data:` line per
# chunk, then `data: [DONE]`. --no-buffer prints each event as soon as it
# arrives.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast" \
  --no-buffer \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "messages": [{ "role": "user", "content": "Tell me a short story about a lighthouse." }],
    "stream": true
  }'
# #endregion
