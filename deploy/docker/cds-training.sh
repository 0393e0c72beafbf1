#!/usr/bin/env bash
# One training run that writes the class archive the app then starts from. Starts the app with the image's flags
# (jvm.args beside this script), waits until it is ready, sends what a running pod serves (health, metrics and,
# for the ingester, one event) and stops it with SIGTERM; the JVM writes the archive as it exits.
# On JDK 25 or later the archive is an AOT cache (JEP 483/514: classes loaded and linked, plus method profiles),
# app.aot; on an older JDK a dynamic AppCDS archive, app.jsa. Either is written beside JAR, together with
# archive.args, the one flag that maps it (the image's ENTRYPOINT reads it: java @/app/archive.args).
# The ingester trains in Redis mode, as production runs: against REDIS_URI if set, else against a throw-away
# redis-server when one is on the PATH.
# Used by the image build (deploy/docker/Dockerfile) and by bench/cold-start.sh. Uses bash's /dev/tcp, because
# the JRE image need not have curl.
# Environment: APP (ingester or controller, default ingester), JAVA (default java), PORT (default 18080).
# Usage: cds-training.sh JAR EVENT_JSON
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(cd "$(dirname "$1")" && pwd)
jar=$dir/$(basename "$1")
event=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
app=${APP:-ingester} java=${JAVA:-java} port=${PORT:-18080}

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

feature=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [ "${feature%%.*}" -ge 25 ]; then
  archive=$dir/app.aot
  train_flags=("-XX:AOTCacheOutput=$archive" -Xlog:aot=error -Xlog:cds=error)
  use_flag=-XX:AOTCache=$archive
else
  archive=$dir/app.jsa
  train_flags=("-XX:ArchiveClassesAtExit=$archive" -Xlog:cds=error)
  use_flag=-XX:SharedArchiveFile=$archive
fi
rm -f "$archive"
pid= redis_pid=
# Whatever happens, nothing started here outlives the script.
trap 'kill $pid $redis_pid 2>/dev/null || true' EXIT

# In Redis mode, as production runs, so that the Lettuce and Netty classes of the Redis path are archived too.
if [ "$app" = ingester ] && [ -z "${REDIS_URI:-}" ] && command -v redis-server >/dev/null; then
  redis-server --port 16379 --bind 127.0.0.1 --save '' --appendonly no --daemonize no >/tmp/cds-redis.log 2>&1 &
  redis_pid=$!
  for _ in $(seq 100); do
    (exec 3<>/dev/tcp/127.0.0.1/16379) 2>/dev/null && break
    sleep 0.1
  done
  REDIS_URI=redis://127.0.0.1:16379
fi
[ -z "${REDIS_URI:-}" ] || export ZEN_WATCHER_REDIS_URI=$REDIS_URI

# Both ingester roles run, the writer into a throw-away local file, so one archive serves the receiver Service
# and the writer Deployment. The controller leads alone, without a Lease; its GC finds no API server here and
# logs so, which is expected.
sink=$(mktemp -d)
cd /tmp
PORT=$port "$java" "@$here/jvm.args" "${train_flags[@]}" -jar "$jar" \
  -zen-watcher.roles=receiver,writer \
  -zen-watcher.receiver.allow-unauthenticated-builtins=true \
  -zen-watcher.writer.local-sink-path="$sink/observations.jsonl" \
  -zen-watcher.leader.enabled=false &
pid=$!
for _ in $(seq 600); do
  http GET /health/readiness 2>/dev/null && break
  kill -0 "$pid" || { echo "the app exited during the training run" >&2; exit 1; }
  sleep 0.1
done
http GET /health/readiness
http GET /prometheus
if [ "$app" = ingester ]; then
  http POST /ingest/falco "$event"
fi
kill -TERM "$pid"
wait "$pid" || true
pid=
rm -rf "$sink"
test -s "$archive"
echo "$use_flag" >"$dir/archive.args"
