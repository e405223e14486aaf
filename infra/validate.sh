#!/usr/bin/env bash
# Checks every infrastructure file with the real tool for it (infra/tools/tool.sh fetches them):
# the Helm chart rendered for each environment against Kubernetes schemas, the Dockerfile, the
# Compose stack and the CI workflow, and the Prometheus rules and Grafana dashboards against the
# metrics the code registers. `npm test` runs it; `npm run test:infra` runs it alone.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for part in helm docker observability; do
  printf '\n==== infra: %s ====\n' "$part"
  bash "$here/$part/validate.sh"
done
