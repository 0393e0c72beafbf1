#!/usr/bin/env bash
# Writes the list of classes that the ingester's ClassPreloader loads at start: every class a receiver loads on its way
# to its first answer that does not come from the JDK's class-data archive, in the order it loads them. Starts the
# ingester jar as bench/cold-start.sh's `receiver` does (receiver role, Redis mode against a throw-away redis-server,
# `java -jar` on the java of the PATH, the preloader off), with -Xlog:class+load, sends it one Falco event, and keeps
# the classes loaded until the answer, leaving out those made at run time (lambdas, proxies, method handle forms).
# Run it after a dependency upgrade or a change of what the receiver does at start, then rebuild the jar: a stale list
# only costs start time (docs/benchmarks.md, "Seventh pass").
# Usage: bench/start-classes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/throwaway-redis.sh
jar=ingester/target/zen-watcher-ingester.jar
list=ingester/src/main/resources/io/kubezen/watcher/ingester/startup/start-classes.txt
event=shared/src/test/resources/fixtures/falco/http-output.json
[ -f "$jar" ] || ./mvnw -q -B -pl ingester -am -DskipTests package
read -r -a opts <<< "${JAVA_OPTS:--XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
work=$(mktemp -d)
redis_pid=
app_pid=
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  [ -z "$redis_pid" ] || kill "$redis_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

start_redis "$work"
port=$(free_port)
ZEN_WATCHER_ROLES=receiver ZEN_WATCHER_REDIS_URI="redis://127.0.0.1:$redis_port" \
  java "${opts[@]}" -Dzen-watcher.preload-classes=false -Xlog:class+load:file="$work/classes.log" -jar "$jar" \
  -micronaut.server.port="$port" -zen-watcher.receiver.allow-unauthenticated-builtins=true >"$work/app.log" 2>&1 &
app_pid=$!
until curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary "@$event" \
    "http://127.0.0.1:$port/ingest/falco"; do
  kill -0 "$app_pid" 2>/dev/null || { echo "the ingester exited:" >&2; tail -30 "$work/app.log" >&2; exit 1; }
  sleep 0.05
done
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=

# A line reads "[0.123s][info][class,load] NAME source: WHERE"; WHERE is "shared objects file" for the JDK's archive,
# the jar or the JDK's modules (file:, jrt:) for classes read from them, and something else for those made at run
# time (lambdas, proxies, method handle forms), which cannot be loaded by name.
awk '$3 == "source:" && $4 ~ /^(file|jrt):/ { print $2 }' "$work/classes.log" >"$list"
echo "$(wc -l <"$list") classes written to $list"
