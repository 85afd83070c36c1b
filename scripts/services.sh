#!/usr/bin/env bash
# Starts (or stops) private PostgreSQL and Redis instances for the demo and the tests.
#
#   scripts/services.sh start        start both (install from Debian's packages when missing)
#   scripts/services.sh stop         stop both
#   scripts/services.sh redis-stop   stop only Redis (tests of outages)
#   scripts/services.sh redis-start  start only Redis again
#   scripts/services.sh env          print the environment the instances answer on
#
# When DATABASE_URL / REDIS_URL are already set, that service is taken as given and left alone.
# The instances live under .data/ on ports of their own and never touch a system instance.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${SAMORDNING_DATA_DIR:-$ROOT/.data}"
PG_PORT="${SAMORDNING_PG_PORT:-54329}"
REDIS_PORT="${SAMORDNING_REDIS_PORT:-63799}"
PG_SUPER_PASSWORD="postgres-local-only"
APP_DB_USER="samordning"
APP_DB_PASSWORD="samordning-local-only"
# The owner of the schema runs the migrations; the application connects as APP_DB_USER, a member of
# APP_DB_GROUP, which the migrations grant only what the application needs (audit_entry: SELECT, INSERT).
OWNER_DB_USER="samordning_owner"
OWNER_DB_PASSWORD="samordning-owner-local-only"
APP_DB_GROUP="samordning_app"
DATABASES="samordning samordning_test samordning_bench"
ENV_FILE="$DATA/services.env"

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] FEL: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi
}

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null || die "apt-get is missing; install $* yourself or set DATABASE_URL/REDIS_URL"
  if [ $apt_updated = 0 ]; then log "apt-get update"; as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null; apt_updated=1; fi
  log "installing $* from Debian's packages"
  # policy-rc.d keeps the packages from starting system instances of their own
  as_root sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  as_root rm -f /usr/sbin/policy-rc.d
}

pg_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return 0; fi
  return 1
}

# PostgreSQL refuses to run as root: when we are root, the cluster belongs to an unprivileged user.
PG_OS_USER=""
pg_run() {
  if [ -n "$PG_OS_USER" ]; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    "$@"
  fi
}

# Where the cluster lives: under .data/ normally. As root the cluster belongs to the postgres user, who may
# not be able to enter the checkout (a clone in /root or any 0700 directory): then it lives in a directory
# of its own outside the checkout, named after the checkout so two clones never share one.
pg_home() {
  if [ -n "$PG_OS_USER" ] && ! (cd / && runuser -u "$PG_OS_USER" -- test -x "$DATA" -a -r "$DATA") 2>/dev/null; then
    echo "/var/tmp/samordning-pg-$(printf '%s' "$DATA" | sha256sum | cut -c1-16)"
  else
    echo "$DATA"
  fi
}

start_pg() {
  local bindir
  bindir="$(pg_bindir)" || { apt_install postgresql postgresql-client; bindir="$(pg_bindir)" || die "PostgreSQL binaries not found after install"; }
  if [ "$(id -u)" = 0 ]; then
    PG_OS_USER=postgres
    id -u "$PG_OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
  fi
  mkdir -p "$DATA"
  chmod 755 "$DATA"
  local home; home="$(pg_home)"
  local pgdata="$home/pg" sock="$home/pg-run" pglog="$home/pg.log"
  mkdir -p "$home" "$sock"
  chmod 755 "$home"
  [ -n "$PG_OS_USER" ] && chown "$PG_OS_USER" "$sock"
  if [ ! -s "$pgdata/PG_VERSION" ]; then
    log "initdb $pgdata"
    rm -rf "$pgdata"; mkdir -p "$pgdata"
    [ -n "$PG_OS_USER" ] && chown "$PG_OS_USER" "$pgdata"
    local pwfile="$home/.pgpw"
    printf '%s\n' "$PG_SUPER_PASSWORD" >"$pwfile"
    [ -n "$PG_OS_USER" ] && chown "$PG_OS_USER" "$pwfile"
    pg_run "$bindir/initdb" -D "$pgdata" -U postgres --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$home/initdb.log" 2>&1 || { cat "$home/initdb.log" >&2; die "initdb failed"; }
    rm -f "$pwfile"
  fi
  if pg_run "$bindir/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    log "PostgreSQL already running on port $PG_PORT"
  else
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    [ -n "$PG_OS_USER" ] && touch "$pglog" && chown "$PG_OS_USER" "$pglog"
    pg_run "$bindir/pg_ctl" -D "$pgdata" -l "$pglog" -w -t 60 start \
      -o "-p $PG_PORT -k $sock -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
      || { tail -20 "$pglog" >&2; die "PostgreSQL did not start"; }
  fi
  local psql="$bindir/psql"
  [ -x "$psql" ] || psql="psql"
  local i
  for i in $(seq 1 60); do
    pg_run "$psql" -h "$sock" -p "$PG_PORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1 && break
    sleep 0.5
  done
  pg_run "$psql" -h "$sock" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$OWNER_DB_USER') THEN
    CREATE ROLE $OWNER_DB_USER LOGIN PASSWORD '$OWNER_DB_PASSWORD';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$APP_DB_GROUP') THEN
    CREATE ROLE $APP_DB_GROUP NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$APP_DB_USER') THEN
    CREATE ROLE $APP_DB_USER LOGIN PASSWORD '$APP_DB_PASSWORD';
  END IF;
END \$\$;
ALTER ROLE $APP_DB_USER NOCREATEDB;
GRANT $APP_DB_GROUP TO $APP_DB_USER;
SELECT 'CREATE DATABASE samordning OWNER $OWNER_DB_USER' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'samordning')\gexec
SELECT 'CREATE DATABASE samordning_test OWNER $OWNER_DB_USER' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'samordning_test')\gexec
SELECT 'CREATE DATABASE samordning_bench OWNER $OWNER_DB_USER' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'samordning_bench')\gexec
SQL
  # A cluster made before the owner role existed: everything the app role owns moves to the owner, and the
  # grants the migration would have given are given here (idempotent; a no-op on a fresh cluster).
  local db
  for db in $DATABASES; do
    pg_run "$psql" -h "$sock" -p "$PG_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt >/dev/null <<SQL
