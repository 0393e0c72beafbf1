#!/usr/bin/env bash
# Builds, once, a real kube-apiserver, kubectl and etcd for Zen Watcher's integration test
# tier, into a cache folder outside the repository, and reuses them on later runs.
#
#   testing/kube-apiserver/build.sh            # build if needed; last stdout line = bin dir
#   testing/kube-apiserver/build.sh --force    # rebuild even if the stamp matches
#   testing/kube-apiserver/build.sh --print-dir  # only print the bin dir (no build)
#
# Environment:
#   ZW_KUBE_BIN_DIR   where the binaries go
#                     (default: $HOME/.cache/zen-watcher/kube-<kubernetes version>)
#   ZW_KUBE_NO_KUBECTL=1  do not build kubectl
#   GOCACHE, GOMODCACHE, GOPROXY, GOTOOLCHAIN  the usual Go settings are respected
#
# Needs Go >= the `go` line of ./go.mod (1.26.0) and the Go module proxy; nothing else.
# Test tooling only: nothing built here belongs in a production artifact.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf '[kube-build] %s\n' "$*" >&2; }

force=0
print_dir=0
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    --print-dir) print_dir=1 ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) log "unknown argument: $arg"; exit 2 ;;
  esac
done

# Versions come from the go.mod files, so there is one place to change them.
k8s_version="$(awk '$1 == "require" && $2 == "k8s.io/kubernetes" {print $3}' "$here/go.mod")"
etcd_version="$(awk '$1 == "require" && $2 == "go.etcd.io/etcd/server/v3" {print $3}' "$here/etcd/go.mod")"
[[ -n "$k8s_version" && -n "$etcd_version" ]] || { log "cannot read versions from go.mod files"; exit 1; }

bin_dir="${ZW_KUBE_BIN_DIR:-$HOME/.cache/zen-watcher/kube-$k8s_version}"
if [[ "$print_dir" == 1 ]]; then echo "$bin_dir"; exit 0; fi

want_kubectl=1
[[ "${ZW_KUBE_NO_KUBECTL:-0}" == 1 ]] && want_kubectl=0
binaries=(kube-apiserver etcd)
[[ "$want_kubectl" == 1 ]] && binaries+=(kubectl)

# The stamp names what decides the binaries' content: the versions and the exact dependency
# graph (hash of the go.mod/go.sum files). The Go version is recorded in BUILT-WITH but not
# compared, so a Go patch upgrade does not cost a rebuild, and the warm path needs no Go at all.
deps_hash="$(cat "$here/go.mod" "$here/go.sum" "$here/etcd/go.mod" "$here/etcd/go.sum" | sha256sum | cut -c1-16)"
stamp="kubernetes=$k8s_version etcd=$etcd_version deps=$deps_hash kubectl=$want_kubectl"

up_to_date() {
  [[ -f "$bin_dir/VERSION" && "$(cat "$bin_dir/VERSION")" == "$stamp" ]] || return 1
  local b
  for b in "${binaries[@]}"; do [[ -x "$bin_dir/$b" ]] || return 1; done
}

if [[ "$force" == 0 ]] && up_to_date; then
  log "up to date: $bin_dir ($stamp)"
  echo "$bin_dir"
  exit 0
fi

mkdir -p "$bin_dir"
# One build at a time per bin dir (parallel test JVMs may all call this script).
exec 9>"$bin_dir/.build.lock"
if ! flock -n 9; then
  log "another build into $bin_dir is running; waiting for it"
  flock 9
fi
if [[ "$force" == 0 ]] && up_to_date; then
  log "up to date (built by the other run): $bin_dir"
  echo "$bin_dir"
  exit 0
fi

# Go >= the go.mod's `go` line, else fail clearly (rather than fetch a toolchain silently).
command -v go >/dev/null || { log "building needs Go (go.mod's go line or newer) on PATH"; exit 1; }
go_version="$(go env GOVERSION)"
need_go="$(awk '$1 == "go" {print $2; exit}' "$here/go.mod")"
have_go="${go_version#go}"
if [[ "$(printf '%s\n%s\n' "$need_go" "$have_go" | sort -V | head -1)" != "$need_go" ]]; then
  log "Go $need_go or newer is needed, found $go_version"
  exit 1
fi

k8s_pkgs=(k8s.io/kubernetes/cmd/kube-apiserver)
[[ "$want_kubectl" == 1 ]] && k8s_pkgs+=(k8s.io/kubernetes/cmd/kubectl)
log "building kubernetes $k8s_version (${k8s_pkgs[*]##*/}) and etcd $etcd_version into $bin_dir"
log "a cold build takes a long while on 2 cores (see README.md); later runs reuse the binaries"

stage="$(mktemp -d "$bin_dir/.stage.XXXXXX")"
trap 'rm -rf "$stage"' EXIT

# -mod=readonly: go.mod/go.sum are complete, a build must never rewrite them.
export GOFLAGS="-mod=readonly -buildvcs=false"
export CGO_ENABLED=0

major="${k8s_version#v}"; major="${major%%.*}"
minor="${k8s_version#v*.}"; minor="${minor%%.*}"
ver_ldflags=""
for pkg in k8s.io/client-go/pkg/version k8s.io/component-base/version; do
  ver_ldflags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"
done

start=$SECONDS
(cd "$here" && go build -trimpath -ldflags="-s -w$ver_ldflags" -o "$stage/" "${k8s_pkgs[@]}")
log "kubernetes binaries built in $((SECONDS - start)) s"

start=$SECONDS
(cd "$here/etcd" && go build -trimpath -ldflags="-s -w" -o "$stage/etcd" go.etcd.io/etcd/server/v3)
log "etcd built in $((SECONDS - start)) s"

for b in "${binaries[@]}"; do mv -f "$stage/$b" "$bin_dir/$b"; done
echo "$go_version $(go env GOOS)/$(go env GOARCH) $(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$bin_dir/BUILT-WITH"
echo "$stamp" > "$bin_dir/VERSION"
log "done: $(cd "$bin_dir" && du -sh "${binaries[@]}" | tr '\t\n' ': ')"
echo "$bin_dir"
