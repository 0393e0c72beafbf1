#!/usr/bin/env bash
# Starts a throw-away etcd + kube-apiserver on loopback, in the background, and writes a
# kubeconfig for a system:masters user. Test tooling only (see README.md for the flags, so a
# Java launcher can start the two binaries itself instead).
#
#   testing/kube-apiserver/start.sh [WORK_DIR]
#
# WORK_DIR (default: a new mktemp -d) receives etcd's data, the keys and certificates, the
# logs, the pid files, `kubeconfig` and `env`. The last stdout line is WORK_DIR; `env` is a
# shell/properties-style file with KUBECONFIG, ZW_KUBE_SERVER, ZW_KUBE_TOKEN, the ports and pids.
# Stop with testing/kube-apiserver/stop.sh WORK_DIR [--clean].
#
# Environment (all optional):
#   ZW_KUBE_BIN_DIR        where build.sh put the binaries (default: what build.sh --print-dir says;
#                          the binaries are built first if they are missing)
#   ZW_KUBE_APISERVER_PORT kube-apiserver's secure port   (default: a free port)
#   ZW_KUBE_ETCD_PORT      etcd client port                (default: a free port)
#   ZW_KUBE_ETCD_PEER_PORT etcd peer port (loopback only)  (default: a free port)
#   ZW_KUBE_WATCH_PID      stop both servers when this process ends (e.g. the test JVM's pid)
#   ZW_KUBE_START_TIMEOUT  seconds to wait for /readyz     (default: 90)
#   ZW_KUBE_APISERVER_EXTRA_ARGS  more kube-apiserver flags, space separated
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf '[kube-start] %s\n' "$*" >&2; }

work="${1:-}"
if [[ -z "$work" ]]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/zw-kube.XXXXXX")"
fi
mkdir -p "$work"
work="$(cd "$work" && pwd)"
if [[ -f "$work/apiserver.pid" ]] && kill -0 "$(cat "$work/apiserver.pid")" 2>/dev/null; then
  log "already running in $work"; echo "$work"; exit 0
fi

bin_dir="${ZW_KUBE_BIN_DIR:-$("$here/build.sh" --print-dir)}"
if [[ ! -x "$bin_dir/kube-apiserver" || ! -x "$bin_dir/etcd" ]]; then
  bin_dir="$("$here/build.sh" | tail -1)"
fi

# A free loopback port: ask the kernel (bind to port 0) and release it again. Another process
# may take it before we bind it; acceptable for tests (the start then fails loudly).
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
  else
    local p
    while :; do
      p=$((20000 + RANDOM % 30000))
      (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
  fi
}
api_port="${ZW_KUBE_APISERVER_PORT:-$(free_port)}"
etcd_port="${ZW_KUBE_ETCD_PORT:-$(free_port)}"
peer_port="${ZW_KUBE_ETCD_PEER_PORT:-$(free_port)}"
while [[ "$etcd_port" == "$api_port" ]]; do etcd_port="$(free_port)"; done
while [[ "$peer_port" == "$api_port" || "$peer_port" == "$etcd_port" ]]; do peer_port="$(free_port)"; done

mkdir -p "$work/etcd-data" "$work/pki" "$work/logs"
chmod 700 "$work/etcd-data"

# Service-account key pair and a static admin token (group system:masters bypasses RBAC).
[[ -f "$work/pki/sa.key" ]] || openssl genrsa -out "$work/pki/sa.key" 2048 2>/dev/null
[[ -f "$work/pki/sa.pub" ]] || openssl rsa -in "$work/pki/sa.key" -pubout -out "$work/pki/sa.pub" 2>/dev/null
if [[ ! -f "$work/pki/tokens.csv" ]]; then
  token="$(openssl rand -hex 24)"
  printf '%s,admin,admin-uid,system:masters\n' "$token" > "$work/pki/tokens.csv"
  chmod 600 "$work/pki/tokens.csv"
fi
token="$(cut -d, -f1 "$work/pki/tokens.csv")"

stop_started() {
  for f in apiserver etcd; do
    [[ -f "$work/$f.pid" ]] && kill "$(cat "$work/$f.pid")" 2>/dev/null || true
  done
}

# --- etcd -------------------------------------------------------------------------------
etcd_args=(
  --name=zw
  --data-dir="$work/etcd-data"
  --listen-client-urls="http://127.0.0.1:$etcd_port"
  --advertise-client-urls="http://127.0.0.1:$etcd_port"
  --listen-peer-urls="http://127.0.0.1:$peer_port"
  --initial-advertise-peer-urls="http://127.0.0.1:$peer_port"
  --initial-cluster="zw=http://127.0.0.1:$peer_port"
  --initial-cluster-state=new
  --unsafe-no-fsync=true
  --log-level=warn
)
setsid "$bin_dir/etcd" "${etcd_args[@]}" >"$work/logs/etcd.log" 2>&1 </dev/null &
echo $! > "$work/etcd.pid"

