#!/usr/bin/env bash
# Validates the Helm chart: `helm lint --strict` (values.schema.json included) and `helm template`
# for each values file, then kubeconform -strict on every rendered resource against offline JSON
# schemas generated from pinned sources (Kubernetes' OpenAPI spec, the KEDA, Secrets Store CSI and
# prometheus-operator CRDs), and negative self-tests proving each check can fail.
# Exits non-zero on any problem. Run from anywhere: bash infra/helm/validate.sh
set -euo pipefail
export PATH="$PATH:/usr/local/go/bin"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
chart="$here/spellgrid"
helm="$(bash "$here/../tools/tool.sh" helm)"
kubeconform="$(bash "$here/../tools/tool.sh" kubeconform)"
cache="${SPELLGRID_CACHE:-$HOME/.cache/spellgrid}"

# Pinned schema sources (Go modules). KUBE_VERSION is also the cluster version rendered against.
KUBE_VERSION=1.34.4
KEDA=github.com/kedacore/keda/v2@v2.18.1
CSI=sigs.k8s.io/secrets-store-csi-driver@v1.5.3
PROM_OP=github.com/prometheus-operator/prometheus-operator@v0.85.0

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
problem() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Helm notes each file it reads through files/observability (a symlink); that is intended.
quiet_helm() { "$helm" "$@" 2> >(grep -v 'found symbolic link in path' >&2); }

# --- Offline schemas, generated once per (sources, generator) into the cache -------------------
# schemas.ts is the generator; node resolves `--import tsx` and its `yaml` from the repo root's
# node_modules (npm ci). The pinned sources are Go modules: `go mod download` only fetches them.
root="$(cd "$here/../.." && pwd)"
yaml_version="$(cd "$root" && node -p 'require("yaml/package.json").version')" ||
  { echo "validate: the yaml package is missing: run npm ci in $root" >&2; exit 1; }
key="$(cat "$here/schemas.ts" \
  <(echo "yaml@$yaml_version $KUBE_VERSION $KEDA $CSI $PROM_OP") | sha256sum | cut -c1-16)"
schemas="$cache/k8s-schemas/$key"
if [ ! -f "$schemas/.complete" ]; then
  echo "validate: generating schemas into $schemas (once)"
  mod_dir() { # module@version -> its directory in the Go module cache, downloading it once
    (cd "$work" && GOFLAGS=-mod=mod go mod download -json "$1") |
      sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p'
  }
  k8s="$(mod_dir "k8s.io/kubernetes@v$KUBE_VERSION")"
  keda="$(mod_dir "$KEDA")"
  csi="$(mod_dir "$CSI")"
  promop="$(mod_dir "$PROM_OP")"
  rm -rf "$schemas.tmp"
  (cd "$root" && node --import tsx "$here/schemas.ts" --out "$schemas.tmp" \
    --swagger "$k8s/api/openapi-spec/swagger.json" \
    "$keda/config/crd/bases/keda.sh_scaledobjects.yaml" \
    "$keda/config/crd/bases/keda.sh_triggerauthentications.yaml" \
    "$csi/config/crd/bases/secrets-store.csi.x-k8s.io_secretproviderclasses.yaml" \
    "$promop/example/prometheus-operator-crd/monitoring.coreos.com_podmonitors.yaml" \
    "$promop/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" \
    "$promop/example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml")
  touch "$schemas.tmp/.complete"
  rm -rf "$schemas" && mv "$schemas.tmp" "$schemas"
fi
location="$schemas/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json"
conform() { "$kubeconform" -strict -summary -schema-location "$location" "$@"; }

