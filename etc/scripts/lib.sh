#!/usr/bin/env bash
# Shared by run.sh and test.sh: finds or installs what the project needs and runs a project-local PostgreSQL on
# loopback. Never touches the machine's own cluster. Works as root (PostgreSQL runs as the postgres user) or not.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as root: directly when we are root, through passwordless sudo otherwise.
as_root() {
  if is_root; then "$@"; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"; else return 1; fi
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$APT_UPDATED" -eq 0 ]; then as_root apt-get update -qq >/dev/null || return 1; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "The .NET SDK 10 is needed (dotnet on PATH)."
}

pg_bin_dir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

ensure_postgres_binaries() {
  if ! PG_BIN="$(pg_bin_dir)"; then
    log "Installing PostgreSQL server binaries"
    apt_install postgresql >/dev/null || die "PostgreSQL binaries (initdb, pg_ctl) are missing and could not be installed. Install the 'postgresql' package."
    PG_BIN="$(pg_bin_dir)" || die "PostgreSQL binaries not found after installing."
  fi
  export PG_BIN
}

# Runs a PostgreSQL server program as the right OS user (initdb and postgres refuse to run as root).
pg_as_owner() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_postgres DATA_DIR PORT [test]: initialise the cluster if new, start it if stopped, wait until it answers.
start_postgres() {
  local data_dir="$1" port="$2" mode="${3:-}"
  ensure_postgres_binaries
  mkdir -p "$data_dir"
  if is_root; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
    chown -R postgres:postgres "$data_dir"
    chmod 700 "$data_dir"
  fi
  if [ ! -f "$data_dir/PG_VERSION" ]; then
    log "Creating a PostgreSQL cluster in $data_dir"
    pg_as_owner "$PG_BIN/initdb" -D "$data_dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 -N >/dev/null
  fi
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
    log "PostgreSQL is already running on port $port"
    return 0
  fi
  port_in_use "$port" && die "Port $port is taken by another program; set UPSELLIC_PG_PORT to a free port."
  local options="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300"
  # Durability is pointless for a throwaway test database and costs seconds per run.
  [ "$mode" = "test" ] && options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  log "Starting PostgreSQL on 127.0.0.1:$port"
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w -t 60 -o "$options" start >/dev/null \
    || { cat "$data_dir/server.log" >&2 || true; die "PostgreSQL did not start."; }
}

stop_postgres() {
  local data_dir="$1"
  [ -n "${PG_BIN:-}" ] && [ -f "$data_dir/PG_VERSION" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null 2>&1 || true
}

# ensure_database PORT NAME: the role and database NAME (password NAME), created only when missing.
ensure_database() {
  local port="$1" name="$2" psql="$PG_BIN/psql"
  [ -x "$psql" ] || psql="psql"
  "$psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q <<SQL
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', '$name', '$name')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$name') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', '$name', '$name')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$name') \gexec
SQL
}

connection_string() {
  local port="$1" name="$2"
  echo "Host=127.0.0.1;Port=$port;Database=$name;Username=$name;Password=$name;Include Error Detail=true"
}

# Debian's Chromium for the browser tests; Playwright never downloads a browser here.
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  log "Installing Chromium for the browser tests"
  apt_install chromium fonts-liberation || die "Chromium is missing and could not be installed (run as root or with passwordless sudo: apt-get install chromium)."
}

# Debian's redis-server for the scale-out tests (presence + SignalR backplane shared by two hosts).
ensure_redis() {
  command -v redis-server >/dev/null 2>&1 && return 0
  log "Installing redis-server for the scale-out tests"
  apt_install redis-server || die "redis-server is missing and could not be installed (run as root or with passwordless sudo: apt-get install redis-server)."
}

# start_redis DIR PORT: a throwaway Redis on loopback, nothing saved to disk; stop_redis DIR PORT stops it.
start_redis() {
  local dir="$1" port="$2"
  mkdir -p "$dir"
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir" || die "Redis did not start (see $dir/redis.log)"
  for _ in $(seq 1 50); do port_in_use "$port" && return 0; sleep 0.1; done
  die "Redis did not listen on $port (see $dir/redis.log)"
}

stop_redis() {
  local dir="$1"
  [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
}
