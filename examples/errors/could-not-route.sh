#!/usr/bin/env bash
set -euo pipefail

# #region main
# WRONG: the path leaves out /v1 (the endpoint is /ai/v1/chat/completions).
# Cloudflare cannot match the URL to an endpoint and answers 404 with error
# code 7003; the message repeats the path it received.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/chat/completions" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "openai/gpt-5-mini",
    "messages": [{ "role": "user", "content": "Hello" }]
  }' \
  --write-out '\nHTTP %{http_code}\n'
# #endregion