# --- lint, render and check each values file ----------------------------------------------------
kinds() { grep -h '^kind:' "$1" | sort | uniq -c | awk '{printf "%s%s×%s", sep, $3, $1; sep=", "}'; }
# The environment files, the defaults alone, and test-values/* (on top of the defaults) for the
# branches no environment takes.
for values in "$chart"/values.yaml "$chart"/values-*.yaml "$here"/test-values/*.yaml; do
  name="$(basename "$values" .yaml)"
  extra=()
  # The defaults alone need brokers; every environment file sets its own.
  case "$values" in "$chart/values.yaml" | "$here"/test-values/*) extra=(--set kafka.brokers=kafka:9092) ;; esac
  echo "== $name"
  quiet_helm lint --strict --quiet --kube-version "$KUBE_VERSION" "$chart" -f "$values" "${extra[@]}" >"$work/lint.txt" ||
    { cat "$work/lint.txt" >&2; problem "helm lint $name"; continue; }
  quiet_helm template spellgrid "$chart" -f "$values" "${extra[@]}" --namespace spellgrid \
    --kube-version "$KUBE_VERSION" >"$work/$name.yaml" || { problem "helm template $name"; continue; }
  echo "   rendered: $(kinds "$work/$name.yaml")"
  conform "$work/$name.yaml" || problem "kubeconform $name"
done

# --- what each environment must (not) contain ---------------------------------------------------
has() { grep -q "^kind: $2\$" "$work/$1.yaml"; }
for env in staging production; do
  has "values-$env" ScaledObject || problem "$env: no KEDA ScaledObject"
  has "values-$env" HorizontalPodAutoscaler && problem "$env: both KEDA and an HPA scale the workers"
  has "values-$env" SecretProviderClass || problem "$env: secrets do not come from Key Vault"
  has "values-$env" NetworkPolicy || problem "$env: no NetworkPolicies"
done
has values-production CronJob || problem "production: no backup CronJobs"
has values-dev Secret || problem "dev: no chart-made Secret"
has hpa-chart-secret HorizontalPodAutoscaler || problem "test-values: no HPA when KEDA is off"
has keda-auth-keyvault TriggerAuthentication || problem "test-values: no KEDA TriggerAuthentication"
# With the observability engineer's files present, the rules and dashboards must be rendered.
obs="$chart/files/observability"
if [ -f "$obs/prometheus/rules/spellgrid.rules.yml" ]; then
  has values-production PrometheusRule || problem "production: rules file exists but no PrometheusRule"
fi
if compgen -G "$obs/grafana/dashboards/*.json" >/dev/null; then
  want="$(ls "$obs"/grafana/dashboards/*.json | wc -l)"
  got="$(grep -c '^    grafana_dashboard: "1"$' "$work/values-production.yaml" || true)"
  [ "$got" = "$want" ] || problem "production: $want dashboards but $got dashboard ConfigMaps"
fi
# `helm package` must follow the files/observability symlink too.
quiet_helm package "$chart" -d "$work/pkg" >/dev/null || problem "helm package"
if [ -f "$obs/prometheus/rules/spellgrid.rules.yml" ]; then
  tar -tzf "$work"/pkg/spellgrid-*.tgz >"$work/pkg.txt"
  grep -q 'files/observability/prometheus/rules/spellgrid.rules.yml' "$work/pkg.txt" ||
    problem "helm package left out files/observability"
fi

# --- negative self-tests: each check must reject a known-bad input ------------------------------
echo "== negative self-tests"
must_fail() { # description, command...
  local what="$1"; shift
  if "$@" >"$work/neg.txt" 2>&1; then problem "self-test: $what was accepted"; else echo "   rejected as expected: $what: $(grep -m1 -o -E "(at '.*|\[ERROR\].*|Error: .*)" "$work/neg.txt" | cut -c1-120)"; fi
}
must_fail "values typo (worker.replicass)" \
  "$helm" lint --strict "$chart" -f "$chart/values-dev.yaml" --set worker.replicass=3
must_fail "autoscaling.keda.maxReplicas above the 16 partitions" \
  "$helm" lint --strict "$chart" -f "$chart/values-production.yaml" --set autoscaling.keda.maxReplicas=17
mutate() { # sed expression, source render -> mutated file; fails if the expression changed nothing
  sed "$1" "$work/$2.yaml" >"$work/bad.yaml"
  ! cmp -s "$work/bad.yaml" "$work/$2.yaml" || { problem "self-test: '$1' changed nothing"; return 1; }
}
mutate 's/^\( *\)readinessProbe:/\1readinesProbe:/' values-production &&
  must_fail "Deployment with a misspelled field" conform "$work/bad.yaml"
mutate 's/^\( *\)minReplicaCount:/\1minReplicaCont:/' values-production &&
  must_fail "ScaledObject with a misspelled field" conform "$work/bad.yaml"
mutate 's/^\( *\)secretObjects:/\1secretObject:/' values-production &&
  must_fail "SecretProviderClass with a misspelled field" conform "$work/bad.yaml"
mutate 's/^\( *\)podMetricsEndpoints:/\1podMetricEndpoints:/' values-production &&
  must_fail "PodMonitor with a misspelled field" conform "$work/bad.yaml"
mutate 's/^\( *\)replicas: \([0-9]*\)$/\1replicas: "\2"/' values-production &&
  must_fail "Deployment with a string replica count" conform "$work/bad.yaml"

if [ "$failures" -gt 0 ]; then
  echo "infra/helm/validate.sh: $failures problem(s)" >&2
  exit 1
fi
echo "infra/helm/validate.sh: OK"
