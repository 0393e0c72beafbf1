#!/usr/bin/env bash
# Redis instructions per admitted Falco event (docs/benchmarks.md, issue #13): runs a throw-away redis-server (AOF
# everysec, as bench/run.sh starts it) under valgrind's callgrind and counts the instructions the server executes
# for the admission script, for an empty script called with the same arguments, and for the bare data commands an
# admitted event cannot do without (a record and, for a first occurrence, the stream entry). Unlike CPU time, the
# counts do not move with the machine's other load, so two checkouts can be compared on a busy machine.
#
# Usage: bench/redis-instructions.sh [CHECKOUT]   (default: this one; another checkout whose admit.lua takes the same
#        arguments measures its own scripts; for an older one, run that checkout's own copy of this script)
# Environment: ZEN_INSTRUCTIONS_CALLS, script calls per line, 8 events each (default 400; valgrind runs the server
# about 50 times slower than usual, so a line takes a few seconds).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
checkout=$(cd "${1:-$here}" && pwd)
calls=${ZEN_INSTRUCTIONS_CALLS:-400}
for tool in valgrind callgrind_control redis-server redis-benchmark redis-cli; do
  command -v "$tool" >/dev/null || { echo "needs $tool (Debian: valgrind, redis-server, redis-tools)" >&2; exit 2; }
done
resources=$checkout/shared/src/main/resources/io/kubezen/watcher
script=$(cat "$resources/dedup/redis/record-function.lua" "$resources/admission/redis/admit.lua")
observation=$(tr -d '\n' <"$here/bench/payloads/falco-observation.json")

dir=$(mktemp -d)
server=
cleanup() {
  [ -z "$server" ] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  rm -rf "$dir"
}
trap cleanup EXIT

port=$((20000 + RANDOM % 40000))
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$dir/callgrind.out" \
  redis-server --port "$port" --bind 127.0.0.1 --appendonly yes --appendfsync everysec --save '' \
  --dir "$dir" --logfile "$dir/redis.log" >"$dir/valgrind.log" 2>&1 &
server=$!
until redis-cli -p "$port" ping >/dev/null 2>&1; do
  kill -0 "$server" 2>/dev/null || { cat "$dir/valgrind.log" >&2; exit 1; }
  sleep 0.2
done
sha=$(redis-cli -p "$port" script load "$script")
empty=$(redis-cli -p "$port" script load 'return 1')

# One call of 8 Falco events, as a group commit sends them; __rand_int__ makes each record new unless -r is small.
now=1765000000000
head=(1 "$now" 2025-12-06T05:46:40Z)
event=($((now + 300000)) 360000 payments "$observation")
keys=(10 'zw:{s0}:observations' 'zw:{s0}:statuses')
for i in 1 2 3 4 5 6 7 8; do keys+=("zw:{s0}:dedup:falco:fp-$i-__rand_int__"); done
args=("${keys[@]}" 1000000000 30000 8)
hinted=("${args[@]}")
for i in 1 2 3 4 5 6 7 8; do args+=("${head[@]}" "${event[@]}"); done
# A repeat the ingester expects to be one goes without its Observation (admission DESIGN.md).
for i in 1 2 3 4 5 6 7 8; do hinted+=("${head[@]}" "${event[@]:0:3}" ''); done
# The same repeats a minute later with a status interval of 0, which makes every repeat schedule a status update
# (due now plus the interval) and so lists an update in the call's status stream entry, as the first repeat of a
# record in an interval does.
later=(1 $((now + 61234)) 2025-12-06T05:47:41.234Z "${event[@]:0:3}" '')
status=("${keys[@]}" 1000000000 0 8)
for i in 1 2 3 4 5 6 7 8; do status+=("${later[@]}"); done
# The same 8 events in 8 shards, as one call on a single master carries them: 8 streams, each with its length read.
spread=(24)
for i in 0 1 2 3 4 5 6 7; do
  spread+=("zw:{s$i}:observations" "zw:{s$i}:statuses" "zw:{s$i}:dedup:falco:fp-__rand_int__")
