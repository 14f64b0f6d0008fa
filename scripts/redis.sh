#!/bin/sh
# A throwaway Redis server for tests: Debian's redis-server (installed when missing; CI runs as root on Debian),
# without persistence, listening on 127.0.0.1:PORT with its files in DIR.
#   scripts/redis.sh start DIR PORT   → prints redis://127.0.0.1:PORT once it answers
#   scripts/redis.sh stop DIR         → stops the server and removes DIR
set -eu

ensure_installed() {
  if command -v redis-server >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "redis.sh: Redis is missing and installing it needs root (apt-get install redis-server)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends redis-server >/dev/null
}

# start DIR PORT
start() {
  port=${2:?usage: redis.sh start DIR PORT}
  ensure_installed
  dir=$(mkdir -p "$1" && cd "$1" && pwd)
  # Pub/sub only: nothing is worth saving, so no snapshots and no append-only file.
  redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly no \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/server.log"
  tries=0
  until redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ]; then cat "$dir/server.log" >&2; exit 1; fi
    sleep 0.1
  done
  echo "redis://127.0.0.1:$port"
}

# stop DIR
stop() {
  if [ -f "$1/redis.pid" ]; then
    pid=$(cat "$1/redis.pid")
    kill "$pid" 2>/dev/null || true
    # Waits for it to go, so the port is free when this returns.
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  fi
  rm -rf "$1"
}

case "${1:-}" in
  start | stop)
    verb=$1
    shift
    [ $# -ge 1 ] || { echo "usage: redis.sh start DIR PORT | stop DIR" >&2; exit 2; }
    "$verb" "$@"
    ;;
  *)
    echo "usage: redis.sh start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
