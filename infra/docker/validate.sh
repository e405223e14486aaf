#!/usr/bin/env bash
# Checks the container images' Dockerfile, the Compose stack, the web server's nginx config and the
# GitHub Actions workflows with the real tools (infra/tools/tool.sh), without a Docker engine:
#   hadolint     infra/docker/Dockerfile (warnings fail), and its COPY sources against the context
#   compose      `docker compose config` with .env.example's values, the files it bind-mounts, its
#                build targets, and every variable documented in .env.example
#   nginx        `nginx -t` on the rendered default.conf.template, then a served smoke test
#                (headers, SPA fallback, 404s); skipped, with a notice, where nginx cannot be installed
#   actionlint   .github/workflows (with shellcheck on `run:` scripts when it is installed)
# Each check also runs once on a known-bad input and must reject it, so a check that silently
# passes everything fails here. Exits non-zero on any problem.
#   bash infra/docker/validate.sh
set -euo pipefail

cd "$(dirname "$0")/../.."
here=infra/docker
compose_file=infra/compose/compose.yaml
tmp="$(mktemp -d)"
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

failures=0
t_all=$SECONDS
section() { printf '\n== %s\n' "$*"; t0=$SECONDS; }
pass() { printf '   ok   %s\n' "$*"; }
fail() { printf '   FAIL %s\n' "$*"; failures=$((failures + 1)); }
took() { printf '   (%ss)\n' "$((SECONDS - t0))"; }
# expect_fail DESCRIPTION PATTERN CMD...: the command must fail, and say PATTERN (the right reason)
expect_fail() {
  local what="$1" pattern="$2" out
  shift 2
  if out="$("$@" 2>&1)"; then
    fail "self-test: $what was accepted"
  elif ! grep -qE -- "$pattern" <<<"$out"; then
    fail "self-test: $what was rejected, but not for /$pattern/:"
    printf '%s\n' "$out" | sed 's/^/        /' | head -20
  else
    pass "self-test: $what is rejected"
  fi
}

# ------------------------------------------------------------------------------------------------
section "hadolint (infra/docker/Dockerfile)"
hadolint="$(bash infra/tools/tool.sh hadolint)"
# No rule is ignored: fix the Dockerfile rather than silence a warning (add a justified ignore to
# a .hadolint.yaml only when a rule is wrong for this image).
if "$hadolint" --no-color --failure-threshold warning "$here/Dockerfile"; then
  pass "no warning or error"
else
  fail "hadolint found problems (above)"
fi
if node --import tsx "$here/check-files.ts" dockerfile "$here/Dockerfile" .; then
  pass "every COPY source is in the build context and not excluded by .dockerignore"
else
  fail "COPY sources (above)"
fi
expect_fail "testdata/bad.Dockerfile" 'DL3006' "$hadolint" --no-color --failure-threshold warning "$here/testdata/bad.Dockerfile"
printf 'FROM node:20.20.2-bookworm-slim AS x\nCOPY docs/api.md /app/\nCOPY no-such-file /app/\n' >"$tmp/copy.Dockerfile"
expect_fail "a COPY of a missing or .dockerignored file" 'excluded by .dockerignore' \
  node --import tsx "$here/check-files.ts" dockerfile "$tmp/copy.Dockerfile" .
took

# ------------------------------------------------------------------------------------------------
section "docker compose config ($compose_file)"
compose="$(bash infra/tools/tool.sh docker-compose)"
# .env.example as a user fills it in: every empty value (the secrets) set to a placeholder
sed -E 's/^([A-Z0-9_]+)=$/\1=validate-placeholder-0123456789/' infra/compose/.env.example >"$tmp/compose.env"
if "$compose" -f "$compose_file" --env-file "$tmp/compose.env" config --quiet; then
  pass "valid with .env.example's values"
else
  fail "docker compose config rejected the file (above)"
fi
if "$compose" -f "$compose_file" --env-file "$tmp/compose.env" config --format json >"$tmp/compose.json" \
   && node --import tsx "$here/check-files.ts" compose "$tmp/compose.json" infra/compose; then
  pass "bind-mounted files and build targets exist"
else
  fail "mounts or build targets (above)"
fi
# every ${VAR} the file reads is documented in .env.example, and .env.example has nothing stale
used="$(grep -oE '\$\{[A-Z0-9_]+' "$compose_file" | cut -c3- | sort -u)"
documented="$(sed -nE 's/^([A-Z0-9_]+)=.*/\1/p' infra/compose/.env.example | sort -u)"
if [ "$used" = "$documented" ]; then
  pass ".env.example documents exactly the $(wc -l <<<"$used") variables compose.yaml reads"
else
  fail ".env.example and compose.yaml disagree (< only in compose.yaml, > only in .env.example):"
  diff <(printf '%s\n' "$used") <(printf '%s\n' "$documented") | grep '^[<>]' | sed 's/^/        /' || true
fi
# self-tests: the secrets are required; a misspelt key, a missing mounted file are caught
expect_fail ".env.example with its secrets left empty" 'required variable' \
  "$compose" -f "$compose_file" --env-file infra/compose/.env.example config --quiet
