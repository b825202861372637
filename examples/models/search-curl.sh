#!/usr/bin/env bash
set -euo pipefail

# #region main
# Search the Workers AI catalog. --get turns the --data-urlencode pairs into the
# query string.
curl "https://api.cloudflare.com/client/v4/accounts/$CLOUDFLARE_ACCOUNT_ID/ai/models/search" \
  --get \
  --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \
  --data-urlencode "task=Text Generation" \
  --data-urlencode "search=llama" \
  --data-urlencode "per_page=5"
# #endregion
