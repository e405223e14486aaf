#!/usr/bin/env bash
# FerretDB v1 (a MongoDB wire-protocol server) on its SQLite backend, for development and the tests
# of the MongoDB card store: loopback only, no authentication, data under .dev-servers/ferretdb.
#   infra/dev/ferretdb.sh start|stop|status|env
# The binary is built once with Go from the FerretDB module (fetched through the Go module proxy)
# and cached under $SPELLGRID_CACHE (default ~/.cache/spellgrid); a second start takes a second.
# Why not `go install .../cmd/ferretdb@v1.24.2`: the binary it makes panics at start, because a
# FerretDB build must carry build/version/version.txt, which the module does not ship (its own
# build generates it). So the module's source is copied, that file written, and built with `go build`.
set -euo pipefail

VERSION=v1.24.2
PORT="${FERRETDB_PORT:-57017}"
DEBUG_PORT="${FERRETDB_DEBUG_PORT:-57018}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cache="${SPELLGRID_CACHE:-$HOME/.cache/spellgrid}/ferretdb-$VERSION"
bin="$cache/bin/ferretdb"
data="$root/.dev-servers/ferretdb"
pidfile="$data/ferretdb.pid"
log="$data/ferretdb.log"

name=ferretdb
. "$(dirname "$0")/process.sh"

build() {
  [ -x "$bin" ] && return 0
  command -v go >/dev/null || { echo "ferretdb.sh: Go is needed to build FerretDB (apt-get install golang, or go.dev)" >&2; exit 1; }
  echo "ferretdb.sh: building FerretDB $VERSION into $cache (once)" >&2
  local dir
  dir="$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -n "$dir" ] || { echo "ferretdb.sh: go mod download of FerretDB $VERSION failed" >&2; exit 1; }
  rm -rf "$cache/src" && mkdir -p "$cache/bin"
  cp -r "$dir" "$cache/src" && chmod -R u+w "$cache/src"
  echo "$VERSION" > "$cache/src/build/version/version.txt"
  # modernc.org/sqlite is pure Go: no C compiler needed
  (cd "$cache/src" && CGO_ENABLED=0 GOFLAGS=-buildvcs=false go build -o "$bin.tmp" ./cmd/ferretdb)
  mv "$bin.tmp" "$bin"
}

wait_port() {
  for _ in $(seq 1 100); do
    listening "$PORT" && return 0
    running || { echo "ferretdb.sh: FerretDB exited; its log ($log):" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.2
  done
  echo "ferretdb.sh: FerretDB did not listen on 127.0.0.1:$PORT within 20 s; log: $log" >&2
  exit 1
}

case "${1:-}" in
  start)
    if running; then echo "ferretdb: already running (pid $(cat "$pidfile")) on 127.0.0.1:$PORT"; exit 0; fi
    build
    mkdir -p "$data/sqlite"
    nohup "$bin" --handler=sqlite --sqlite-url="file:$data/sqlite/" --state-dir="$data" \
      --listen-addr="127.0.0.1:$PORT" --debug-addr="127.0.0.1:$DEBUG_PORT" \
      --telemetry=disable --log-level=WARN >"$log" 2>&1 </dev/null &
    echo $! > "$pidfile"
    wait_port
    echo "ferretdb: started (pid $(cat "$pidfile")) on 127.0.0.1:$PORT, data in $data"
    ;;
  stop) stop_process 10 ;;
  status) status_process ;;
  env)
    echo "export TEST_MONGODB_URL=mongodb://127.0.0.1:$PORT/spellgrid_test"
    echo "export MONGODB_URL=mongodb://127.0.0.1:$PORT/spellgrid"
    ;;
  *)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
