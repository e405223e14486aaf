#!/usr/bin/env bash
# Neo4j 5.26 community (the embedded database service with its Bolt connector) for development
# and the tests of the Neo4j play-pattern graph: loopback only, no authentication, data under
# .dev-servers/neo4j. Needs Java 17 and Maven; the jars come from Maven Central (infra/dev/neo4j/pom.xml)
# and are cached with the compiled entry point (infra/dev/neo4j/Neo4jDev.java) under
# $SPELLGRID_CACHE (default ~/.cache/spellgrid); a second start takes a few seconds.
#   infra/dev/neo4j.sh start|stop|status|env
set -euo pipefail

VERSION=5.26.30
PORT="${NEO4J_PORT:-57687}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="${SPELLGRID_CACHE:-$HOME/.cache/spellgrid}/neo4j-$VERSION"
data="$root/.dev-servers/neo4j"
pidfile="$data/neo4j.pid"
log="$data/neo4j.log"

name=neo4j
. "$here/process.sh"

build() {
  for tool in java javac mvn; do
    command -v "$tool" >/dev/null || { echo "neo4j.sh: $tool is needed (apt-get install openjdk-17-jdk-headless maven)" >&2; exit 1; }
  done
  if [ ! -f "$cache/lib/.complete" ]; then
    echo "neo4j.sh: fetching Neo4j $VERSION jars from Maven Central into $cache/lib (once)" >&2
    rm -rf "$cache/lib"
    mvn -q -B -f "$here/neo4j/pom.xml" dependency:copy-dependencies -DoutputDirectory="$cache/lib" >&2
    touch "$cache/lib/.complete"
  fi
  if [ ! -f "$cache/classes/Neo4jDev.class" ] || [ "$here/neo4j/Neo4jDev.java" -nt "$cache/classes/Neo4jDev.class" ]; then
    mkdir -p "$cache/classes"
    javac -cp "$cache/lib/*" -d "$cache/classes" "$here/neo4j/Neo4jDev.java"
  fi
}

wait_ready() {
  for _ in $(seq 1 300); do
    grep -q "neo4j ready" "$log" 2>/dev/null && listening "$PORT" && return 0
    running || { echo "neo4j.sh: Neo4j exited; its log ($log):" >&2; tail -30 "$log" >&2; exit 1; }
    sleep 0.2
  done
  echo "neo4j.sh: Neo4j did not listen on 127.0.0.1:$PORT within 60 s; log: $log" >&2
  exit 1
}

case "${1:-}" in
  start)
    if running; then echo "neo4j: already running (pid $(cat "$pidfile")) on 127.0.0.1:$PORT"; exit 0; fi
    build
    mkdir -p "$data/db"
    nohup java -Xmx1g -cp "$cache/classes:$cache/lib/*" Neo4jDev "$data/db" "$PORT" >"$log" 2>&1 </dev/null &
    echo $! > "$pidfile"
    wait_ready
    echo "neo4j: started (pid $(cat "$pidfile")) on bolt://127.0.0.1:$PORT, data in $data"
    ;;
  stop) stop_process 30 ;;
  status) status_process ;;
  env)
    echo "export TEST_GRAPH_URL=bolt://127.0.0.1:$PORT"
    echo "export GRAPH_URL=bolt://127.0.0.1:$PORT"
    ;;
  *)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
