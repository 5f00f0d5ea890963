#!/usr/bin/env bash
# Sourced by e2e.sh and lighthouse.sh: starts the real Todo server on a free port with a throw-away
# data home (or uses E2E_API_URL), builds the static export (unless E2E_SKIP_BUILD=1 and out/ exists),
# serves it with /api forwarded to the server (one origin, as the server jar serves it), exports
# E2E_BASE_URL, and stops everything when the calling script exits. With E2E_WEB_FROM_SERVER=1 the
# server itself serves the app (its jar includes todo-web): nothing is built or proxied.
WEB="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$WEB/.." && pwd)"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$CHROME_PATH" ] || { echo "e2e: no Chromium at $CHROME_PATH (apt-get install -y chromium)" >&2; exit 1; }

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

SERVER_PID="" WEB_PID="" DATA_HOME=""
cleanup() {
  local status=$?
  [ -n "$WEB_PID" ] && kill "$WEB_PID" 2>/dev/null || true
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    # The server stops its PostgreSQL on the way out; give it the time to.
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  [ -n "$DATA_HOME" ] && rm -rf "$DATA_HOME"
  exit "$status"
}
trap cleanup EXIT INT TERM

wait_for() {
  local url=$1 seconds=$2 pid=${3:-}
  for _ in $(seq 1 $((seconds * 2))); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then echo "e2e: the process for $url exited" >&2; return 1; fi
    sleep 0.5
  done
  echo "e2e: $url did not answer within ${seconds}s" >&2
  return 1
}

if [ -n "${E2E_API_URL:-}" ]; then
  API_URL="$E2E_API_URL"
else
  API_PORT="$(free_port)"
  API_URL="http://127.0.0.1:$API_PORT"
  DATA_HOME="$(mktemp -d)"
  LOG="$DATA_HOME/server.log"
  echo "e2e: starting the server on $API_URL (data in $DATA_HOME)"
  # Every test registers and signs in from 127.0.0.1: lift the per-address limit meant for strangers.
  TODO_HOME="$DATA_HOME" TODO_RATE_LIMIT_ADDRESS_PER_MINUTE=100000 TODO_RATE_LIMIT_USER_PER_MINUTE=100000 \
    "$ROOT/todo" serve --port "$API_PORT" --server.address=127.0.0.1 > "$LOG" 2>&1 &
  SERVER_PID=$!
  wait_for "$API_URL/health" 600 "$SERVER_PID" || { tail -40 "$LOG" >&2; exit 1; }
fi

cd "$WEB"
if [ -n "${E2E_WEB_FROM_SERVER:-}" ]; then
  # The server jar carries the app (module todo-web): test what users get, one origin, no proxy.
  export E2E_BASE_URL="$API_URL"
  curl -fsS -o /dev/null "$E2E_BASE_URL/login" || { echo "e2e: $E2E_BASE_URL/login is not the web app" >&2; exit 1; }
else
  if [ -z "${E2E_SKIP_BUILD:-}" ] || [ ! -f out/index.html ]; then
    NEXT_TELEMETRY_DISABLED=1 npm run build --silent > /dev/null
  fi
  WEB_PORT="$(free_port)"
  export E2E_BASE_URL="http://127.0.0.1:$WEB_PORT"
  node scripts/serve.mjs --port "$WEB_PORT" --api "$API_URL" &
  WEB_PID=$!
  wait_for "$E2E_BASE_URL/login" 30 "$WEB_PID"
fi
