# Shared by ops/run and ops/test: install what is missing, run a local PostgreSQL cluster.
# shellcheck shell=bash

say() { printf '\033[1m[speakerslist]\033[0m %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { say "apt-get update"; as_root apt-get update -qq >/dev/null; apt_updated=1; }
  say "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

ensure_postgres() {
  pg_bin >/dev/null || apt_install postgresql
  pg_bin >/dev/null || { say "PostgreSQL binaries are still missing"; exit 1; }
}

ensure_dotnet() {
  command -v dotnet >/dev/null || { say "the .NET SDK (see global.json) is required: it is not on PATH"; exit 1; }
}

ensure_node() {
  command -v npm >/dev/null || apt_install nodejs npm
}

# Runs a PostgreSQL command as the postgres user when we are root (postgres refuses to run as root).
pg_as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)); }

# start_cluster DIR PORT: initialises DIR on first use, then starts it on 127.0.0.1:PORT (TCP only).
start_cluster() {
  local dir=$1 port=$2 bin
  bin=$(pg_bin)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir" && chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    say "initialising a PostgreSQL cluster in $dir"
    pg_as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  pg_as_owner "$bin/pg_ctl" -D "$dir" -w -t 60 -l "$dir/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300" start >/dev/null
}

stop_cluster() {
  local dir=$1 bin
  bin=$(pg_bin)
  [ -f "$dir/postmaster.pid" ] && pg_as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

create_database() {
  local port=$1 name=$2 bin
  bin=$(pg_bin)
  if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='$name'" postgres | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name"
  fi
}
