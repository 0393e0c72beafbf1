#!/usr/bin/env bash
# Cold start: from process start to the first 2xx answer of POST /ingest/falco, what a Knative receiver scaled to
# zero costs its first sender. Times RUNS rounds (default 5); each round starts every named configuration once, in
# turn, so a change in the machine's load falls on all of them alike. Prints one line per start (wall time, the
# process's CPU time from /proc/<pid>/stat, the parts of it its JIT compiler threads and its main thread spent, and
# its resident memory, all at the first answer, and the CPU time the polling itself took), then the medians.
# The poller sends the event from bash every 5 ms (a connect through /dev/tcp, refused at once while the app does
# not listen yet) and starts no process, so it takes next to nothing from the two cores the start uses, as a
# Knative queue-proxy's readiness probe takes next to nothing.
#
# Configurations:
#   bare      the bare Micronaut endpoint of the harness (the HTTP floor), `java -cp bench.jar`
#   floor     the bare endpoint with the libraries a receiver needs for its first answer, each used the cheapest
#             way (bench's LibraryFloor: a Lettuce connection made from the start and an XADD per event, a Jackson
#             tree of each event, a Prometheus registry counting them): the libraries' own share of a start
#   floor=PARTS  the same with only the parts named, comma-separated, of redis, json and metrics
#   classes=N the bare endpoint after it defined and linked N classes it never uses, the first of the ingester's start
#             list, read from the ingester jar into a class loader of their own (bench's ExtraClassesEndpoint): what a
#             start pays per class it reads, apart from what the classes do
#   embedded  the ingester jar, both roles, on the embedded default (no Redis, no Kubernetes)
#   receiver  the ingester jar in the receiver role and Redis mode, started plainly: `java -jar`, no archive
#   receiver=JAR  the same from another jar (a build before a change, say), so that both start in the same rounds
#   image     the receiver as the image starts it: the image's JVM (IMAGE_JAVA; by default a JDK 25 found under
#             /usr/lib/jvm, else `java`), its flags (deploy/docker/jvm.args) and its archive, trained first by
#             deploy/docker/cds-training.sh exactly as the image build does
# bare and embedded need no Redis; receiver, image and floor with its redis part start a throw-away redis-server (REDIS_SERVER, default the
# one on the PATH). bare, embedded and receiver run with JAVA_OPTS (default: the image's heap and GC flags).
# COLD_START_PORT picks the port (default 18080; bench/run.sh passes a free one).
# COLD_START_IDLE=PERCENT starts each round only once the machine's CPUs were at least that idle over the last second
# (from /proc/stat), so that rounds fall between the bursts of other work on a shared machine.
# Usage: bench/cold-start.sh [RUNS] [bare] [floor[=PARTS]]... [classes=N]... [embedded] [receiver] [receiver=JAR]... [image]   (no configuration: bare, embedded, receiver and image)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/throwaway-redis.sh
runs=5
if [[ ${1:-} =~ ^[0-9]+$ ]]; then runs=$1; shift; fi
configurations=("$@")
[ ${#configurations[@]} -gt 0 ] || configurations=(bare embedded receiver image)
for configuration in "${configurations[@]}"; do
  case $configuration in bare | floor | floor=* | embedded | receiver | image) ;; classes=*) [[ ${configuration#classes=} =~ ^[0-9]+$ ]] || { echo "classes=N takes a number" >&2; exit 2; } ;; receiver=*) [ -f "${configuration#receiver=}" ] || { echo "no jar ${configuration#receiver=}" >&2; exit 2; } ;; *) echo "unknown configuration $configuration" >&2; exit 2 ;; esac
done

jar=ingester/target/zen-watcher-ingester.jar
bench_jar=bench/target/zen-watcher-bench.jar
[ -f "$jar" ] && [ -f "$bench_jar" ] || ./mvnw -q -B -pl ingester,bench -am -DskipTests package
port=${COLD_START_PORT:-18080}
event=shared/src/test/resources/fixtures/falco/http-output.json
read -r -a opts <<< "${JAVA_OPTS:--XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
image_java=${IMAGE_JAVA:-$(find /usr/lib/jvm -maxdepth 3 -path '*25*/bin/java' 2>/dev/null | sort | head -1)}
image_java=${image_java:-java}
work=$(mktemp -d)
redis_pid=
pid=
cleanup() {
  [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
  [ -z "$redis_pid" ] || kill "$redis_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

needs_redis=false
for configuration in "${configurations[@]}"; do
  [[ $configuration == receiver* || $configuration == image || $configuration == floor || $configuration == floor=*redis* ]] && needs_redis=true
done
if $needs_redis; then
  start_redis "$work"
fi

# Every start gets an empty local sink, as a new install has: the sink reads its whole file while starting.
start() {
  local configuration=$1
  rm -f "$work/observations.jsonl"
  local app=(-micronaut.server.port="$port" -zen-watcher.receiver.allow-unauthenticated-builtins=true)
  local receiver=(env ZEN_WATCHER_ROLES=receiver ZEN_WATCHER_REDIS_URI="redis://127.0.0.1:${redis_port:-}")
  # exec, so that $! is the JVM itself, whose /proc entry is read and which is stopped.
  case $configuration in
    bare) exec java "${opts[@]}" -cp "$bench_jar" io.kubezen.watcher.bench.bare.BareEndpoint -micronaut.server.port="$port" ;;
    floor) exec "${receiver[@]}" java "${opts[@]}" -cp "$bench_jar" io.kubezen.watcher.bench.bare.LibraryFloorEndpoint \
      -micronaut.server.port="$port" ;;
    floor=*) exec "${receiver[@]}" java "${opts[@]}" -Dbench.floor.parts="${configuration#floor=}" -cp "$bench_jar" \
      io.kubezen.watcher.bench.bare.LibraryFloorEndpoint -micronaut.server.port="$port" ;;
    classes=*) exec java "${opts[@]}" -Dbench.extra-classes="${configuration#classes=}" -Dbench.extra-classes.jar="$jar" \
      -cp "$bench_jar" io.kubezen.watcher.bench.bare.ExtraClassesEndpoint -micronaut.server.port="$port" ;;
    embedded) exec java "${opts[@]}" -jar "$jar" "${app[@]}" -zen-watcher.writer.local-sink-path="$work/observations.jsonl" ;;
    receiver) exec "${receiver[@]}" java "${opts[@]}" -jar "$jar" "${app[@]}" ;;
    receiver=*) exec "${receiver[@]}" java "${opts[@]}" -jar "${configuration#receiver=}" "${app[@]}" ;;
    image) exec "${receiver[@]}" "$image_java" @deploy/docker/jvm.args "@$work/archive.args" -jar "$work/app.jar" "${app[@]}" ;;
  esac >"$work/${configuration//\//_}.log" 2>&1 &
  pid=$!
}

