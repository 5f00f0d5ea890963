#!/usr/bin/env bash
# Lays out the todo-frontend image's runtime under $2, as the image's root: a jlink'd JRE (java.base, the JDK's HTTP
# server and client, java.logging that the server logs through) at /opt/java, the glibc files ldd says it links
# against, /etc/passwd for uid 10001, /tmp.
# $1 is the JDK that builds it (the build's own, java.home).
set -euo pipefail
jdk="$1"
out="$2"

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"
"$jdk/bin/jlink" --add-modules java.base,java.logging,java.net.http,jdk.httpserver \
  --strip-debug --no-man-pages --no-header-files --compress zip-6 \
  --output "$out/opt/java"
# No default CDS archive (--generate-cds-archive): the AOT cache that train-aot.sh records holds the JDK's classes
# as well as the server's.

# Every shared library the launcher and the JRE's own libraries need from the system (libjvm.so and the other
# libraries inside the JRE show as "not found" here and are skipped), plus the dynamic loader itself.
mapfile -t libs < <(ldd "$out/opt/java/bin/java" "$out"/opt/java/lib/*.so "$out"/opt/java/lib/server/libjvm.so 2>/dev/null \
  | awk -v out="$out" '$2 == "=>" && $3 ~ /^\// && index($3, out) != 1 { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' | sort -u)
for lib in "${libs[@]}"; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done

echo "todo:x:10001:10001:todo:/tmp:/sbin/nologin" > "$out/etc/passwd"
echo "todo:x:10001:" > "$out/etc/group"
echo "make-runtime: $(du -sh "$out" | cut -f1) in $out (JRE $("$out/opt/java/bin/java" -version 2>&1 | head -1); libraries: ${libs[*]})"
