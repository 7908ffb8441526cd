#!/usr/bin/env bash
# Sets everything up on a throwaway database and runs every test project (unit, integration, browser).
# Ends with the line "N passed, N failed, N skipped"; exits non-zero on any failure or when no test ran.
#   UPSELLIC_TEST_PG_PORT   port of the throwaway PostgreSQL (default: the first free one from 55433)
#   UPSELLIC_TEST_FILTER    optional dotnet test --filter expression
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_dotnet
ensure_chromium
ensure_redis

PORT="${UPSELLIC_TEST_PG_PORT:-55433}"
if [ -z "${UPSELLIC_TEST_PG_PORT:-}" ]; then while port_in_use "$PORT"; do PORT=$((PORT + 1)); done; fi
REDIS_PORT=56379
while port_in_use "$REDIS_PORT"; do REDIS_PORT=$((REDIS_PORT + 1)); done
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/upsellic-test.XXXXXX")"
chmod 755 "$WORK_DIR" # the postgres user must be able to enter it when we are root
RESULTS_DIR="$REPO_ROOT/artifacts/test-results"
cleanup() { stop_redis "$WORK_DIR/redis"; stop_postgres "$WORK_DIR/pgdata"; rm -rf "$WORK_DIR"; }
trap cleanup EXIT

start_postgres "$WORK_DIR/pgdata" "$PORT" test
ensure_database "$PORT" upsellic_test
# Each test project creates its own database from this one's name, so projects may run side by side.
export UPSELLIC_TEST_CONNECTION="$(connection_string "$PORT" upsellic_test)"
start_redis "$WORK_DIR/redis" "$REDIS_PORT"
# The scale-out tests run two hosts on this Redis (presence and the SignalR backplane).
export UPSELLIC_TEST_REDIS="127.0.0.1:$REDIS_PORT"

log "Building"
dotnet build "$REPO_ROOT/Upsellic.Platform.sln" -c Debug -nologo -v quiet -p:TreatWarningsAsErrors=true >&2

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
status=0
for project in "$REPO_ROOT"/tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  log "Testing $name"
  args=(test "$project" --no-build -c Debug --nologo --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$RESULTS_DIR")
  [ -n "${UPSELLIC_TEST_FILTER:-}" ] && args+=(--filter "$UPSELLIC_TEST_FILTER")
  dotnet "${args[@]}" || status=1
done

# Sum the counters of every TRX file: <Counters total=".." executed=".." passed=".." failed=".." ... notExecuted="..">
sum_counter() {
  local total=0 value file
  for file in "$RESULTS_DIR"/*.trx; do
    [ -f "$file" ] || continue
    value="$(grep -o "<Counters [^>]*" "$file" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" || echo 0)"
    total=$((total + ${value:-0}))
  done
  echo "$total"
}
passed="$(sum_counter passed)"
failed="$(sum_counter failed)"
errors="$(sum_counter error)"
timeouts="$(sum_counter timeout)"
skipped="$(sum_counter notExecuted)"
failed=$((failed + errors + timeouts))

# Name what failed right above the closing line, so a log that shows only its tail still says which test and why.
if [ "$failed" -gt 0 ]; then
  for file in "$RESULTS_DIR"/*.trx; do
    [ -f "$file" ] || continue
    awk '/<UnitTestResult / && /outcome="(Failed|Error|Timeout)"/ { match($0, /testName="[^"]*"/); print "FAILED " substr($0, RSTART + 10, RLENGTH - 11); failing = 1; shown = 0 }
         failing && /<Message>/ { inMessage = 1 }
         inMessage && shown < 6 { sub(/^ */, "  "); print; shown++ }
         inMessage && /<\/Message>/ { inMessage = 0; failing = 0 }' "$file"
  done
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then status=1; fi
exit "$status"
