#!/usr/bin/env bash
# The benchmark, in one command (docs/benchmarks.md): builds what is missing, starts Redis (AOF on), the
# ingester (Redis mode) and the bare Micronaut endpoint on loopback, runs every registered scenario, prints
# the table and keeps it with all logs in bench/results/<UTC time>/ (bench/results/latest points there).
# Every run stops by itself; everything it started is stopped on exit, by PID.
#
# Usage: bench/run.sh [--quick] [--profile] [--only scenario,...] [--redis standalone|cluster]
#                     [--writer embedded|process|none] [--idle PERCENT]
#   --quick    one 5 s run per scenario after a 3 s warm-up (about 3 minutes): checks the harness, not the figures
#   --profile  records the ingester with JFR during the measured runs of its scenarios (adds JFR's overhead)
#   --only     runs only these scenarios (names as in the table)
#   --redis    cluster: a local Redis Cluster of three masters (no replicas, each with AOF) instead of one server;
#              the ingester runs with zen-watcher.redis.mode=cluster; only falco, k8s-audit and ceiling, by default
#   --writer   embedded (default): the ingester also writes, its writer sharing the cores with its receiver;
#              process: the ingester only receives and a writer process drains the queue, as deployed, so the
#              ingester's RSS and CPU are a receiver's alone;
#              none: the ingester only receives and nothing writes: the receive path's own cost, Redis's included
#              (each run starts from an empty Redis, and the queue holds 4,000,000 entries, what one run accepts)
#   --idle     starts each run (and each cold-start round) only once the CPUs were at least PERCENT idle over a
#              second, or after 2 minutes: on a machine shared with other work, so that runs fall between its bursts
# Environment: ZEN_BENCH_JAVA_OPTS, the heap flags of the ingester, the writer and the bare endpoint (default below).
set -euo pipefail
cd "$(dirname "$0")/.."

java_opts=${ZEN_BENCH_JAVA_OPTS:--Xms64m -Xmx192m -XX:+UseSerialGC}
harness_args=()
redis_topology=standalone
writer=embedded
while [ $# -gt 0 ]; do
  case "$1" in
    --quick | --profile) harness_args+=("$1") ;;
    --only) harness_args+=("$1" "${2:?--only needs scenario names}"); shift ;;
    --idle) harness_args+=("$1" "${2:?--idle needs a percentage}"); shift ;;
    --redis) redis_topology=${2:?--redis needs standalone or cluster}; shift ;;
    --writer) writer=${2:?--writer needs embedded, process or none}; shift ;;
    -h | --help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$redis_topology" in
  standalone) ;;
  cluster)
    # The Redis-only scenarios talk to one server; a Cluster node would answer MOVED.
    [[ " ${harness_args[*]} " == *" --only "* ]] || harness_args+=(--only falco,k8s-audit,ceiling) ;;
  *) echo "--redis is standalone or cluster, not $redis_topology" >&2; exit 2 ;;
esac
# With no writer a run's entries stay queued until the next run's flush: k8s-audit here fills about 80 % of the
# default capacity (1,000,000), so a faster machine's run would meet 503s; four times that holds about 8 GB in Redis.
queue_capacity=1000000
case "$writer" in
  embedded) ingester_roles=receiver,writer ;;
  process) ingester_roles=receiver ;;
  none) ingester_roles=receiver; queue_capacity=4000000 ;;
  *) echo "--writer is embedded, process or none, not $writer" >&2; exit 2 ;;
esac

log() { printf '[bench] %s\n' "$*" >&2; }

# Installs a Debian package when its tool is missing and we may (root with apt); otherwise says what to do.
ensure_tool() {
  local tool=$1 package=$2
  command -v "$tool" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing $package for $tool"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null) || true
  fi
  command -v "$tool" >/dev/null 2>&1
}

