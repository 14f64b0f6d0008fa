#!/bin/sh
# A throwaway PostgreSQL server for tests: Debian's postgresql (installed when missing; CI runs as root on Debian),
# a fresh cluster in DIR with trust auth, listening on 127.0.0.1:PORT with its socket in DIR.
#   scripts/postgres.sh start DIR PORT   → prints postgres://postgres@127.0.0.1:PORT/postgres once it accepts connections
#   scripts/postgres.sh stop DIR         → stops the server and removes DIR
set -eu

bindir() {
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/initdb" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

ensure_installed() {
  if bindir >/dev/null; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres.sh: PostgreSQL is missing and installing it needs root (apt-get install postgresql)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

# PostgreSQL refuses to run as root; the Debian package creates the postgres user for it.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

command=${1:?usage: postgres.sh start DIR PORT | stop DIR}
dir=${2:?usage: postgres.sh start DIR PORT | stop DIR}

case "$command" in
  start)
    port=${3:?usage: postgres.sh start DIR PORT}
    ensure_installed
    bin=$(bindir)
    case "$dir" in /*) ;; *) dir="$(pwd)/$dir" ;; esac
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Durability is worth nothing for a server that lives as long as one test run.
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $dir -F -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_server_user "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "postgres.sh: unknown command $command" >&2
    exit 2
    ;;
esac
