#!/usr/bin/env bash
# Starts (or reuses) a local PostgreSQL + PostGIS cluster for ServiceMap's tests and benchmarks and
# prints the JDBC URL of one database on it as the last line of stdout. Installs the Debian packages
# when missing.
#
#   scripts/postgis.sh [start] [--db NAME] [--with-pgrouting]   install if needed, start, create DB NAME, print its URL
#   scripts/postgis.sh stop                                      stop the cluster
#   scripts/postgis.sh url [--db NAME]                           print the URL of NAME on the running cluster
#
# Each user gets its own database, so that none finds another's tables: NAME defaults to
# `servicemap`, the app's (README "Running on PostGIS"; Flyway wants it empty or its own);
# scripts/benchmark.sh uses `servicemap_bench`; scripts/test.sh uses `servicemap_test` only as the
# entry point where the tests create a fresh database per test context.
#
# Environment: SERVICEMAP_PG_DIR (cluster directory; default under $TMPDIR), SERVICEMAP_PG_PORT
# (first port to try; default 55432). The cluster listens on 127.0.0.1 only, with trust auth:
# it is a test database, never a production one.
set -euo pipefail

PG_MAJOR=15
BIN=/usr/lib/postgresql/$PG_MAJOR/bin
REPO=$(cd "$(dirname "$0")/.." && pwd)
HASH=$(printf '%s' "$REPO" | md5sum | cut -c1-8)
DIR=${SERVICEMAP_PG_DIR:-${TMPDIR:-/tmp}/servicemap-postgis-$HASH}
DATA=$DIR/data
DB=servicemap
ROLE=servicemap
APP_DB=servicemap

log() { echo "postgis.sh: $*" >&2; }

as_owner() {
  # PostgreSQL refuses to run as root: run the server tools as the postgres system user then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

sudo_if_needed() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*  (install postgresql-$PG_MAJOR-postgis-3 yourself, or run as root)"; exit 1; fi
}

ensure_packages() {
  local want=("postgresql-$PG_MAJOR" "postgresql-$PG_MAJOR-postgis-3")
  [ "${WITH_PGROUTING:-0}" = 1 ] && want+=("postgresql-$PG_MAJOR-pgrouting")
  local missing=()
  for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} from Debian packages"
    sudo_if_needed apt-get update -qq >&2
    # The postgresql-common post-install would create and start a default cluster on 5432: we do not need it.
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
}

free_port() {
  local port=${SERVICEMAP_PG_PORT:-55432}
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

url() { echo "jdbc:postgresql://127.0.0.1:$(cat "$DIR/port")/$DB?user=$ROLE"; }

running() { [ -f "$DIR/port" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

start() {
  ensure_packages
  if ! running; then
    if [ ! -f "$DATA/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
      as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    local port
    # a restart keeps the cluster's port while it is free, so that clients find it again
    if [ -f "$DIR/port" ] && ! (echo >"/dev/tcp/127.0.0.1/$(cat "$DIR/port")") 2>/dev/null; then port=$(cat "$DIR/port"); else port=$(free_port); fi
    echo "$port" > "$DIR/port.tmp" && mv "$DIR/port.tmp" "$DIR/port"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR/port"
    log "starting PostgreSQL $PG_MAJOR on 127.0.0.1:$port (data in $DATA)"
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
      -o "-p $port -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB -c max_connections=200" \
      start >/dev/null || { log "PostgreSQL did not start; see $DIR/server.log:"; tail -20 "$DIR/server.log" >&2; exit 1; }
  fi
  local port; port=$(cat "$DIR/port")
  local psql=("$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
  if [ "$("${psql[@]}" -d postgres -c "select 1 from pg_roles where rolname='$ROLE'")" != 1 ]; then
    "${psql[@]}" -d postgres -c "create role $ROLE login superuser" >/dev/null
  fi
  if [ "$("${psql[@]}" -d postgres -c "select 1 from pg_database where datname='$DB'")" != 1 ]; then
    "${psql[@]}" -d postgres -c "create database $DB owner $ROLE" >/dev/null
  fi
  "${psql[@]}" -d "$DB" -c "create extension if not exists postgis" >/dev/null
  if [ "${WITH_PGROUTING:-0}" = 1 ]; then
    "${psql[@]}" -d "$DB" -c "create extension if not exists pgrouting" >/dev/null
  fi
  if [ "$DB" = "$APP_DB" ]; then
    # scripts/benchmark.sh used to write its tables into the app's database; Flyway then refuses it
    local left; left=$("${psql[@]}" -d "$DB" -c "select string_agg(tablename, ', ' order by tablename) from pg_tables
                        where schemaname = 'public' and tablename like 'bench\_%'")
    if [ -n "$left" ]; then
      log "database $DB holds tables of an older scripts/benchmark.sh ($left); the app's Flyway will refuse it."
      log "drop them:  $BIN/psql -h 127.0.0.1 -p $port -U postgres -d $DB -c 'drop table $left'"
    fi
  fi
  url
}

cmd=start
while [ $# -gt 0 ]; do
  case "$1" in
    start|stop|url) cmd=$1 ;;
    --with-pgrouting) WITH_PGROUTING=1 ;;
    --db) [ $# -ge 2 ] || { log "--db needs a database name"; exit 2; }; DB=$2; shift ;;
    --db=*) DB=${1#--db=} ;;
    *) log "unknown argument: $1"; exit 2 ;;
  esac
  shift
done
if ! [[ "$DB" =~ ^[a-z_][a-z0-9_]{0,62}$ ]]; then
  log "database name must be lower-case letters, digits and '_': '$DB'"; exit 2
fi
case "$cmd" in
  start) start ;;
  stop) running && as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >&2 || log "not running" ;;
  url) running && url || { log "not running; run scripts/postgis.sh start"; exit 1; } ;;
esac
