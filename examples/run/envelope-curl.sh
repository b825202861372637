#!/usr/bin/env bash
set -euo pipefail

# #region main
# POST /ai/run takes the model in the body, next to its input: {"model": …,
# "input": {…}}. Third-party models use author/model ids and are paid through
# Unified Billing (or your stored provider key).
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/run" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "openai/gpt-5-mini",
    "input": {
      "messages": [{ "role": "user", "content": "Give me three names for a cat." }]
    }
  }'
# #endregion
