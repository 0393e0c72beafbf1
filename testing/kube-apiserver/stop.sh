#!/usr/bin/env bash
# Stops what start.sh started in WORK_DIR (kube-apiserver first, then etcd: SIGTERM, and
# SIGKILL after 10 s); with --clean, kills both at once (the data is thrown away, so there is
# nothing to shut down gracefully: ~0.1 s instead of ~4 s) and deletes WORK_DIR.
# Only the pids recorded in WORK_DIR are signalled.
#
#   testing/kube-apiserver/stop.sh WORK_DIR [--clean]
set -uo pipefail

log() { printf '[kube-stop] %s\n' "$*" >&2; }
work="${1:?usage: stop.sh WORK_DIR [--clean]}"
clean=0
[[ "${2:-}" == --clean ]] && clean=1
[[ -d "$work" ]] || { log "no such directory: $work"; exit 0; }

stop_pid_file() {
  local f="$work/$1.pid" pid i
  [[ -f "$f" ]] || return 0
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    if [[ "$clean" == 1 ]]; then kill -KILL "$pid" 2>/dev/null; else kill -TERM "$pid" 2>/dev/null; fi
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$1 ($pid) did not stop in 10 s; killing it"
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  rm -f "$f"
}

# The watchdog's own stop.sh call must not kill itself: it is the process that runs us then.
if [[ -f "$work/watchdog.pid" ]] && [[ "$(cat "$work/watchdog.pid")" != "$PPID" && "$(cat "$work/watchdog.pid")" != "$$" ]]; then
  kill "$(cat "$work/watchdog.pid")" 2>/dev/null
fi
rm -f "$work/watchdog.pid"
stop_pid_file apiserver
stop_pid_file etcd

if [[ "$clean" == 1 ]]; then
  rm -rf "$work"
  log "stopped and removed $work"
else
  log "stopped; files left in $work"
fi