sed 's/^    healthcheck:/    healthchek:/' "$compose_file" >"$tmp/typo.yaml"
expect_fail "a compose file with a misspelt key" 'healthchek' \
  "$compose" -f "$tmp/typo.yaml" --project-directory infra/compose --env-file "$tmp/compose.env" config --quiet
sed 's#observability/loki/loki.yaml#observability/loki/no-such-file.yaml#' "$compose_file" >"$tmp/mount.yaml"
if "$compose" -f "$tmp/mount.yaml" --project-directory infra/compose --env-file "$tmp/compose.env" config --format json >"$tmp/mount.json" 2>/dev/null; then
  expect_fail "a bind mount of a missing file" 'does not exist' node --import tsx "$here/check-files.ts" compose "$tmp/mount.json" infra/compose
else
  fail "self-test: could not render the missing-mount variant of compose.yaml"
fi
took

# ------------------------------------------------------------------------------------------------
section "nginx -t (web image: nginx/nginx.conf + nginx/default.conf.template)"
have_nginx() { command -v nginx >/dev/null && command -v envsubst >/dev/null; }
if ! have_nginx; then
  # .ci/run installs them, so CI never skips this check
  if [ -n "${CI:-}" ]; then fail "no nginx or envsubst in CI (.ci/run installs nginx-light and gettext-base)"
  else echo "   SKIPPED: no nginx or envsubst here (apt-get install nginx-light gettext-base enables this check)"; fi
else
  # As the image's entrypoint does: envsubst with only API_UPSTREAM; everything under /tmp, and the
  # logs, moved to a scratch folder (/dev/stderr may not be ours to open outside a container); the
  # web root pointed at a small fake build.
  mkdir -p "$tmp/nginx/html/assets"
  chmod 755 "$tmp" # as root, nginx's workers run as nobody and must read the fake build
  echo '<!doctype html><title>app</title>' >"$tmp/nginx/html/index.html"
  echo 'self.x=1' >"$tmp/nginx/html/sw.js"
  echo 'export{}' >"$tmp/nginx/html/assets/app-abc123.js"
  port="$(node --import tsx "$here/check-served.ts" free-port)"
  render() { # template -> $tmp/nginx/default.conf and nginx.conf
    # shellcheck disable=SC2016 # envsubst's list of variables to substitute, literally
    API_UPSTREAM=http://127.0.0.1:9 envsubst '${API_UPSTREAM}' <"$1" \
      | sed -e "s#root /usr/share/nginx/html;#root $tmp/nginx/html;#" -e "s#listen 8080;#listen 127.0.0.1:$port;#" \
      >"$tmp/nginx/default.conf"
    sed -e "s#/tmp/#$tmp/nginx/#g" -e "s#/dev/\(stdout\|stderr\)#$tmp/nginx/\1.log#" \
      "$here/nginx/nginx.conf" >"$tmp/nginx/nginx.conf"
  }
  nginx_t() { nginx -t -q -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf"; }
  echo "   $(nginx -v 2>&1) (the image runs the nginx of its tag; the config uses nothing newer)"
  render "$here/nginx/default.conf.template"
  # shellcheck disable=SC2016 # a literal ${
  if grep -q '\${' "$tmp/nginx/default.conf"; then
    fail "the rendered config still holds \${...}: the template uses a variable the image does not substitute"
  elif nginx_t; then
    pass "nginx -t accepts the rendered config"
    nginx -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' >"$tmp/nginx/stdout.log" 2>&1 &
    nginx_pid=$!
    if node --import tsx "$here/check-served.ts" "$port"; then
      pass "serves health, assets, SPA fallback, 404s and headers as intended"
    else
      fail "served responses (above)"
    fi
    kill "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=""
  else
    fail "nginx -t rejected the rendered config:"
    sed 's/^/        /' "$tmp/nginx/error.log" | tail -5
  fi
  sed 's/^  server_name _;/  server_name _;\n  no_such_directive on;/' "$here/nginx/default.conf.template" >"$tmp/bad.conf.template"
  render "$tmp/bad.conf.template"
  expect_fail "a config with an unknown directive" 'no_such_directive' nginx_t
fi
took

# ------------------------------------------------------------------------------------------------
section "actionlint (.github/workflows)"
actionlint="$(bash infra/tools/tool.sh actionlint)"
if command -v shellcheck >/dev/null; then
  echo "   with shellcheck $(shellcheck --version | sed -n 's/^version: //p') on run: scripts"
else
  echo "   (shellcheck is not installed: run: scripts are not linted)"
fi
if "$actionlint" -no-color .github/workflows/*.yml; then
  pass "workflows are valid"
else
  fail "actionlint found problems (above)"
fi
if node --import tsx "$here/check-files.ts" workflow .github/workflows/ci.yml "$here/Dockerfile"; then
  pass "the images matrix names Dockerfile stages"
else
  fail "images matrix (above)"
fi
expect_fail "testdata/bad-workflow.yml" 'runs-on' "$actionlint" -no-color "$here/testdata/bad-workflow.yml"
took

printf '\n'
if [ "$failures" -gt 0 ]; then
  echo "infra/docker/validate.sh: $failures problem(s) ($((SECONDS - t_all))s)"
  exit 1
fi
echo "infra/docker/validate.sh: all checks passed ($((SECONDS - t_all))s)"
