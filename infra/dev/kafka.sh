#!/usr/bin/env bash
# Apache Kafka for development and tests: one KRaft node (broker and controller in one JVM) on
# loopback, from the Maven Central jars (resolved by infra/dev/kafka/pom.xml), on Java 17+.
#   infra/dev/kafka.sh start   # idempotent; the first run fetches the jars (~30 MB) into the cache
#   infra/dev/kafka.sh env     # export TEST_KAFKA_BROKERS=... and KAFKA_BROKERS=...
#   infra/dev/kafka.sh stop
#   infra/dev/kafka.sh reset   # stop and delete the data (topics, offsets)
#   infra/dev/kafka.sh tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server 127.0.0.1:59092 --list
# Jars: $SPELLGRID_CACHE/kafka-<version>-<pom hash>/ (default ~/.cache/spellgrid). Data and log:
# .dev-servers/kafka/ in the repository. Ports: broker 127.0.0.1:59092, controller 127.0.0.1:59093
# (override with KAFKA_PORT / KAFKA_CONTROLLER_PORT).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/kafka/pom.xml")"
cache="${SPELLGRID_CACHE:-$HOME/.cache/spellgrid}"
# keyed by the pom's content too: a changed dependency list resolves again
jars="$cache/kafka-$version-$(sha1sum "$here/kafka/pom.xml" | cut -c1-8)"
dir="$repo/.dev-servers/kafka"
port="${KAFKA_PORT:-59092}"
cport="${KAFKA_CONTROLLER_PORT:-59093}"
# a fixed cluster id (base64 of "spellgrid-kafka1"), so the data directory is formatted once
cluster_id="c3BlbGxncmlkLWthZmthMQ"
pidfile="$dir/kafka.pid"

name=kafka.sh
. "$here/process.sh"

fetch_jars() {
  [ -f "$jars/.complete" ] && return 0
  command -v java >/dev/null || { echo "kafka.sh: java not found (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
  command -v mvn >/dev/null || { echo "kafka.sh: mvn not found (apt-get install maven)" >&2; exit 1; }
  echo "kafka.sh: fetching Apache Kafka $version jars from Maven Central into $jars" >&2
  rm -rf "$jars.tmp"
  mvn -q -B -f "$here/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$jars.tmp" >&2
  rm -rf "$jars" && mv "$jars.tmp" "$jars" && touch "$jars/.complete"
}

write_config() {
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=168
EOF
  cat >"$dir/log4j2.properties" <<EOF
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = $dir/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = info
logger.server.name = org.apache.kafka.server
logger.server.level = info
EOF
}

java_cmd() {
  java -Xms128m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$dir/log4j2.properties" \
    -cp "$jars/*" "$@"
}

start() {
  if running; then
    echo "kafka.sh: already running (pid $(cat "$pidfile")) on 127.0.0.1:$port"
    return 0
  fi
  if listening "$port"; then
    echo "kafka.sh: port $port is taken by another process; set KAFKA_PORT" >&2
    exit 1
  fi
  fetch_jars
  write_config
  if [ ! -f "$dir/data/meta.properties" ]; then
    java_cmd kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" --ignore-formatted >"$dir/format.log" 2>&1 \
      || { cat "$dir/format.log" >&2; exit 1; }
  fi
  local t0=$SECONDS
  nohup java -Xms128m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$dir/log4j2.properties" \
    -cp "$jars/*" kafka.Kafka "$dir/server.properties" >"$dir/stdout.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  # wait (bounded) until the broker has registered with the controller and accepts connections
  for _ in $(seq 1 120); do
    if ! running; then
      echo "kafka.sh: the broker exited; last lines of its logs:" >&2
      tail -n 30 "$dir/stdout.log" "$dir/server.log" >&2 2>/dev/null || true
      rm -f "$pidfile"
      exit 1
    fi
    if listening "$port" && grep -q "Kafka Server started" "$dir/server.log" 2>/dev/null; then
      echo "kafka.sh: Apache Kafka $version (KRaft) up on 127.0.0.1:$port in $((SECONDS - t0))s (pid $(cat "$pidfile"))"
      return 0
    fi
    sleep 0.5
  done
  echo "kafka.sh: the broker did not start within 60s; see $dir/server.log" >&2
  stop
  exit 1
}

stop() { stop_process 30; }

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  reset) stop; rm -rf "$dir" ;;
  tool)
    # runs a Kafka command-line tool's main class on the cached jars, e.g.
    #   infra/dev/kafka.sh tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server 127.0.0.1:59092 --list
    shift; fetch_jars; exec java -Xmx256m -cp "$jars/*" "$@" ;;
  env)
    echo "export TEST_KAFKA_BROKERS=127.0.0.1:$port"
    echo "export KAFKA_BROKERS=127.0.0.1:$port"
    ;;
  status) status_process ;;
  *) echo "usage: $0 start|stop|env|status|reset|tool MAIN-CLASS ARGS..." >&2; exit 2 ;;
esac
