#!/usr/bin/env bash
# Validates infra/observability: Prometheus config and rules (promtool check config/rules and the
# rule unit tests), and check-dashboards.ts (every metric the dashboards and rules query exists in
# the code; datasource uids, Loki labels, alert annotations, collector pipelines, Loki settings).
# The dashboards' PromQL is parsed by promtool too. Self-tests then feed in dashboards broken on
# purpose (testdata/): each planted problem must be reported.
# Runs every check, then exits 1 if any failed.
#   bash infra/observability/validate.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
obs=infra/observability
promtool="$(bash infra/tools/tool.sh promtool)" || { echo "validate: promtool unavailable" >&2; exit 1; }

failed=()
check() { # name command...
  local name="$1" t0=$SECONDS
  shift
  if "$@"; then echo "ok: $name ($((SECONDS - t0)) s)"; else echo "FAILED: $name" >&2; failed+=("$name"); fi
}

check "promtool check config" "$promtool" check config "$obs/prometheus/prometheus.yml"
check "promtool check rules" "$promtool" check rules "$obs"/prometheus/rules/*.rules.yml
check "promtool test rules" "$promtool" test rules "$obs"/prometheus/rules/*.rules.test.yml
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
check "check-dashboards" node --import tsx "$obs/check-dashboards.ts" --promql-out="$tmp/dashboards.rules.yml"
# promtool parses the dashboards' queries (written as recording rules): Grafana never would
# before someone opens the panel.
check "promtool parses the dashboards' PromQL" "$promtool" check rules "$tmp/dashboards.rules.yml"

# The self-test: the broken fixture (with a real dashboard, for the duplicate uid) must fail, and
# for the reasons planted in it, not some other.
self_test() {
  local out
  if out="$(node --import tsx "$obs/check-dashboards.ts" "$obs/grafana/dashboards/throughput.json" "$obs/testdata/broken-dashboard.json" 2>&1)"; then
    echo "check-dashboards accepted $obs/testdata/broken-dashboard.json" >&2
    return 1
  fi
  local ok=0 expect
  for expect in \
    'spellgrid_no_such_metric_total is not registered in the code' \
    'spellgrid:no_such_rule:rate5m is not a recording rule' \
    'spellgrid_predictions is a Gauge, it has no _bucket series' \
    'is not a provisioned uid' \
    'Loki stream label "container" is not indexed' \
    'Loki label "colour" is not in the log format' \
    'uid spellgrid-throughput is also used by'; do
    grep -qF -- "$expect" <<<"$out" || { echo "self-test: check-dashboards did not report: $expect" >&2; ok=1; }
  done
  return $ok
}
check "check-dashboards rejects testdata/broken-dashboard.json" self_test

syntax_self_test() {
  node --import tsx "$obs/check-dashboards.ts" "$obs/testdata/bad-promql.json" --promql-out="$tmp/bad.rules.yml" >/dev/null || return 1
  if "$promtool" check rules "$tmp/bad.rules.yml" >"$tmp/bad.out" 2>&1; then
    echo "promtool accepted the query of $obs/testdata/bad-promql.json" >&2
    return 1
  fi
  grep -q 'unclosed left parenthesis' "$tmp/bad.out" || { cat "$tmp/bad.out" >&2; return 1; }
}
check "promtool rejects testdata/bad-promql.json" syntax_self_test

if [ ${#failed[@]} -gt 0 ]; then
  echo "validate: ${#failed[@]} failed: ${failed[*]}" >&2
  exit 1
fi
echo "validate: infra/observability ok"
