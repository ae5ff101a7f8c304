#!/usr/bin/env bash
# The regional-scale benchmark in small (for CI): generate a region, start the portal on it in Release, drive every
# page briefly at 1 and 8 clients. Exits non-zero when generation fails, the portal does not start or a page answers
# with errors (the speed targets are the million-case run's, not this one's).
# Usage: tests/GuardianshipPortal.Benchmarks/scale-smoke.sh [CASES] [SECONDS] [sqlite|postgres]
#   postgres: a throwaway database on the server GP_TEST_POSTGRES names (as the tests use it), dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
CASES=${1:-20000}; SECONDS_PER_PAGE=${2:-2}; PROVIDER=${3:-sqlite}; PORT=${GP_SMOKE_PORT:-5087}
WORK=$(mktemp -d /tmp/gp-scale-smoke.XXXXXX)
BENCH=tests/GuardianshipPortal.Benchmarks/bin/Release/net10.0/GuardianshipPortal.Benchmarks.dll
case "$PROVIDER" in
  sqlite) DB="Data Source=$WORK/region.db"; APP_PROVIDER=Sqlite ;;
  postgres)
    : "${GP_TEST_POSTGRES:?set GP_TEST_POSTGRES (bash .ci/start-postgres.sh prints it)}"
    NAME="gp_smoke_$$"; DB="$GP_TEST_POSTGRES;Database=$NAME"; APP_PROVIDER=Postgres ;;
  *) echo "provider: sqlite or postgres" >&2; exit 2 ;;
esac
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [ "$PROVIDER" = postgres ] && dotnet "$BENCH" dropdb --connection "$DB" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
started=$(date +%s)
dotnet build tests/GuardianshipPortal.Benchmarks -c Release -v q -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
dotnet "$BENCH" generate --provider "$PROVIDER" --connection "$DB" --cases "$CASES"
ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS=http://127.0.0.1:$PORT Database__Provider=$APP_PROVIDER ConnectionStrings__Portal="$DB" \
  Security__TwoFactorRoles= Demo__Seed=false DataProtection__KeysPath="$WORK/keys" Notifications__Folder="$WORK/outbox" \
  Serilog__MinimumLevel__Default=Warning Escalation__Run=false Notifications__Dispatch=false \
  dotnet src/GuardianshipPortal.Web/bin/Release/net10.0/GuardianshipPortal.Web.dll >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 1; done
status=0
dotnet "$BENCH" load --url "http://127.0.0.1:$PORT" --duration "$SECONDS_PER_PAGE" --concurrency 1,8 --pid "$APP_PID" \
  --provider "$PROVIDER" --connection "$DB" || status=$?
[ "$status" -eq 0 ] || { echo "--- the portal's log (last 60 lines)"; tail -60 "$WORK/app.log"; }
echo "scale smoke ($PROVIDER): $CASES cases, $(( $(date +%s) - started )) s"
exit "$status"
