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

command=${1:?usage: redis.sh start DIR PORT | stop DIR}
dir=${2:?usage: redis.sh start DIR PORT | stop DIR}

case "$command" in
  start)
    port=${3:?usage: redis.sh start DIR PORT}
    ensure_installed
    case "$dir" in /*) ;; *) dir="$(pwd)/$dir" ;; esac
    mkdir -p "$dir"
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
    ;;
  stop)
    if [ -f "$dir/redis.pid" ]; then
      pid=$(cat "$dir/redis.pid")
      kill "$pid" 2>/dev/null || true
      # Waits for it to go, so the port is free when this returns.
      while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "redis.sh: unknown command $command" >&2
    exit 2
    ;;
esac