# The event as the request body, and its length in bytes (LC_ALL=C: ${#body} then counts bytes).
body=$(<"$event")
body_bytes=$(LC_ALL=C; echo "${#body}")
# A FIFO no one writes to, so that `read -t` on it is a sleep without a process.
mkfifo "$work/sleep"
exec 4<>"$work/sleep"

# One POST /ingest/falco in bash alone; succeeds on a 2xx answer. While the port is closed the connect is refused
# at once, so an attempt before the app listens costs a refused connect and no process.
# A connection the app closes before it has read the request fails the attempt, not the script (SIGPIPE ignored).
post_event() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  local status=000
  trap '' PIPE
  printf 'POST /ingest/falco HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
    "$body_bytes" "$body" >&3 && read -r -t 30 -u 3 _ status _ || status=000
  trap - PIPE
  exec 3<&- 3>&-
  [[ $status == 2* ]]
}

# Sets ticks to the CPU time of this script and of the children it has waited for, in clock ticks: what the
# polling costs. Without a process, so that measuring it costs nothing either.
script_ticks() {
  local stat fields
  read -r stat < "/proc/$$/stat"
  # utime, stime, cutime and cstime are fields 14 to 17, after the name in parentheses.
  read -r -a fields <<< "${stat##*) }"
  ticks=$(( fields[11] + fields[12] + fields[13] + fields[14] ))
}