done
spread+=(1000000000 30000)
for i in 0 1 2 3 4 5 6 7; do spread+=(1 "${head[@]}" "${event[@]}"); done
fresh=(-r 100000000)
# 8 keys × 50 values: after the first calls every record exists; the fixed time never makes a status update due.
repeats=(-r 50)

# instructions ARGS...: the server's instructions while redis-benchmark runs ARGS (pipelined on one connection).
instructions() {
  rm -f "$dir"/callgrind.out.*
  callgrind_control -z "$server" >/dev/null
  callgrind_control -i on "$server" >/dev/null
  redis-benchmark -p "$port" -c 1 -P 20 "$@" >/dev/null
  callgrind_control -i off "$server" >/dev/null
  callgrind_control -d "$server" >/dev/null
  cat "$dir"/callgrind.out.* | awk '/^totals:/ {n = $2} END {print n}'
}
line() { printf '%-70s %9d instructions/%s\n' "$1" "$2" "${3:-event}"; }
events=$((calls * 8))

redis-benchmark -p "$port" -n 200 -c 1 -P 20 "${repeats[@]}" evalsha "$sha" "${args[@]}" >/dev/null
line "admission script, 8 first occurrences a call" \
  $(( $(instructions -n "$calls" "${fresh[@]}" evalsha "$sha" "${args[@]}") / events ))
line "admission script, 8 first occurrences a call, one in each of 8 shards" \
  $(( $(instructions -n "$calls" "${fresh[@]}" evalsha "$sha" "${spread[@]}") / events ))
line "admission script, 8 repeats a call" \
  $(( $(instructions -n "$calls" "${repeats[@]}" evalsha "$sha" "${args[@]}") / events ))
line "admission script, 8 repeats a call, sent without their Observation" \
  $(( $(instructions -n "$calls" "${repeats[@]}" evalsha "$sha" "${hinted[@]}") / events ))
line "admission script, 8 repeats a call that each schedule a status update" \
  $(( $(instructions -n "$calls" "${repeats[@]}" evalsha "$sha" "${status[@]}") / events ))
line "empty script, the arguments of first occurrences" \
  $(( $(instructions -n "$calls" "${fresh[@]}" evalsha "$empty" "${args[@]}") / events ))
# What a call costs whatever it carries: against the 8-event line, the share of a call that group commit spreads.
single=(3 'zw:{s0}:observations' 'zw:{s0}:statuses' 'zw:{s0}:dedup:falco:fp-1-__rand_int__' 1000000000 30000 1 \
  "${head[@]}" "${event[@]}")
line "admission script, 1 first occurrence a call" \
  $(( $(instructions -n "$calls" "${fresh[@]}" evalsha "$sha" "${single[@]}") / calls ))
line "admission script, 1 repeat a call that schedules a status update" \
  $(( $(instructions -n "$calls" "${repeats[@]}" evalsha "$sha" 3 "${keys[@]:1:3}" 1000000000 0 1 "${later[@]}") \
  / calls ))
line "empty script without arguments" $(( $(instructions -n "$calls" evalsha "$empty" 0) / calls )) call
record=$(instructions -n "$events" -r 100000000 set 'zw:{s0}:dedup:falco:fp-__rand_int__' \
  "$now:$now:$((now + 300000)):0000000000000:1" nx px 360000)
entry=$(instructions -n "$events" xadd 'zw:{s0}:observations' '*' observation "$observation" source falco \
  fingerprint fp firstSeen 2025-12-06T05:46:40Z)
line "data commands alone, first occurrence (SET NX PX, XADD)" $(( (record + entry) / events ))
# Repeats of 1,000 records that exist.
redis-benchmark -p "$port" -n 20000 -c 1 -P 20 -r 1000 set 'zw:{s0}:dedup:falco:r-__rand_int__' \
  "$now:$now:$((now + 300000)):0000000000000:1" px 360000 \
  >/dev/null
line "data commands alone, repeat (SET XX KEEPTTL)" \
  $(( $(instructions -n "$events" -r 1000 set 'zw:{s0}:dedup:falco:r-__rand_int__' \
  "$now:$now:$((now + 300000)):0000000000000:2" xx keepttl) / events ))
