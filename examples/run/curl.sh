#!/usr/bin/env bash
set -euo pipefail

# #region main
# Run a Workers AI model: the model id goes into the path as it is, slashes
# included.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "messages": [
      { "role": "system", "content": "You are a concise assistant." },
      { "role": "user", "content": "What is the capital of France?" }
    ]
  }'
# #endregion
