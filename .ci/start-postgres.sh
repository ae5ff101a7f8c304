#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL cluster on 127.0.0.1:${GP_PG_PORT:-55432} with trust auth.
# Prints the connection string prefix the tests expect in GP_TEST_POSTGRES.
set -euo pipefail
PORT=${GP_PG_PORT:-55432}
PGDATA=${GP_PG_DATA:-/tmp/gp-pg}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  install -d -o postgres -g postgres "$PGDATA"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDATA -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c log_error_verbosity=terse" start >/dev/null
fi
echo "Host=127.0.0.1;Port=$PORT;Username=postgres"
