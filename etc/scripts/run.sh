#!/usr/bin/env bash
# Sets everything up and runs Upsellic with a seeded demo store.
#   UPSELLIC_PG_PORT   PostgreSQL port on 127.0.0.1 (default 55432)
#   UPSELLIC_DATA_DIR  where the database lives (default: .upsellic/ in the repo; /var/tmp/upsellic as root)
#   UPSELLIC_URLS      where the host listens (default http://127.0.0.1:5080)
# Any ASP.NET Core setting can be given as an environment variable (Section__Key), e.g. Platform__AdminPassword.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${UPSELLIC_PG_PORT:-55432}"
URLS="${UPSELLIC_URLS:-http://127.0.0.1:5080}"
# As root the cluster runs as the postgres user, which cannot enter root's home: keep it under /var/tmp then.
if is_root; then DEFAULT_DATA=/var/tmp/upsellic; else DEFAULT_DATA="$REPO_ROOT/.upsellic"; fi
DATA_DIR="${UPSELLIC_DATA_DIR:-$DEFAULT_DATA}"
PG_DATA="$DATA_DIR/pgdata"

require_dotnet
start_postgres "$PG_DATA" "$PORT"
trap 'log "Stopping PostgreSQL"; stop_postgres "$PG_DATA"' EXIT
ensure_database "$PORT" upsellic

log "Building"
dotnet build "$REPO_ROOT/host/Upsellic.Platform.Host/Upsellic.Platform.Host.csproj" -c Release -nologo -v quiet >&2

export ConnectionStrings__Default="${ConnectionStrings__Default:-$(connection_string "$PORT" upsellic)}"
export Platform__AdminEmail="${Platform__AdminEmail:-admin@upsellic.local}"
export Platform__AdminPassword="${Platform__AdminPassword:-Admin-upsellic-2026}"
export Demo__Enabled="${Demo__Enabled:-true}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
DEMO_EMAIL="${Demo__OwnerEmail:-demo@northwind.example}"
DEMO_PASSWORD="${Demo__OwnerPassword:-Demo-store-2026}"
FIRST_URL="${URLS%%;*}"

cat <<INFO

  Upsellic is starting (migrations and the demo store are applied at start).
    Dashboard       $FIRST_URL/
    Sign up         $FIRST_URL/account/sign-up
    Health          $FIRST_URL/health
    OpenAPI         $FIRST_URL/openapi/v1.json
    Jobs            $FIRST_URL/hangfire (platform admin)
  Demo store login  $DEMO_EMAIL / $DEMO_PASSWORD
  Platform admin    $Platform__AdminEmail / $Platform__AdminPassword
  Data              $PG_DATA (PostgreSQL on 127.0.0.1:$PORT)
  Press Ctrl-C to stop.

INFO

cd "$REPO_ROOT/host/Upsellic.Platform.Host"
dotnet bin/Release/net10.0/Upsellic.Platform.Host.dll --urls "$URLS"
