#!/usr/bin/env bash
# Image build only: one training run that writes a dynamic AppCDS archive. Starts the app with the same
# flags as the image's ENTRYPOINT, waits until it is ready, sends what a running pod serves (health,
# metrics and, for the ingester, one event) and stops it with SIGTERM; the JVM writes the archive as it exits.
# With a redis-server on the PATH the ingester runs in Redis mode against a throw-away one.
# Uses bash's /dev/tcp, because the JRE image need not have curl.
# Usage: APP=ingester|controller cds-training.sh JAR ARCHIVE EVENT_JSON
set -euo pipefail
jar=$1 archive=$2 event=$3
port=18080

http() { # METHOD PATH [BODY_FILE]; succeeds on a 2xx answer
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  local length=0
  [ -n "${3:-}" ] && length=$(wc -c < "$3")
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %s\r\nConnection: close\r\n\r\n' \
    "$1" "$2" "$length" >&3
  [ -n "${3:-}" ] && cat "$3" >&3
  local status
  read -r _ status _ <&3 || status=000
  exec 3<&- 3>&-
  [[ $status == 2* ]]
}

# Production ingesters run in Redis mode, so the training run does too when the stage has a redis-server:
# the Lettuce and Netty classes of the Redis path then come from the archive as well.
if [ "$APP" = ingester ] && command -v redis-server >/dev/null; then
  redis-server --port 16379 --bind 127.0.0.1 --save '' --appendonly no --daemonize no >/tmp/cds-redis.log 2>&1 &
  redis_pid=$!
  trap 'kill "$redis_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 100); do
    (exec 3<>/dev/tcp/127.0.0.1/16379) 2>/dev/null && break
    sleep 0.1
  done
  export ZEN_WATCHER_REDIS_URI=redis://127.0.0.1:16379
fi

# Both ingester roles run, the writer into a throw-away local file. The controller leads alone, without a
# Lease; its GC finds no API server here and logs so, which is expected.
cd /tmp
PORT=$port java -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp \
  -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=error -jar "$jar" \
  -zen-watcher.receiver.allow-unauthenticated-builtins=true \
  -zen-watcher.writer.local-sink-path=/tmp/cds-training/observations.jsonl \
  -zen-watcher.leader.enabled=false &
pid=$!
for _ in $(seq 600); do
  http GET /health/readiness 2>/dev/null && break
  kill -0 "$pid" || { echo "the app exited during the training run" >&2; exit 1; }
  sleep 0.1
done
http GET /health/readiness
http GET /prometheus
if [ "$APP" = ingester ]; then
  http POST /ingest/falco "$event"
fi
kill -TERM "$pid"
wait "$pid" || true
test -s "$archive"
