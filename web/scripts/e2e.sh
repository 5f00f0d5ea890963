#!/usr/bin/env bash
# End-to-end tests of the web app (e2e/*.test.mjs) with Debian's Chromium against the real Todo
# server on its embedded PostgreSQL; starts and stops everything itself.
#   E2E_API_URL=http://127.0.0.1:8080  use a server that is already running instead
#   E2E_SKIP_BUILD=1                   reuse the existing out/
#   E2E_WEB_FROM_SERVER=1              the server jar serves the app (todo-web wired in): test that
#   CHROME_PATH=/usr/bin/chromium      the browser
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"
node --test --test-concurrency=1 e2e/
