#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL server on 127.0.0.1 for the test suite.
#   scripts/postgres.sh start   -> prints the DATABASE_URL to use
#   scripts/postgres.sh stop
# Installs Debian's postgresql package when no server is present (needs root, as in CI).
set -euo pipefail

PORT="${PGPORT_TEST:-5433}"
DATA_DIR="${PGDATA_TEST:-/tmp/menu-of-support-postgres}"
DB_USER=directory
DB_PASSWORD=directory
DB_NAME=directory

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

start() {
  PGBIN="$(find_bin)"
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "Installing PostgreSQL from Debian packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    PGBIN="$(find_bin)"
  fi
  if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
    mkdir -p "$DATA_DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA_DIR"
    as_postgres "'$PGBIN/initdb' -D '$DATA_DIR' -U postgres --auth=trust -E UTF8 >/dev/null"
  fi
  if ! as_postgres "'$PGBIN/pg_ctl' -D '$DATA_DIR' status" >/dev/null 2>&1; then
    as_postgres "'$PGBIN/pg_ctl' -D '$DATA_DIR' -l '$DATA_DIR/server.log' -w \
      -o \"-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >&2
  fi
  psql_admin() { "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
  if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'")" != 1 ]; then
    psql_admin -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'" >&2
  fi
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'")" != 1 ]; then
    psql_admin -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >&2
  fi
  echo "postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
}

stop() {
  PGBIN="$(find_bin)"
  [ -n "$PGBIN" ] && [ -f "$DATA_DIR/PG_VERSION" ] || exit 0
  as_postgres "'$PGBIN/pg_ctl' -D '$DATA_DIR' -m fast stop" >&2 || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