timeout="${ZW_KUBE_START_TIMEOUT:-90}"
deadline=$((SECONDS + timeout))
until curl -sf "http://127.0.0.1:$etcd_port/health" 2>/dev/null | grep -q '"health":"true"'; do
  if ! kill -0 "$(cat "$work/etcd.pid")" 2>/dev/null; then
    log "etcd exited; its log:"; tail -30 "$work/logs/etcd.log" >&2; exit 1
  fi
  if (( SECONDS > deadline )); then
    log "etcd not healthy after ${timeout}s; its log:"; tail -30 "$work/logs/etcd.log" >&2; stop_started; exit 1
  fi
  sleep 0.2
done
log "etcd healthy on 127.0.0.1:$etcd_port"

# --- kube-apiserver ---------------------------------------------------------------------
api_args=(
  --etcd-servers="http://127.0.0.1:$etcd_port"
  --bind-address=127.0.0.1
  --secure-port="$api_port"
  --advertise-address=127.0.0.1
  --cert-dir="$work/pki"
  --token-auth-file="$work/pki/tokens.csv"
  --authorization-mode=RBAC
  --service-account-issuer=https://kubernetes.default.svc
  --service-account-key-file="$work/pki/sa.pub"
  --service-account-signing-key-file="$work/pki/sa.key"
  --service-cluster-ip-range=10.0.0.0/24
  --disable-admission-plugins=ServiceAccount
  --endpoint-reconciler-type=none
  --allow-privileged=true
  --profiling=false
)
# shellcheck disable=SC2206
[[ -n "${ZW_KUBE_APISERVER_EXTRA_ARGS:-}" ]] && api_args+=(${ZW_KUBE_APISERVER_EXTRA_ARGS})
setsid "$bin_dir/kube-apiserver" "${api_args[@]}" >"$work/logs/kube-apiserver.log" 2>&1 </dev/null &
echo $! > "$work/apiserver.pid"

until [[ "$(curl -sk -H "Authorization: Bearer $token" "https://127.0.0.1:$api_port/readyz" 2>/dev/null)" == ok ]]; do
  if ! kill -0 "$(cat "$work/apiserver.pid")" 2>/dev/null; then
    log "kube-apiserver exited; its log:"; tail -40 "$work/logs/kube-apiserver.log" >&2; stop_started; exit 1
  fi
  if (( SECONDS > deadline )); then
    log "kube-apiserver not ready after ${timeout}s; its log:"; tail -40 "$work/logs/kube-apiserver.log" >&2
    stop_started; exit 1
  fi
  sleep 0.5
done
log "kube-apiserver ready on https://127.0.0.1:$api_port"

# The generated pki/apiserver.crt holds the serving cert and the self-signed CA that signed
# it (SANs: 127.0.0.1, localhost, 10.0.0.1, kubernetes.default.svc...), so it works as CA file.
ca_data="$(base64 -w0 "$work/pki/apiserver.crt")"
cat > "$work/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: zw-test
  cluster:
    server: https://127.0.0.1:$api_port
    certificate-authority-data: $ca_data
users:
- name: admin
  user:
    token: $token
contexts:
- name: zw-test
  context:
    cluster: zw-test
    user: admin
    namespace: default
current-context: zw-test
EOF
chmod 600 "$work/kubeconfig"

cat > "$work/env" <<EOF
KUBECONFIG=$work/kubeconfig
ZW_KUBE_SERVER=https://127.0.0.1:$api_port
ZW_KUBE_TOKEN=$token
ZW_KUBE_CA_FILE=$work/pki/apiserver.crt
ZW_KUBE_APISERVER_PORT=$api_port
ZW_KUBE_ETCD_PORT=$etcd_port
ZW_KUBE_ETCD_PEER_PORT=$peer_port
ZW_KUBE_APISERVER_PID=$(cat "$work/apiserver.pid")
ZW_KUBE_ETCD_PID=$(cat "$work/etcd.pid")
ZW_KUBE_BIN_DIR=$bin_dir
EOF

# Optional watchdog: stop both servers when the given process (the test JVM) goes away.
if [[ -n "${ZW_KUBE_WATCH_PID:-}" ]]; then
  setsid bash -c 'while kill -0 "$1" 2>/dev/null && [[ -f "$2/apiserver.pid" ]]; do sleep 2; done; exec "$3" "$2"' \
    zw-kube-watchdog "$ZW_KUBE_WATCH_PID" "$work" "$here/stop.sh" >/dev/null 2>&1 </dev/null &
  echo $! > "$work/watchdog.pid"
fi

log "kubeconfig: $work/kubeconfig   env: $work/env   logs: $work/logs/"
log "stop with: $here/stop.sh $work [--clean]"
echo "$work"
