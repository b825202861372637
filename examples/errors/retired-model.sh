#!/usr/bin/env bash
set -euo pipefail

# shows: failure -- names a retired model on purpose (npm run check allows it here)
# #region main
# WRONG: @cf/meta/llama-3.1-8b-instruct was retired. The request is refused
# with error code 5028 "model was deprecated" before anything runs.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/run/@cf/meta/llama-3.1-8b-instruct" \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --header "Content-Type: application/json" \
  --data '{ "prompt": "What is the capital of France?" }' \
  --write-out '\nHTTP %{http_code}\n'
# #endregion
