#!/usr/bin/env bash
# Start (or stop) a throwaway Redis server on 127.0.0.1 for development and the test suite.
#   scripts/redis.sh start   -> prints the REDIS_URL to use
#   scripts/redis.sh stop
#   scripts/redis.sh status
# Installs Debian's redis-server package when none is present (needs root, as in CI). Nothing
# is saved to disk: every start begins empty.
set -euo pipefail

PORT="${REDIS_PORT:-6380}"
DIR="${REDIS_DIR:-/tmp/menu-of-support-redis}"
PIDFILE="$DIR/redis.pid"

cli() { redis-cli -h 127.0.0.1 -p "$PORT" "$@"; }

start() {
  if ! command -v redis-server >/dev/null; then
    echo "Installing Redis from Debian packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq redis-server >&2
  fi
  mkdir -p "$DIR"
  if ! cli ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --pidfile "$PIDFILE" \
      --dir "$DIR" --logfile "$DIR/redis.log" --save "" --appendonly no >&2
    for _ in $(seq 50); do cli ping >/dev/null 2>&1 && break; sleep 0.1; done
    cli ping >/dev/null || { echo "Redis did not start; see $DIR/redis.log" >&2; exit 1; }
  fi
  echo "redis://127.0.0.1:$PORT/0"
}

stop() {
  cli shutdown nosave >/dev/null 2>&1 || true
}

status() {
  if cli ping >/dev/null 2>&1; then echo "running: redis://127.0.0.1:$PORT/0"; else echo "stopped"; exit 1; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
