#!/usr/bin/env bash
# Records the frontend's ahead-of-time cache (JDK 25's AOT cache, JEP 483/514: classes loaded and linked, lambdas
# resolved) by running the server once as the image runs it, so the container starts in less CPU time (its limit is
# 100m). $1 runtime dir (the image's root: its JRE, and where the cache goes: opt/java/lib/frontend.aot), $2 the
# module's jar, $3 the gzipped site, $4 the jar's path inside the image, $5 the image's file time (Jib's
# filesModificationTime: the cache is used only with a jar of the same size and time).
# The run serves the requests a browser makes (pages, an asset, a proxied API call) and stops on SIGTERM.
set -euo pipefail
runtime="$1"; jar="$2"; site="$3"; jar_in_image="$4"; file_time="$5"
java="$runtime/opt/java/bin/java"
train="$(dirname "$runtime")/aot-train"
cache="$runtime/opt/java/lib/frontend.aot"

rm -rf "$train" "$cache"
mkdir -p "$train/$(dirname "$jar_in_image")"
cp "$jar" "$train/$jar_in_image"
touch -d "$file_time" "$train/$jar_in_image"

# GET $1 on 127.0.0.1:$2 with bash's /dev/tcp (no curl needed); prints the status line.
get() {
  local fd
  exec {fd}<>"/dev/tcp/127.0.0.1/$2"
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n' "$1" >&"$fd"
  head -1 <&"$fd" | tr -d '\r'
  cat <&"$fd" > /dev/null
  exec {fd}>&-
}
# The port a server started on, from its start line.
port_of() {
  local i
  for i in $(seq 1 300); do
    if grep -q "started in" "$1" 2>/dev/null; then
      sed -n 's/.*started in [0-9]* ms: port \([0-9]*\),.*/\1/p' "$1"
      return
    fi
    sleep 0.1
  done
  echo "train-aot: the server did not start: $(cat "$1")" >&2
  return 1
}
flags=(-XX:+UseSerialGC -Xms8m -Xmx24m -XX:MaxMetaspaceSize=24m -XX:ReservedCodeCacheSize=16m -XX:MaxDirectMemorySize=8m
  -XX:TieredStopAtLevel=1 -Xss256k -XX:-UsePerfData)

# A second frontend stands in for the backend (its own backend is nowhere, so /api/ answers 502 there): the trained
# one then runs the whole proxy path, request and streamed answer.
(cd "$train" && exec env PORT=0 TODO_WEB_DIR="$site" TODO_BACKEND_URL=http://127.0.0.1:9 "$java" "${flags[@]}" \
  -cp "$jar_in_image" dev.todo.frontend.FrontendServer > backend.log 2>&1) &
stand_in=$!
(cd "$train" && exec env PORT=0 TODO_WEB_DIR="$site" TODO_BACKEND_URL="http://127.0.0.1:$(port_of "$train/backend.log")" \
  "$java" "${flags[@]}" -XX:AOTCacheOutput="$cache" -cp "$jar_in_image" dev.todo.frontend.FrontendServer > train.log 2>&1) &
trained=$!
port=$(port_of "$train/train.log")
asset="/_next/static/chunks/$(cd "$site/_next/static/chunks" && ls -- *.js | head -1)"
for round in 1 2 3; do
  for path in /healthz / /login /today /login/__next._tree.txt "$asset" /icon.svg /missing /api/v1/tasks; do
    status=$(get "$path" "$port")
    [ "$round" = 1 ] && echo "train-aot: GET $path: $status"
  done
done
kill -TERM "$trained"
wait "$trained" || true
kill -TERM "$stand_in"
wait "$stand_in" || true
[ -s "$cache" ] || { echo "train-aot: no cache written: $(cat "$train/train.log")" >&2; exit 1; }
echo "train-aot: $(du -h "$cache" | cut -f1) $cache"
