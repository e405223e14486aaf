#!/usr/bin/env bash
# A PostgreSQL server for development and tests, on 127.0.0.1 only, its data in
# .dev-servers/postgres/ of this checkout. Debian's PostgreSQL (installed with apt-get when
# missing and run as root, as CI is). PostgreSQL refuses to run as root: as root, the server runs as
# the `postgres` system user.
#   infra/dev/postgres.sh start   # idempotent: says so if it is already running
#   infra/dev/postgres.sh stop
#   infra/dev/postgres.sh env     # export TEST_DATABASE_URL=... and DATABASE_URL=...
#   infra/dev/postgres.sh psql    # a psql session on the app database as spellgrid
# The role `spellgrid` (password `spellgrid`, scram over TCP) owns the databases `spellgrid`
# (the app's) and `spellgrid_test` (the tests', each test in its own schema).
# SPELLGRID_PG_PORT changes the port (default 55432).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
port="${SPELLGRID_PG_PORT:-55432}"
paths() {
  dir="$root/.dev-servers/postgres"
  # As root the server runs as `postgres`, which must reach the data: a checkout under a folder closed
  # to other users (a mode-700 temporary folder) keeps it in /var/tmp instead, one folder per checkout.
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$root" 2>/dev/null; then
    dir="/var/tmp/spellgrid-postgres-$(printf %s "$root" | cksum | cut -d' ' -f1)"
  fi
  data="$dir/data"
  run="$dir/run"   # the server's unix socket, for the superuser's set-up
  log="$dir/server.log"
}
paths
user=spellgrid password=spellgrid

url() { echo "postgres://$user:$password@127.0.0.1:$port/$1"; }

bindir() {
  local b
  for b in /usr/lib/postgresql/*/bin; do
    [ -x "$b/pg_ctl" ] && { echo "$b"; return 0; }
  done
  return 1
}

# Runs a server-side command as the user the server runs as.
as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_if_missing() {
  bindir >/dev/null && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "postgres.sh: PostgreSQL is not installed (/usr/lib/postgresql/*/bin): apt-get install postgresql" >&2
    exit 1
  fi
  echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  # The package starts its own cluster on 5432; ours is separate and this one is not needed.
  command -v pg_ctlcluster >/dev/null && for c in /etc/postgresql/*/main; do
    [ -d "$c" ] && pg_ctlcluster "$(basename "$(dirname "$c")")" main stop >/dev/null 2>&1 || true
  done
}

running() {
  local b; b="$(bindir)" || return 1
  [ -f "$data/PG_VERSION" ] && as_server "$b/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start() {
  install_if_missing
  paths   # the postgres user may be new
  local b; b="$(bindir)"
  if running; then
    echo "postgres.sh: already running on 127.0.0.1:$port ($data)"
    return 0
  fi
  mkdir -p "$dir" "$run"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir" "$run"
    if ! runuser -u postgres -- test -w "$dir"; then
      echo "postgres.sh: the postgres user cannot reach $dir (a parent folder is closed to it)" >&2
      exit 1
    fi
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    echo "postgres.sh: initdb in $data" >&2
    rm -rf "$data"
    as_server "$b/initdb" -D "$data" -U postgres --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$data/postgresql.conf" <<EOF
# infra/dev/postgres.sh
listen_addresses = '127.0.0.1'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  fi
  # peer auth on the socket maps the OS user to the role of the same name: root runs set-up as postgres
  local su=postgres; [ "$(id -u)" = 0 ] || su="$(id -un)"
  as_server "$b/pg_ctl" -D "$data" -l "$log" -o "-p $port -k $run" -w -t 60 start >/dev/null || { tail -n 20 "$log" >&2; exit 1; }
  local psql=("$b/psql" -h "$run" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
  [ "$su" = postgres ] || psql=("$b/psql" -h "$run" -p "$port" -U "$su" -d postgres -v ON_ERROR_STOP=1 -qAt)
  if [ "$(as_server "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" != 1 ]; then
    as_server "${psql[@]}" -c "CREATE ROLE $user LOGIN PASSWORD '$password'"
  fi
  local db
  for db in spellgrid spellgrid_test; do
    if [ "$(as_server "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
      as_server "${psql[@]}" -c "CREATE DATABASE $db OWNER $user"
    fi
  done
  echo "postgres.sh: running on 127.0.0.1:$port ($data); eval \"\$($0 env)\" sets TEST_DATABASE_URL and DATABASE_URL"
}

stop() {
  local b
  if ! b="$(bindir)" || ! running; then
    echo "postgres.sh: not running"
    return 0
  fi
  as_server "$b/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
  echo "postgres.sh: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env)
    echo "export TEST_DATABASE_URL=$(url spellgrid_test)"
    echo "export DATABASE_URL=$(url spellgrid)"
    ;;
  psql) shift; b="$(bindir)"; PGPASSWORD="$password" exec "$b/psql" -h 127.0.0.1 -p "$port" -U "$user" -d spellgrid "$@" ;;
  *) echo "usage: $0 start|stop|env|psql" >&2; exit 2 ;;
esac
