#!/usr/bin/env bash
# medoc load test on loopback (issue 15): public search and single-file download at 64 concurrent connections for
# 30 s each with wrk, then one bulk download of about 10 GB streamed to /dev/null while the server's heap is sampled.
# Not part of any test run. From the repository root, after `./mvnw -B -o package -pl planner-ui -am -DskipTests`:
#
#   bench/load/load-test.sh [gigabytes=10] [seconds=30] [connections=64]
#
# It starts the packaged application (planner-ui/target/medoc.jar, or MEDOC_JAR) on a fresh data directory
# (WORK, default /tmp/medoc-load; the generated files are kept there for the next run), ingests testdata/fits and the
# generated large files with `medoc ingest` (REUSE=1 keeps the archive of the last run), and starts the server with -Xmx512m (MEDOC_HEAP) on a free port.
# The anonymous limits of docs/security.md would turn most of 64 connections' requests into 429 answers by design, so
# the server runs with them raised: --medoc.limits.requests-per-second=1000000 and
# --medoc.limits.concurrent-downloads-per-client=8; everything else is the default configuration.
set -euo pipefail

GIGABYTES=${1:-10}
SECONDS_PER_RUN=${2:-30}
CONNECTIONS=${3:-64}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${MEDOC_JAR:-$ROOT/planner-ui/target/medoc.jar}
WORK=${WORK:-/tmp/medoc-load}
HEAP=${MEDOC_HEAP:-512m}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
LIMITS=(--medoc.limits.requests-per-second=1000000 --medoc.limits.concurrent-downloads-per-client=8 --medoc.demo=false)
DATA=$WORK/data

[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -B -o package -pl planner-ui -am -DskipTests first"; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)"; exit 2; }
mkdir -p "$WORK"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== generating ${GIGABYTES} GB of large FITS files"
python3 "$ROOT/bench/load/make-large-fits.py" "$WORK/large-$GIGABYTES" "$GIGABYTES"

if [ "${REUSE:-0}" = 1 ] && [ -d "$DATA" ]; then
  echo "== reusing the archive of the last run in $DATA (REUSE=1)"
else
  rm -rf "$DATA"
  echo "== ingesting testdata/fits and the large files"
  start=$(date +%s)
  "$JAVA" -jar "$JAR" ingest "$ROOT/testdata/fits" "$WORK/large-$GIGABYTES" --medoc.data-dir="$DATA" "${LIMITS[@]}" \
      > "$WORK/ingest.log" 2>&1 || { tail -20 "$WORK/ingest.log"; exit 1; }
  echo "ingest took $(( $(date +%s) - start )) s: $(tail -1 "$WORK/ingest.log")"
fi

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$JAVA" -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --medoc.data-dir="$DATA" "${LIMITS[@]}" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
BASE=http://127.0.0.1:$PORT
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "$BASE/api/v1/observations?size=1" && break
  kill -0 $SERVER 2>/dev/null || { tail -30 "$WORK/server.log"; exit 1; }
  sleep 1
done
echo "== server pid $SERVER on port $PORT, heap -Xmx$HEAP"

ids() { # ids of the observations a search finds
  curl -fs "$BASE/api/v1/observations?$1" | python3 -c 'import json, sys; print(" ".join(str(o["id"]) for o in json.load(sys.stdin)["items"]))'
}
SMALL=$(ids "instrument=AIA&size=100")
LARGE=$(curl -fs "$BASE/api/v1/observations?instrument=EIT&size=1000" | python3 -c '
import json, sys
print(" ".join(str(o["id"]) for o in json.load(sys.stdin)["items"] if o["size"] > 100_000_000))')

echo "== warm-up: 10 s of search and file download, not reported"
wrk -t2 -c"$CONNECTIONS" -d10s --timeout 10s "$BASE/api/v1/observations?instrument=AIA&wavelength=171&size=20" > /dev/null
MEDOC_PATHS=$(for id in $SMALL; do printf '/api/v1/observations/%s/file,' "$id"; done) \
  wrk -t2 -c"$CONNECTIONS" -d10s --timeout 10s -s "$ROOT/bench/load/wrk-report.lua" "$BASE/" > /dev/null

echo "== public search, $CONNECTIONS connections, ${SECONDS_PER_RUN} s"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 10s -s "$ROOT/bench/load/wrk-report.lua" \
    "$BASE/api/v1/observations?instrument=AIA&wavelength=171&size=20"

echo "== single-file download (AIA sample files, with Range-less GETs), $CONNECTIONS connections, ${SECONDS_PER_RUN} s"
MEDOC_PATHS=$(for id in $SMALL; do printf '/api/v1/observations/%s/file,' "$id"; done) \
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 10s -s "$ROOT/bench/load/wrk-report.lua" "$BASE/"

echo "== bulk download of $(echo $LARGE | wc -w) large files as one tar to /dev/null, heap sampled every 2 s"
BODY="{\"ids\": [$(echo $LARGE | tr ' ' ',')]}"
heap() { "$JCMD" $SERVER GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc '0-9'; }
echo "heap used before: $(( $(heap) / 1024 )) MB"
curl -sS -o /dev/null -H 'Content-Type: application/json' -d "$BODY" \
    -w 'bulk: HTTP %{http_code}, %{size_download} bytes in %{time_total} s (%{speed_download} B/s)\n' \
    "$BASE/api/v1/downloads?format=tar" > "$WORK/bulk.txt" &
# the tar holds the files, their headers and a SHA256SUMS entry: expected size is a little over the files' sum
echo "files to send: $(curl -fs "$BASE/api/v1/observations?instrument=EIT&size=1000" | python3 -c '
import json, sys
print(sum(o["size"] for o in json.load(sys.stdin)["items"] if o["size"] > 100_000_000))') bytes"
CURL=$!
: > "$WORK/heap.txt"
while kill -0 $CURL 2>/dev/null; do
  heap >> "$WORK/heap.txt"; echo >> "$WORK/heap.txt"
  sleep 2
done
wait $CURL
cat "$WORK/bulk.txt"
sort -n "$WORK/heap.txt" | awk 'NF { v[n++] = $1 } END { if (n) printf "heap used during the download (%d samples): min %d MB, median %d MB, max %d MB\n", n, v[0]/1024, v[int(n/2)]/1024, v[n-1]/1024 }'
echo "heap used after: $(( $(heap) / 1024 )) MB"
grep -c ' ERROR ' "$WORK/server.log" | sed 's/^/server log ERROR lines: /' || true
