#!/usr/bin/env bash
# Lighthouse on the login page and on Today with 50 tasks, against the real server; prints the scores.
#   E2E_API_URL / E2E_SKIP_BUILD / CHROME_PATH as for e2e.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"
node scripts/lighthouse.mjs
