#!/usr/bin/env bash
# Copies the web app's static export $1 (web/out) to $2 with a gzip -9 copy of each text file (name.gz next to
# name), which the frontend server sends to clients that accept gzip (as nginx's gzip_static does).
# Used by the image's build (pom.xml) and by deploy/docker/frontend.Dockerfile.
set -euo pipefail
web="$1"
site="$2"

if [ ! -f "$web/index.html" ]; then
  echo "gzip-site: $web/index.html is missing: build the web app first (./mvnw -pl web package)." >&2
  exit 1
fi
rm -rf "$site"
mkdir -p "$(dirname "$site")"
cp -r "$web" "$site"
find "$site" -type f -size +255c \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.txt' -o -name '*.json' \
  -o -name '*.svg' -o -name '*.map' -o -name '*.xml' -o -name '*.webmanifest' \) ! -name csp.json -exec gzip -9 -k -n {} +
echo "gzip-site: $(find "$site" -type f ! -name '*.gz' | wc -l) files, $(find "$site" -name '*.gz' | wc -l) gzipped, in $site"
