# Shared by the dev-server scripts that run their server as a background process with a pid file
# (kafka.sh, ferretdb.sh, neo4j.sh): sourced after they set $name and $pidfile.

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# stop_process SECONDS: TERM, then KILL if it has not exited within SECONDS.
stop_process() {
  if ! running; then rm -f "$pidfile"; echo "$name: not running"; return 0; fi
  local pid
  pid="$(cat "$pidfile")"
  kill "$pid"
  for _ in $(seq 1 $(($1 * 5))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; echo "$name: killed (did not stop within $1 s)"; else echo "$name: stopped"; fi
  rm -f "$pidfile"
}

status_process() {
  if running; then echo "$name: running (pid $(cat "$pidfile"))"; else echo "$name: not running"; return 1; fi
}
