#!/usr/bin/env bash
# End-to-end check of this tooling against the repository's manifests on a REAL
# kube-apiserver: builds (or reuses) the binaries, starts etcd + kube-apiserver, applies
# deploy/crds/*.yaml, the Observation and Ingester examples, and checks that every
# manifest in deploy/examples/invalid/ is refused with an error naming the field in its
# "# expect:" line. Stops and removes everything at the end (ZW_KUBE_KEEP=1 keeps it running).
#
#   testing/kube-apiserver/smoke.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
log() { printf '[kube-smoke] %s\n' "$*" >&2; }

bin_dir="$("$here/build.sh" | tail -1)"
kubectl="$bin_dir/kubectl"
[[ -x "$kubectl" ]] || kubectl="$(command -v kubectl)"

work="$("$here/start.sh" | tail -1)"
cleanup() {
  if [[ "${ZW_KUBE_KEEP:-0}" == 1 ]]; then
    log "left running: $work (stop with $here/stop.sh $work --clean)"
  else
    "$here/stop.sh" "$work" --clean
  fi
}
trap cleanup EXIT
export KUBECONFIG="$work/kubeconfig"
k() { "$kubectl" "$@"; }

echo "== versions"
k version
echo "== apply CRDs"
k apply -f "$repo/deploy/crds/"
k wait --for=condition=Established --timeout=60s crd --all
echo "== kubectl get crds"
k get crds

echo "== namespaces"
for ns in $(grep -h '^  namespace:' "$repo"/deploy/examples/*.yaml | awk '{print $2}' | sort -u); do
  k create namespace "$ns"
done

echo "== apply deploy/examples/*.yaml"
k apply -f "$repo/deploy/examples/"
echo "== kubectl get obs -A"
k get obs -A
echo "== kubectl get ingesters -A"
k get ingesters -A

echo "== deploy/examples/invalid: each must be refused, naming its '# expect:' field"
passed=0; failed=0
for f in "$repo"/deploy/examples/invalid/*.yaml; do
  expect="$(sed -n 's/^# expect: *//p' "$f" | head -1)"
  if out="$(k create --dry-run=server -f "$f" 2>&1)"; then
    echo "FAIL $(basename "$f"): accepted (expected an error naming $expect)"; failed=$((failed + 1))
  elif [[ -n "$expect" && "$out" != *"$expect"* ]]; then
    echo "FAIL $(basename "$f"): refused, but not naming $expect: $out"; failed=$((failed + 1))
  else
    echo "ok   $(basename "$f"): $(grep -m1 -o "$expect[^*]*" <<<"$out")"; passed=$((passed + 1))
  fi
done
echo "== CEL rules (x-kubernetes-validations) of the Ingester CRD: each probe must be refused"
probe() { # $1 = expected message, $2 = spec lines after `source: probe`
  local out
  if out="$(printf 'apiVersion: zen.kube-zen.io/v1alpha1\nkind: Ingester\nmetadata: {name: cel-probe, namespace: default}\nspec:\n  source: probe\n%s\n' "$2" |
      k create --dry-run=server -f - 2>&1)"; then
    echo "FAIL CEL '$1': accepted"; failed=$((failed + 1))
  elif [[ "$out" != *"$1"* ]]; then
    echo "FAIL CEL '$1': refused otherwise: $out"; failed=$((failed + 1))
  else
    echo "ok   CEL: $out"; passed=$((passed + 1))
  fi
}
probe "informer is required for type informer" "  type: informer"
probe "not allowed for other types" "  type: falco
  informer: {group: g, version: v1, resource: r}"
probe "webhook is not allowed for type informer" "  type: informer
  informer: {group: g, version: v1, resource: r}
  webhook: {auth: {mode: none}}"
for mode in bearer basic hmac clientCert; do
  probe "$mode is required for mode $mode" "  type: webhook
  webhook: {auth: {mode: $mode}}"
done

echo "$passed passed, $failed failed"
[[ "$failed" == 0 ]]