ALTER DATABASE $db OWNER TO $OWNER_DB_USER;
REASSIGN OWNED BY $APP_DB_USER TO $OWNER_DB_USER;
DO \$\$ BEGIN
  IF to_regclass('public.audit_entry') IS NOT NULL THEN
    GRANT USAGE ON SCHEMA public TO $APP_DB_GROUP;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO $APP_DB_GROUP;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO $APP_DB_GROUP;
    ALTER DEFAULT PRIVILEGES FOR ROLE $OWNER_DB_USER IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO $APP_DB_GROUP;
    ALTER DEFAULT PRIVILEGES FOR ROLE $OWNER_DB_USER IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO $APP_DB_GROUP;
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_entry FROM $APP_DB_GROUP;
    -- That REVOKE also takes the column grant the audit sequencer's migration gave (1764094000000): give it back.
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'audit_entry' AND column_name = 'content_hash') THEN
      GRANT UPDATE (seq, prev_hash, hash) ON audit_entry TO $APP_DB_GROUP;
    END IF;
  END IF;
  IF to_regclass('public.audit_checkpoint') IS NOT NULL THEN
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_checkpoint FROM $APP_DB_GROUP;
  END IF;
END \$\$;
SQL
  done
}

redis_bin() { command -v redis-server 2>/dev/null || { [ -x /usr/bin/redis-server ] && echo /usr/bin/redis-server; }; }

start_redis() {
  local bin
  bin="$(redis_bin)" || true
  [ -n "$bin" ] || { apt_install redis-server; bin="$(redis_bin)" || die "redis-server not found after install"; }
  mkdir -p "$DATA/redis"
  if redis_ping; then log "Redis already running on port $REDIS_PORT"; return 0; fi
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  "$bin" --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$DATA/redis" \
    --pidfile "$DATA/redis/redis.pid" --logfile "$DATA/redis/redis.log" --save "" --appendonly no \
    --maxmemory-policy noeviction >/dev/null
  local i
  for i in $(seq 1 60); do redis_ping && return 0; sleep 0.25; done
  die "Redis did not answer on port $REDIS_PORT"
}

redis_ping() {
  if command -v redis-cli >/dev/null; then
    [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]
  else
    (exec 3<>/dev/tcp/127.0.0.1/"$REDIS_PORT" && printf 'PING\r\n' >&3 && read -r -t 2 reply <&3 && [[ "$reply" == +PONG* ]]) 2>/dev/null
  fi
}

stop_redis() {
  if redis_ping; then
    log "stopping Redis"
    if command -v redis-cli >/dev/null; then redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; fi
    local i; for i in $(seq 1 40); do redis_ping || break; sleep 0.25; done
  fi
}

stop_pg() {
  local bindir; bindir="$(pg_bindir)" || return 0
  [ "$(id -u)" = 0 ] && PG_OS_USER=postgres
  local pgdata; pgdata="$(pg_home)/pg"
  [ -s "$pgdata/PG_VERSION" ] || return 0
  if pg_run "$bindir/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    log "stopping PostgreSQL"; pg_run "$bindir/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null || true
  fi
}

write_env() {
  mkdir -p "$DATA"
  {
    if [ -z "${DATABASE_URL:-}" ]; then
      echo "DATABASE_URL=postgres://$APP_DB_USER:$APP_DB_PASSWORD@127.0.0.1:$PG_PORT/samordning"
      echo "TEST_DATABASE_URL=postgres://$APP_DB_USER:$APP_DB_PASSWORD@127.0.0.1:$PG_PORT/samordning_test"
      echo "BENCH_DATABASE_URL=postgres://$APP_DB_USER:$APP_DB_PASSWORD@127.0.0.1:$PG_PORT/samordning_bench"
      echo "DATABASE_SUPERUSER_URL=postgres://postgres:$PG_SUPER_PASSWORD@127.0.0.1:$PG_PORT/samordning_test"
      # The schema owner, for migrations only (the config key DATABASE_MIGRATION_URL).
      echo "DATABASE_MIGRATION_URL=postgres://$OWNER_DB_USER:$OWNER_DB_PASSWORD@127.0.0.1:$PG_PORT/samordning"
      echo "TEST_DATABASE_MIGRATION_URL=postgres://$OWNER_DB_USER:$OWNER_DB_PASSWORD@127.0.0.1:$PG_PORT/samordning_test"
      echo "BENCH_DATABASE_MIGRATION_URL=postgres://$OWNER_DB_USER:$OWNER_DB_PASSWORD@127.0.0.1:$PG_PORT/samordning_bench"
    fi
    if [ -z "${REDIS_URL:-}" ]; then echo "REDIS_URL=redis://127.0.0.1:$REDIS_PORT"; fi
  } >"$ENV_FILE"
}

case "${1:-start}" in
  start)
    [ -n "${DATABASE_URL:-}" ] || start_pg
    [ -n "${REDIS_URL:-}" ] || start_redis
    write_env
    log "ready ($ENV_FILE)"
    ;;
  stop) stop_redis; stop_pg ;;
  redis-stop) stop_redis ;;
  redis-start) start_redis ;;
  env) write_env; cat "$ENV_FILE" ;;
  *) die "usage: $0 start|stop|redis-start|redis-stop|env" ;;
esac