# The redis-server of the embedded-redis jar in the local Maven repository, for machines without the package.
embedded_redis() {
  local jar arch
  jar=$(find "${HOME}/.m2/repository/com/github/codemonstur/embedded-redis" -name 'embedded-redis-*.jar' 2>/dev/null | sort | tail -1)
  case "$(uname -m)" in
    x86_64) arch=6.2.6-v5-linux-amd64 ;;
    aarch64) arch=6.2.7-linux-arm64 ;;
    *) return 1 ;;
  esac
  [ -n "$jar" ] || return 1
  unzip -p "$jar" "redis-server-$arch" >"$out/redis-server" && chmod +x "$out/redis-server" && echo "$out/redis-server"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    port_open "$port" || { echo "$port"; return; }
  done
}

# Waits until `check` succeeds, failing with the process's log if it dies or 120 s pass.
wait_until() {
  local what=$1 pid=$2 logfile=$3; shift 3
  for _ in $(seq 1200); do
    "$@" && return 0
    kill -0 "$pid" 2>/dev/null || { log "$what exited; its log:"; tail -30 "$logfile" >&2; exit 1; }
    sleep 0.1
  done
  log "$what not ready after 120 s; its log:"; tail -30 "$logfile" >&2; exit 1
}

ingester_jar=ingester/target/zen-watcher-ingester.jar
bench_jar=bench/target/zen-watcher-bench.jar
stale() { [ ! -f "$1" ] || [ -n "$(find shared/src ingester/src bench/src pom.xml ingester/pom.xml bench/pom.xml -newer "$1" -print -quit)" ]; }
if stale "$ingester_jar" || stale "$bench_jar"; then
  log "building the ingester and the harness"
  ./mvnw -q -B -pl ingester,bench -am -DskipTests package
fi

ensure_tool wrk wrk || log "wrk is missing: the HTTP scenarios will be skipped (apt-get install wrk)"
ensure_tool redis-benchmark redis-tools || log "redis-benchmark is missing: the redis-ceiling scenario will be skipped"

out=bench/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
ln -sfn "$(basename "$out")" bench/results/latest

redis_server=$(command -v redis-server || true)
if [ -z "$redis_server" ] && ensure_tool redis-server redis-server; then
  redis_server=$(command -v redis-server)
fi
[ -n "$redis_server" ] || redis_server=$(embedded_redis) || { log "no redis-server: apt-get install redis-server"; exit 1; }

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -f "$out/observations.jsonl"
  # Redis's data (its AOF, hundreds of MB a run) is the load's, not a result; left behind, the runs' files grew to
  # tens of GB, and the next run began while the kernel was still writing them back.
  local dir
  for dir in "$out"/redis "$out"/redis-*; do
    [ ! -d "$dir" ] || rm -rf "$dir"
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts a redis-server with AOF on, its data in $out/redis<suffix>, extra flags after the suffix; sets redis_port.
start_redis() {
  local suffix=$1; shift
  redis_port=$(free_port)
  mkdir -p "$out/redis$suffix"
  "$redis_server" --port "$redis_port" --bind 127.0.0.1 --appendonly yes --appendfsync everysec --save '' \
    --dir "$PWD/$out/redis$suffix" --logfile "$PWD/$out/redis$suffix.log" "$@" &
  pids+=("$!")
  wait_until redis-server "$!" "$out/redis$suffix.log" port_open "$redis_port"
}

cluster_ok() {
  local port
  for port in "$@"; do
    redis-cli -p "$port" cluster info 2>/dev/null | grep -q 'cluster_state:ok' || return 1
  done
}

if [ "$redis_topology" = cluster ]; then
  ensure_tool redis-cli redis-tools || { log "--redis cluster needs redis-cli (apt-get install redis-tools)"; exit 1; }
  ports=()
  for node in 1 2 3; do
    start_redis "-$node" --cluster-enabled yes --cluster-config-file nodes.conf --cluster-port "$(free_port)"
    ports+=("$redis_port")
  done
  redis-cli --cluster create "${ports[@]/#/127.0.0.1:}" --cluster-yes >"$out/cluster-create.log" 2>&1
  wait_until "Redis Cluster" "${pids[-1]}" "$out/cluster-create.log" cluster_ok "${ports[@]}"
  ingester_redis=$(IFS=,; echo "redis://${ports[*]/#/127.0.0.1:}")
  harness_redis=$(IFS=,; echo "${ports[*]/#/redis://127.0.0.1:}")
