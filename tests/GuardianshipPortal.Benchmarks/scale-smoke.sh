#!/usr/bin/env bash
# The regional-scale benchmark in small (for CI): generate a 20,000-case region on SQLite, start the portal on it,
# drive every page briefly at 1 and 8 clients. Exits non-zero when generation fails, the portal does not start or a
# page answers with errors. Usage: tests/GuardianshipPortal.Benchmarks/scale-smoke.sh [CASES] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
CASES=${1:-20000}; SECONDS_PER_PAGE=${2:-2}; PORT=${GP_SMOKE_PORT:-5087}
WORK=$(mktemp -d /tmp/gp-scale-smoke.XXXXXX); DB="Data Source=$WORK/region.db"
trap '[ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
started=$(date +%s)
dotnet build tests/GuardianshipPortal.Benchmarks -c Release -v q -nologo >/dev/null
dotnet tests/GuardianshipPortal.Benchmarks/bin/Release/net10.0/GuardianshipPortal.Benchmarks.dll generate --provider sqlite --connection "$DB" --cases "$CASES"
ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS=http://127.0.0.1:$PORT Database__Provider=Sqlite ConnectionStrings__Portal="$DB" \
  Security__TwoFactorRoles= Demo__Seed=false DataProtection__KeysPath="$WORK/keys" Notifications__Folder="$WORK/outbox" \
  Serilog__MinimumLevel__Default=Warning Escalation__Run=false Notifications__Dispatch=false \
  dotnet src/GuardianshipPortal.Web/bin/Release/net10.0/GuardianshipPortal.Web.dll >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 1; done
dotnet tests/GuardianshipPortal.Benchmarks/bin/Release/net10.0/GuardianshipPortal.Benchmarks.dll load --url "http://127.0.0.1:$PORT" \
  --duration "$SECONDS_PER_PAGE" --concurrency 1,8 --pid "$APP_PID" --provider sqlite --connection "$DB"
echo "scale smoke: $CASES cases, $(( $(date +%s) - started )) s"
