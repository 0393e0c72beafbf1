#!/usr/bin/env bash
# Cold start of the ingester: from process start to the first 2xx answer of POST /ingest/falco, on the
# embedded default. Builds the jar if needed, runs it RUNS times (default 5) and prints each time and the median.
# Usage: bench/cold-start.sh [RUNS]   (COLD_START_PORT picks the port, default 18080; bench/run.sh passes a free one)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=ingester/target/zen-watcher-ingester.jar
[ -f "$jar" ] || ./mvnw -q -B -pl ingester -am -DskipTests package
port=${COLD_START_PORT:-18080}
event=shared/src/test/resources/fixtures/falco/http-output.json
times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  java -jar "$jar" -micronaut.server.port=$port -zen-watcher.receiver.allow-unauthenticated-builtins=true \
    >/tmp/zen-watcher-cold-start.log 2>&1 &
  pid=$!
  until curl -fs -o /dev/null -H 'Content-Type: application/json' --data-binary @"$event" \
      "http://127.0.0.1:$port/ingest/falco"; do
    sleep 0.005
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median: ${median} ms over $runs runs"
