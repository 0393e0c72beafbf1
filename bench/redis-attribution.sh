#!/usr/bin/env bash
# Where the Redis CPU of one admitted Falco event goes (docs/benchmarks.md, issue #13): runs redis-benchmark against a
# throw-away redis-server (AOF everysec, as bench/run.sh starts it) and prints the server's own CPU time per call
# (INFO cpu, user + sys, all threads) for PING, an empty script called with the admission script's arguments, and
# the admission script itself (first occurrences, repeats, AOF on and off, one and eight requests per call), then
# the INFO commandstats of the script's own commands. Repeats are measured twice: with the Observation, and without
# it, as the store sends an event whose record it recently saw inside its window.
#
# Usage: bench/redis-attribution.sh [CHECKOUT]   (default: this one; another checkout whose admit.lua takes the same
#        arguments per event measures its own scripts)
# Environment: ZEN_ATTRIBUTION_CALLS, calls per measurement (default 50000).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
checkout=$(cd "${1:-$here}" && pwd)
calls=${ZEN_ATTRIBUTION_CALLS:-50000}
resources=$checkout/shared/src/main/resources/io/kubezen/watcher
script=$(cat "$resources/dedup/redis/record-function.lua" "$resources/admission/redis/admit.lua")
observation=$(tr -d '\n' <"$here/bench/payloads/falco-observation.json")

dir=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT

# Starts a redis-server with appendonly $1; sets port.
start() {
  port=$((20000 + RANDOM % 40000))
  redis-server --port "$port" --bind 127.0.0.1 --appendonly "$1" --appendfsync everysec --save '' \
    --dir "$dir" --logfile "$dir/redis-$port.log" &
  pids+=("$!")
  until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
}

cpu() { redis-cli -p "$port" info cpu | tr -d '\r' | awk -F: '/^used_cpu_(user|sys):/ {s += $2} END {printf "%.6f", s}'; }

# measure LABEL EVENTS_PER_CALL redis-benchmark-args...: Redis CPU µs per call and per event, over fresh data; the
# same number of events whatever the events per call.
measure() {
  local label=$1 events=$2 n=$((calls / $2)) before after; shift 2
  redis-cli -p "$port" flushall >/dev/null
  redis-cli -p "$port" config resetstat >/dev/null
  before=$(cpu)
  redis-benchmark -p "$port" -n "$n" "$@" >/dev/null
  after=$(cpu)
  awk -v b="$before" -v a="$after" -v n="$n" -v e="$events" -v l="$label" \
    'BEGIN {printf "%-58s %7.2f µs/call %7.2f µs/event\n", l, (a - b) * 1e6 / n, (a - b) * 1e6 / n / e}'
}

# One Falco event's keys and arguments; __rand_int__ makes each call's record a new one, unless -r is small.
now=1765000000000
head=("$now" 2025-12-06T05:46:40Z)
event=($((now + 300000)) 360000 payments "$observation")
one=(3 'zw:{s0}:observations' 'zw:{s0}:statuses' 'zw:{s0}:dedup:falco:fp-__rand_int__' 1000000000 30000 1 1 \
  "${head[@]}" "${event[@]}")
many=(10 'zw:{s0}:observations' 'zw:{s0}:statuses')
for i in 1 2 3 4 5 6 7 8; do many+=("zw:{s0}:dedup:falco:fp-$i-__rand_int__"); done
many+=(1000000000 30000 8)
for i in 1 2 3 4 5 6 7 8; do many+=(1 "${head[@]}" "${event[@]}"); done
# The same calls with an empty Observation, as the store sends an expected repeat.
one_hinted=("${one[@]:0:$((${#one[@]} - 1))}" '')
many_hinted=()
for arg in "${many[@]}"; do
  if [ "$arg" = "$observation" ]; then many_hinted+=(''); else many_hinted+=("$arg"); fi
done