else
  start_redis ""
  ingester_redis="redis://127.0.0.1:$redis_port"
  harness_redis=$ingester_redis
fi

ingester_port=$(free_port)
# The writer's embedded sink keeps the name and status of every Observation in its file in memory, so its file is
# the run's own: one left by earlier runs in ./data would be read back at start. With --writer process that index
# is a writer process's, as deployed (Knative receivers, KEDA writers), not the measured receiver's.
# shellcheck disable=SC2086 # java_opts is a list of flags
ZEN_WATCHER_REDIS_URI="$ingester_redis" ZEN_WATCHER_REDIS_MODE="$redis_topology" java $java_opts -jar "$ingester_jar" \
  -micronaut.server.port="$ingester_port" -zen-watcher.roles="$ingester_roles" \
  -zen-watcher.store.queue-capacity="$queue_capacity" -zen-watcher.receiver.allow-unauthenticated-builtins=true \
  -zen-watcher.writer.local-sink-path="$out/observations.jsonl" >"$out/ingester.log" 2>&1 &
ingester_pid=$!
pids+=("$ingester_pid")
if [ "$writer" = process ]; then
  writer_port=$(free_port)
  # shellcheck disable=SC2086
  ZEN_WATCHER_REDIS_URI="$ingester_redis" ZEN_WATCHER_REDIS_MODE="$redis_topology" java $java_opts -jar "$ingester_jar" \
    -micronaut.server.port="$writer_port" -zen-watcher.roles=writer \
    -zen-watcher.writer.local-sink-path="$out/observations.jsonl" >"$out/writer.log" 2>&1 &
  writer_pid=$!
  pids+=("$writer_pid")
fi

ceiling_port=$(free_port)
# shellcheck disable=SC2086
java $java_opts -cp "$bench_jar" io.kubezen.watcher.bench.bare.BareEndpoint -micronaut.server.port="$ceiling_port" \
  >"$out/ceiling.log" 2>&1 &
ceiling_pid=$!
pids+=("$ceiling_pid")

wait_until ingester "$ingester_pid" "$out/ingester.log" \
  curl -fso /dev/null "http://127.0.0.1:$ingester_port/health/readiness"
if [ "$writer" = process ]; then
  wait_until writer "$writer_pid" "$out/writer.log" curl -fso /dev/null "http://127.0.0.1:$writer_port/health/readiness"
fi
wait_until "bare endpoint" "$ceiling_pid" "$out/ceiling.log" port_open "$ceiling_port"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "command: bench/run.sh ${harness_args[*]} --redis $redis_topology --writer $writer"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "jdk: $(java -version 2>&1 | head -1)"
  echo "redis: $("$redis_server" --version), $redis_topology"
  echo "wrk: $( (wrk -v 2>&1 || true) | head -1)"
  echo "ingester ($ingester_roles), writer and bare endpoint flags: $java_opts"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$out/environment.txt"

# cold-start.sh --redis starts its own redis-server from this binary.
REDIS_SERVER="$redis_server" java -Xmx1g -cp "$bench_jar" io.kubezen.watcher.bench.BenchMain \
  --ingester "http://127.0.0.1:$ingester_port" --ceiling "http://127.0.0.1:$ceiling_port" \
  --redis "$harness_redis" --ingester-pid "$ingester_pid" --results "$out" --bench-dir bench \
  --ingester-jar "$ingester_jar" \
  ${harness_args[@]+"${harness_args[@]}"} 2>&1 | tee "$out/console.log"

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/environment.txt"
log "results: $out/results.txt (environment in $out/environment.txt)"
