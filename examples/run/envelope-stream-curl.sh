#!/usr/bin/env bash
set -euo pipefail

# #region main
# "stream": true goes inside "input", with the rest of the model's input.
# A Workers AI model streams `data: {"response":"…"}` events, then
# `data: [DONE]`.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/run" \
  --no-buffer \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "cf-aig-gateway-id: default" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    "input": {
      "messages": [{ "role": "user", "content": "Tell me a short story about a lighthouse." }],
      "stream": true
    }
  }'
# #endregion