# measure_repeats LABEL EVENTS_PER_CALL KEYS-AND-ARGS...: as measure, with -r 10, over the records those keys name,
# made first by one call each that carries the Observation; so a call without it finds a repeat.
measure_repeats() {
  local label=$1 events=$2 n=$((calls / $2)) before after i; shift 2
  redis-cli -p "$port" flushall >/dev/null
  for i in $(seq 0 9); do
    local -a seeded=()
    local arg
    for arg in "$@"; do seeded+=("${arg//__rand_int__/$(printf %012d "$i")}"); done
    # The hinted arguments with their Observation back: each event's last argument.
    local j
    for j in "${!seeded[@]}"; do [ -z "${seeded[$j]}" ] && seeded[$j]=$observation; done
    redis-cli -p "$port" evalsha "$sha" "${seeded[@]}" >/dev/null
  done
  redis-cli -p "$port" config resetstat >/dev/null
  before=$(cpu)
  redis-benchmark -p "$port" -n "$n" "${pipelined[@]}" -r 10 evalsha "$sha" "$@" >/dev/null
  after=$(cpu)
  awk -v b="$before" -v a="$after" -v n="$n" -v e="$events" -v l="$label" \
    'BEGIN {printf "%-58s %7.2f µs/call %7.2f µs/event\n", l, (a - b) * 1e6 / n, (a - b) * 1e6 / n / e}'
}

pipelined=(-c 1 -P 50)
fresh=(-r 100000000)
repeats=(-r 10)

for aof in yes no; do
  start "$aof"
  sha=$(redis-cli -p "$port" script load "$script")
  empty=$(redis-cli -p "$port" script load 'return 1')
  echo "== appendonly $aof"
  if [ "$aof" = yes ]; then
    measure "PING, 50 connections, one command each in flight" 1 -c 50 ping
    measure "PING, one connection, 50 pipelined" 1 "${pipelined[@]}" ping
    measure "empty script, the admission arguments, 50 connections" 1 -c 50 "${fresh[@]}" evalsha "$empty" "${one[@]}"
    measure "empty script, the admission arguments, pipelined" 1 "${pipelined[@]}" "${fresh[@]}" evalsha "$empty" "${one[@]}"
    measure "empty script, the arguments but a 1-byte Observation" 1 "${pipelined[@]}" "${fresh[@]}" \
      evalsha "$empty" "${one[@]:0:$((${#one[@]} - 1))}" x
    measure "admission, first occurrences, 50 connections" 1 -c 50 "${fresh[@]}" evalsha "$sha" "${one[@]}"
    measure "admission, repeats, 50 connections" 1 -c 50 "${repeats[@]}" evalsha "$sha" "${one[@]}"
  fi
  measure "admission, first occurrences, pipelined" 1 "${pipelined[@]}" "${fresh[@]}" evalsha "$sha" "${one[@]}"
  [ "$aof" = yes ] && redis-cli -p "$port" info commandstats | tr -d '\r' | grep -v 'flushall\|config\|info' |
    sed 's/,rejected_calls.*//; s/^/    /'
  measure "admission, repeats, pipelined" 1 "${pipelined[@]}" "${repeats[@]}" evalsha "$sha" "${one[@]}"
  [ "$aof" = yes ] && redis-cli -p "$port" info commandstats | tr -d '\r' | grep -v 'flushall\|config\|info' |
    sed 's/,rejected_calls.*//; s/^/    /'
  measure_repeats "admission, repeats without the Observation, pipelined" 1 "${one_hinted[@]}"
  if [ "$aof" = yes ]; then
    measure "admission, 8 first occurrences per call, pipelined" 8 "${pipelined[@]}" "${fresh[@]}" evalsha "$sha" "${many[@]}"
    measure "admission, 8 repeats per call, pipelined" 8 "${pipelined[@]}" "${repeats[@]}" evalsha "$sha" "${many[@]}"
    measure_repeats "admission, 8 repeats per call without the Observation" 8 "${many_hinted[@]}"
  fi
done
