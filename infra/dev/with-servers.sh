#!/usr/bin/env bash
# Runs a command with Spellgrid's real development servers up (PostgreSQL, Kafka, FerretDB, Neo4j:
# one script each beside this one), their test URLs exported (TEST_DATABASE_URL, TEST_KAFKA_BROKERS,
# TEST_MONGODB_URL, TEST_GRAPH_URL), and stops them afterwards unless SPELLGRID_KEEP_SERVERS is set.
# Only the TEST_ variables: the app's own (DATABASE_URL, ...) would send every server a test starts
# to the development databases.
#   infra/dev/with-servers.sh npm run test:all
# A server that fails to start fails the command: the tests against real servers must run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
servers=(postgres kafka ferretdb neo4j)

stop_all() {
  [ -n "${SPELLGRID_KEEP_SERVERS:-}" ] && return 0
  for s in "${servers[@]}"; do bash "$here/$s.sh" stop || true; done
}
trap stop_all EXIT

for s in "${servers[@]}"; do
  echo "==== starting $s ====" >&2
  bash "$here/$s.sh" start >&2
  eval "$(bash "$here/$s.sh" env | grep '^export TEST_')"
done
"$@"