# Sets ms, cpu (ms), jit (ms, the C1 and C2 compiler threads' share of cpu), main (ms, the main thread's share, which
# builds the application context: what work moved to other threads takes off it), rss (MB) at the first answer and poll
# (ms, the CPU time this script spent polling), then stops the process.
# Polls every 5 ms without starting a process (bash's /dev/tcp, a read with a time-out as the sleep). The curl and
# sleep this replaced took 0.35 to 1.5 s of CPU per start on a busy machine (this: 0.06 to 0.3 s there, 0.02 to
# 0.07 s on a quiet one), from the two cores the start uses.
time_first_ingest() {
  local configuration=$1 begin end ticks
  script_ticks
  poll=$ticks
  begin=${EPOCHREALTIME//[!0-9]/}
  start "$configuration"
  until post_event 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "$configuration exited:" >&2; tail -30 "$work/${configuration//\//_}.log" >&2; exit 1; }
    read -r -t 0.005 -u 4 _ || true
  done
  end=${EPOCHREALTIME//[!0-9]/}
  script_ticks
  poll=$(( (ticks - poll) * 10 ))
  local fields
  # utime and stime are fields 14 and 15, in clock ticks of 1/100 s (USER_HZ); the name before them may hold spaces.
  read -r -a fields <<< "$(sed 's/^.*) //' "/proc/$pid/stat")"
  rss=$(( $(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status") / 1024 ))
  jit=0
  main=0
  local task thread name
  for task in /proc/"$pid"/task/*; do
    name=$(cat "$task/comm" 2>/dev/null) || continue
    read -r -a thread <<< "$(sed 's/^.*) //' "$task/stat" 2>/dev/null)" || continue
    # The launcher's own thread, also named java, waits for the main thread and adds nothing.
    case $name in
      C[12]\ Compiler*) jit=$(( jit + (thread[11] + thread[12]) * 10 )) ;;
      java) main=$(( main + (thread[11] + thread[12]) * 10 )) ;;
    esac
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=
  ms=$(( (end - begin) / 1000 ))
  cpu=$(( (fields[11] + fields[12]) * 10 ))
}

for configuration in "${configurations[@]}"; do
  if [ "$configuration" = image ]; then
    # The training writes its archive beside the jar it runs, so it runs a copy in the work directory; the copy
    # keeps the jar's time stamp (cp -p), which the JVM checks before it maps the archive.
    cp -p "$jar" "$work/app.jar"
    JAVA="$image_java" PORT="$port" REDIS_URI="redis://127.0.0.1:$redis_port" \
      bash deploy/docker/cds-training.sh "$work/app.jar" "$event" >"$work/training.log" 2>&1 \
      || { echo "the training run failed:" >&2; tail -30 "$work/training.log" >&2; exit 1; }
    echo "image: $("$image_java" -version 2>&1 | head -1), $(cat "$work/archive.args")" \
      "($(du -h "$(sed 's/^[^=]*=//' "$work/archive.args")" | cut -f1))"
  fi
done

# Sets idle to the percentage of CPU time the machine spent idle over the last second.
idle_percent() {
  local before after total_before=0 total_after=0 value
  read -r -a before < /proc/stat
  read -r -t 1 -u 4 _ || true
  read -r -a after < /proc/stat
  # cpu user nice system idle iowait irq softirq steal: idle and iowait count as idle.
  for value in "${before[@]:1:8}"; do total_before=$((total_before + value)); done
  for value in "${after[@]:1:8}"; do total_after=$((total_after + value)); done
  idle=$(( 100 * (after[4] + after[5] - before[4] - before[5]) / (total_after - total_before) ))
}

declare -A walls cpus jits mains
for i in $(seq "$runs"); do
  if [ -n "${COLD_START_IDLE:-}" ]; then
    idle_percent
    until [ "$idle" -ge "$COLD_START_IDLE" ]; do idle_percent; done
    echo "round $i: the CPUs were $idle % idle over the last second"
  fi
  for configuration in "${configurations[@]}"; do
    time_first_ingest "$configuration"
    echo "$configuration run $i: $ms ms, cpu $cpu ms (jit $jit ms, main thread $main ms), rss $rss MB, poller $poll ms"
    walls[$configuration]+="$ms "
    cpus[$configuration]+="$cpu "
    jits[$configuration]+="$jit "
    mains[$configuration]+="$main "
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for configuration in "${configurations[@]}"; do
  echo "$configuration median: $(median <<< "${walls[$configuration]}") ms, cpu $(median <<< "${cpus[$configuration]}") ms" \
    "(jit $(median <<< "${jits[$configuration]}") ms, main thread $(median <<< "${mains[$configuration]}") ms) over $runs runs"
done
