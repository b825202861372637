#!/usr/bin/env bash
set -euo pipefail

# #region main
# Every REST API call authenticates with a Cloudflare API token (permission:
# Workers AI Read) as a Bearer token. The same header covers Workers AI and
# third-party models: no provider key is needed.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/chat/completions" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "anthropic/claude-sonnet-4-5",
    "messages": [{ "role": "user", "content": "Say hello." }]
  }'
# #endregion
