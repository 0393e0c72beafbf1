#!/usr/bin/env bash
# The reliability suite, in one command (docs/reliability.md): builds what is missing, then runs every failure
# scenario, each against a fresh Redis (AOF, fsync on every write), a fresh in-process test API server with the
# project's CRDs, and the packaged ingester and controller jars as processes of their own on loopback. Prints the
# table and keeps it with every process's log in bench/results/reliability-<UTC time>/. Exits non-zero if any
# acknowledged event was lost or duplicated, GC ran on two controllers at once, or a takeover was late.
# Every process it started is stopped on exit, by PID.
#
# Usage: bench/reliability.sh [--quick] [--only scenario,...]
#   --quick    shorter load (20 s at 150 events/s) and a smaller GC set: checks the harness in about 5 minutes
#   --only     runs only these scenarios: writer-kill, ingester-kill, redis-restart, writer-stop, receiver-stop,
#              sentinel-failover, sentinel-failover-no-acks, cluster-failover, cluster-failover-no-acks,
#              leader-gc-stop, leader-gc-kill
set -euo pipefail
cd "$(dirname "$0")/.."

harness_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) harness_args+=("$1") ;;
    --only) harness_args+=("$1" "${2:?--only needs scenario names}"); shift ;;
    -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '[reliability] %s\n' "$*" >&2; }

ingester_jar=ingester/target/zen-watcher-ingester.jar
controller_jar=controller/target/zen-watcher-controller.jar
bench_jar=bench/target/zen-watcher-bench.jar
stale() {
  [ ! -f "$1" ] || [ -n "$(find shared/src ingester/src controller/src bench/src pom.xml shared/pom.xml \
    ingester/pom.xml controller/pom.xml bench/pom.xml -newer "$1" -print -quit)" ]
}
if stale "$ingester_jar" || stale "$controller_jar" || stale "$bench_jar"; then
  log "building the ingester, the controller and the harness"
  ./mvnw -q -B -pl ingester,controller,bench -am -DskipTests package
fi

# The harness starts redis-server from the PATH, else the one bundled in the embedded-redis jar.
if ! command -v redis-server >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "installing redis-server"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) || true
fi

out=bench/results/reliability-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
ln -sfn "$(basename "$out")" bench/results/reliability-latest

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "command: bench/reliability.sh ${harness_args[*]}"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "jdk: $(java -version 2>&1 | head -1)"
  echo "redis: $( (redis-server --version 2>/dev/null || echo 'embedded-redis jar') | head -1)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$out/environment.txt"

harness_pid=
cleanup() {
  # The harness stops its own apps and Redis servers when it ends or gets SIGTERM.
  if [ -n "$harness_pid" ] && kill -0 "$harness_pid" 2>/dev/null; then
    kill "$harness_pid" 2>/dev/null || true
    wait "$harness_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

set +e
java -Xmx1g -cp "$bench_jar" io.kubezen.watcher.bench.reliability.ReliabilityMain \
  --ingester-jar "$ingester_jar" --controller-jar "$controller_jar" --payload bench/payloads/falco-event.json \
  --results "$out" ${harness_args[@]+"${harness_args[@]}"} > >(tee "$out/console.log") 2>"$out/harness.log" &
harness_pid=$!
wait "$harness_pid"
status=$?
harness_pid=
set -e

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/environment.txt"
log "results: $out/results.txt (environment in $out/environment.txt, app logs per scenario)"
exit "$status"
