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

# The server as it is deployed: Release, compiled ahead of time to native code (ReadyToRun: the libraries' IL is not
# JIT-compiled at each start), into $root/.build/server by default. Prints the directory.
publish_server() {
  local out=${1:-$root/.build/server}
  dotnet publish "$root/src/SpeakersList.Server/SpeakersList.Server.csproj" -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$out" -nologo -v q >&2 || return 1
  printf '%s\n' "$out"
}

# The checkout's own PostgreSQL cluster (ops/run, ops/cluster): .data/postgres, or, run as root from a checkout the postgres
# user cannot enter (under /root, a mktemp -d folder), a folder of this checkout's under /var/lib/speakerslist. Prints it.
pg_data_dir() {
  if [ "$(id -u)" = 0 ] && ! (cd / && runuser -u postgres -- test -x "$root"); then
    printf '/var/lib/speakerslist/%s/postgres\n' "$(printf '%s' "$root" | sha256sum | cut -c1-12)"
  else
    printf '%s/.data/postgres\n' "$root"
  fi
}

# A throwaway folder under /tmp whose PostgreSQL cluster the postgres user may own. Prints its path.
pg_work_dir() {
  local dir
  dir=$(mktemp -d "/tmp/$1.XXXXXX")
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  printf '%s\n' "$dir"
}

# Runs a PostgreSQL command as the postgres user when we are root (postgres refuses to run as root), from /: the
# postgres user may not be able to enter the folder the command is run from.
pg_as_owner() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)); }

# start_cluster DIR PORT [MAX_CONNECTIONS]: initialises DIR on first use, then starts it on 127.0.0.1:PORT (TCP only).
start_cluster() {
  local dir=$1 port=$2 connections=${3:-300} bin
  bin=$(pg_bin)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir" && chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    say "initialising a PostgreSQL cluster in $dir"
    pg_as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  pg_as_owner "$bin/pg_ctl" -D "$dir" -w -t 60 -l "$dir/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=$connections" start >/dev/null
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

# --- Several nodes (ops/cluster, ops/test): Redis for the SignalR backplane, nginx in front. ---

ensure_redis() { command -v redis-server >/dev/null || apt_install redis-server; }

ensure_nginx() { [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || apt_install nginx; }

nginx_bin() { command -v nginx 2>/dev/null || echo /usr/sbin/nginx; }

# start_redis DIR PORT: a Redis on 127.0.0.1:PORT keeping its data in DIR (daemonised; stop_redis DIR stops it).
start_redis() {
  local dir=$1 port=$2
  mkdir -p "$dir"
  redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize yes --pidfile "$dir/redis.pid" \
    --logfile "$dir/redis.log" --save 60 1 --appendonly no --protected-mode yes >/dev/null
  for _ in $(seq 1 50); do redis_ping "$port" && return 0; sleep 0.1; done
  say "Redis did not start: see $dir/redis.log"; return 1
}

redis_ping() { redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null | grep -q PONG; }

stop_redis() {
  local dir=$1 pid
  [ -f "$dir/redis.pid" ] || return 0
  pid=$(cat "$dir/redis.pid")
  if kill -TERM "$pid" 2>/dev/null; then
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$dir/redis.pid"
}

# write_nginx_conf DIR LISTEN_PORT NODE_PORT...: nginx in front of the nodes on 127.0.0.1, config and logs in DIR.
# Commands go round-robin; the hub is pinned by client address (SignalR's negotiate and its WebSocket must reach the
# same node). A node that refuses or times out is skipped (proxy_next_upstream) and left out for fail_timeout.
write_nginx_conf() {
  local dir=$1 listen=$2; shift 2
  local servers="" port user_line=""
  for port in "$@"; do servers="$servers    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'; done
  mkdir -p "$dir/tmp"
  if [ "$(id -u)" = 0 ]; then user_line="user nobody nogroup;"; chown -R nobody:nogroup "$dir/tmp" 2>/dev/null || true; fi
  cat >"$dir/nginx.conf" <<CONF
# Generated by ops/lib.sh (write_nginx_conf); rewritten on every start.
$user_line
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  client_max_body_size 8m;

  # No keepalive to the nodes: a connection to a dead node is refused at once and the request goes to the next
  # (a kept-alive connection would fail after the request was written, and a POST is then not retried).
  upstream speakerslist {
$servers  }
  upstream speakerslist_hub {
    hash \$remote_addr consistent;
$servers  }
  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }

  server {
    listen 127.0.0.1:$listen;
    proxy_http_version 1.1;
    proxy_set_header Host \$http_host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_set_header X-Forwarded-Host \$http_host;
    proxy_connect_timeout 2s;
    # A dead node (refused, reset before answering, 502/503/504) is skipped; a command sent to a node that died
    # while handling it is not replayed here (non-idempotent): the client retries with the same commandId.
    proxy_next_upstream error timeout http_502 http_503 http_504;
    proxy_next_upstream_tries 3;
    add_header X-SpeakersList-Node \$upstream_addr always;

    location / {
      proxy_pass http://speakerslist;
    }
    location /hubs/ {
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      proxy_buffering off;
      proxy_pass http://speakerslist_hub;
    }
  }
}
CONF
}

# start_nginx DIR: nginx in the foreground of a background job (no daemon), its pid in DIR/nginx.pid.
start_nginx() {
  local dir=$1
  "$(nginx_bin)" -t -q -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" || { say "the nginx configuration is refused: $dir/error.log"; return 1; }
  "$(nginx_bin)" -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' &
}
