#!/usr/bin/env bash
set -euo pipefail

# #region main
# A token that is wrong, expired or lacks the Workers AI permission is refused
# before any model runs: HTTP 401 with error code 10000 in Cloudflare's
# envelope.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/chat/completions" \
  --header "Authorization: Bearer this-is-not-a-valid-token" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "openai/gpt-5-mini",
    "messages": [{ "role": "user", "content": "Hello" }]
  }' \
  --write-out '\nHTTP %{http_code}\n'
# #endregion
