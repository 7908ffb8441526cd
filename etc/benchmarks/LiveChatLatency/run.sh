#!/usr/bin/env bash
# Starts a throwaway PostgreSQL and a Release host on loopback, runs the Live Chat latency benchmark against it, and
# stops both. Arguments go to the benchmark: [shoppers=200] [agents=5] [messagesPerConversation=5].
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

require_dotnet
PG_PORT=55533; while port_in_use "$PG_PORT"; do PG_PORT=$((PG_PORT + 1)); done
HTTP_PORT=5590; while port_in_use "$HTTP_PORT"; do HTTP_PORT=$((HTTP_PORT + 1)); done
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/upsellic-bench.XXXXXX")"
HOST_LOG="$REPO_ROOT/artifacts/benchmarks/livechat-host.log"
mkdir -p "$(dirname "$HOST_LOG")"
chmod 755 "$WORK_DIR"
HOST_PID=""
cleanup() {
  [ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null && wait "$HOST_PID" 2>/dev/null
  stop_postgres "$WORK_DIR/pgdata"
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT

start_postgres "$WORK_DIR/pgdata" "$PG_PORT" bench
ensure_database "$PG_PORT" upsellic_bench

log "Building the host and the benchmark (Release)"
dotnet build "$REPO_ROOT/host/Upsellic.Platform.Host/Upsellic.Platform.Host.csproj" -c Release -nologo -v quiet >&2
dotnet build "$REPO_ROOT/etc/benchmarks/LiveChatLatency/LiveChatLatency.csproj" -c Release -nologo -v quiet >&2

log "Starting the host on 127.0.0.1:$HTTP_PORT (its log: $HOST_LOG)"
(
  cd "$REPO_ROOT/host/Upsellic.Platform.Host"
  # One benchmark client opens every conversation and token from one address: the per-address limits would refuse it.
  ConnectionStrings__Default="$(connection_string "$PG_PORT" upsellic_bench)" \
  Platform__AdminEmail=admin@bench.example Platform__AdminPassword=Admin-bench-2026 Demo__Enabled=false \
  Conversations__RateLimits__StartsPerMinute=100000 Saas__RateLimits__AccountRequestsPerMinute=100000 \
  Logging__LogLevel__Default="${BENCH_LOG_LEVEL:-Warning}" ASPNETCORE_ENVIRONMENT=Production \
  exec dotnet bin/Release/net10.0/Upsellic.Platform.Host.dll --urls "http://127.0.0.1:$HTTP_PORT"
) > "$HOST_LOG" 2>&1 &
HOST_PID=$!
# The benchmark waits for the host's /health before it starts.
dotnet "$REPO_ROOT/etc/benchmarks/LiveChatLatency/bin/Release/net10.0/LiveChatLatency.dll" "http://127.0.0.1:$HTTP_PORT" "$@"
