#!/usr/bin/env bash
# Cold start of the ingester: from process start to the first 2xx answer of POST /ingest/falco. Builds the jar
# if needed, runs it RUNS times (default 5) and prints each time and the median.
# --redis starts a throw-away redis-server (REDIS_SERVER, default the one on the PATH) on a free port and runs
# the ingester in Redis mode, as in production; without it the ingester runs on the embedded default.
# --cds first makes a dynamic AppCDS archive from one training run (start, one ingest, health and metrics
# scrapes, SIGTERM), then times runs that map it, as the container image does (deploy/docker/Dockerfile).
# JAVA_OPTS is added to every java command line, e.g. JAVA_OPTS='-XX:TieredStopAtLevel=1'.
# COLD_START_PORT picks the port (default 18080; bench/run.sh passes a free one).
# Usage: bench/cold-start.sh [--redis] [--cds] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
cds=false
redis=false
while [ "${1:-}" = "--cds" ] || [ "${1:-}" = "--redis" ]; do
  case $1 in
    --cds) cds=true ;;
    --redis) redis=true ;;
  esac
  shift
done
runs=${1:-5}
jar=ingester/target/zen-watcher-ingester.jar
[ -f "$jar" ] || ./mvnw -q -B -pl ingester -am -DskipTests package
port=${COLD_START_PORT:-18080}
event=shared/src/test/resources/fixtures/falco/http-output.json
log=/tmp/zen-watcher-cold-start.log
# Every start gets an empty local sink, as a new install has: the sink reads its whole file while starting, so
# the Observations of earlier trials in ./data would otherwise be measured too.
sink_dir=$(mktemp -d)
trap 'rm -rf "$sink_dir"' EXIT
read -r -a opts <<< "${JAVA_OPTS:-}"

if $redis; then
  redis_port=$((20000 + RANDOM % 40000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null; do redis_port=$((20000 + RANDOM % 40000)); done
  "${REDIS_SERVER:-redis-server}" --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >/tmp/zen-watcher-cold-start-redis.log 2>&1 &
  redis_pid=$!
  trap 'kill "$redis_pid" 2>/dev/null || true; rm -rf "$sink_dir"' EXIT
  until (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null; do
    kill -0 "$redis_pid" 2>/dev/null || { echo "redis-server exited; see /tmp/zen-watcher-cold-start-redis.log" >&2; exit 1; }
    sleep 0.05
  done
  export ZEN_WATCHER_REDIS_URI="redis://127.0.0.1:$redis_port"
fi

start_ingester() {
  rm -f "$sink_dir/observations.jsonl"
  java "${opts[@]}" "$@" -jar "$jar" -micronaut.server.port=$port \
    -zen-watcher.receiver.allow-unauthenticated-builtins=true \
    -zen-watcher.writer.local-sink-path="$sink_dir/observations.jsonl" >"$log" 2>&1 &
  pid=$!
}

await_first_ingest() {
  until curl -fs -o /dev/null -H 'Content-Type: application/json' --data-binary @"$event" \
      "http://127.0.0.1:$port/ingest/falco"; do
    kill -0 "$pid" 2>/dev/null || { echo "ingester exited; see $log" >&2; exit 1; }
    sleep 0.005
  done
}

if $cds; then
  archive=ingester/target/zen-watcher-ingester.jsa
  rm -f "$archive"
  start_ingester -XX:ArchiveClassesAtExit="$archive"
  await_first_ingest
  curl -fs -o /dev/null "http://127.0.0.1:$port/health/readiness"
  curl -fs -o /dev/null "http://127.0.0.1:$port/prometheus"
  # The archive is written while the JVM exits, so wait for it rather than for the port to close.
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  [ -f "$archive" ] || { echo "no archive written; see $log" >&2; exit 1; }
  echo "archive: $archive ($(du -h "$archive" | cut -f1))"
  opts+=(-XX:SharedArchiveFile="$archive")
fi

times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  start_ingester
  await_first_ingest
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median: ${median} ms over $runs runs"
