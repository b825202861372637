#!/usr/bin/env bash
set -euo pipefail

# #region main
# cf-aig-metadata attaches a JSON object to the request's log entry, so you can
# filter logs by it later. --write-out prints the id of that log entry from the
# cf-aig-log-id response header.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/v1/chat/completions" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "cf-aig-metadata: {\"team\": \"docs\", \"user_id\": 4711}" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "openai/gpt-5-mini",
    "messages": [{ "role": "user", "content": "Name a famous bridge." }]
  }' \
  --write-out '\ncf-aig-log-id: %header{cf-aig-log-id}\n'
# #endregion
