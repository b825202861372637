#!/usr/bin/env bash
# Deprecated: a Workers AI model through the compat endpoint on
# gateway.ai.cloudflare.com. See workers-ai-after.sh.
set -euo pipefail

# #region main
# Workers AI needs the Cloudflare token in Authorization here as well:
# cf-aig-authorization only opens the gateway.
curl "https://gateway.ai.cloudflare.com/v1/$CLOUDFLARE_ACCOUNT_ID/default/compat/chat/completions" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "cf-aig-authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "workers-ai/@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    "messages": [{ "role": "user", "content": "What is the capital of France?" }]
  }'
# #endregion
