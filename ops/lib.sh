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
# JIT-compiled at each start), into $root/.build/server by default. Prints the directory. Composite and self-contained:
# the runtime, ASP.NET Core, the libraries and our code are compiled as one image, so the generic code that crosses them
# (an async method's state machine in the runtime's builder, a JSON converter for our records) is compiled here too and
# inlined across assemblies, instead of JIT-compiled on the first request of each kind (issue 25: the first rush after a
# start). It still runs as `dotnet DIR/SpeakersList.Server.dll`.
publish_server() {
  local out=${1:-$root/.build/server}
  dotnet publish "$root/src/SpeakersList.Server/SpeakersList.Server.csproj" -c Release -r linux-x64 --self-contained true \
    -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$out" -nologo -v q >&2 || return 1
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

# --- PostgreSQL under pg_auto_failover (ops/cluster with SPEAKERSLIST_PG_NODES=2, the cluster tests, ops/bench-cluster) ---
# A monitor and data nodes node1, node2, ... in one folder HOME (HOME/monitor, HOME/node1, ...; logs HOME/*.log; pg_autoctl's
# own configuration and state under HOME/autoctl, not in a user's home). pg_autoctl runs as the postgres user (it refuses root).
# With two data nodes the standby is synchronous (synchronous_standby_names = ANY 1): a commit is acknowledged once the
# standby has it. Timeouts are shortened for a meeting: a dead primary is replaced in about 15 s (the defaults: about 40 s).

ensure_auto_failover() {
  local major
  major=$(basename "$(dirname "$(pg_bin)")")
  command -v pg_autoctl >/dev/null && [ -f "/usr/lib/postgresql/$major/lib/pgautofailover.so" ] && return 0
  apt_install "postgresql-$major-auto-failover" pg-auto-failover-cli
}

# in_autoctl_env HOME COMMAND...: as the cluster's owner, from /, with PostgreSQL's binaries first on PATH.
in_autoctl_env() {
  local home=$1; shift
  pg_as_owner env PATH="$(pg_bin):/usr/bin:/bin" HOME="$home/autoctl" XDG_CONFIG_HOME="$home/autoctl/config" \
    XDG_DATA_HOME="$home/autoctl/data" XDG_RUNTIME_DIR="$home/autoctl/run" PG_REGRESS_SOCK_DIR="$home/autoctl/run" PGHOST="$home/autoctl/run" "$@"
}

autoctl() { local home=$1; shift; in_autoctl_env "$home" pg_autoctl "$@"; }

# pg_autoctl_run HOME NAME: `pg_autoctl run` for HOME/NAME (a monitor or a data node), detached in a session of its own so
# that it outlives the caller; its pid in HOME/NAME.pid, its log HOME/NAME.log.
pg_autoctl_run() {
  local home=$1 name=$2
  rm -f "$home/$name.pid"
  in_autoctl_env "$home" setsid sh -c 'echo $$ > "$1.pid"; exec pg_autoctl run --pgdata "$1"' sh "$home/$name" >>"$home/$name.log" 2>&1 </dev/null &
  for _ in $(seq 1 100); do [ -s "$home/$name.pid" ] && return 0; sleep 0.1; done
  say "pg_autoctl run for $home/$name did not start: $home/$name.log"; return 1
}

# pg_state HOME: the data nodes as the monitor sees them, one a line: "name host:port reported-state assigned-state".
pg_state() {
  "$(pg_bin)/psql" -h 127.0.0.1 -p "$(cat "$1/monitor.port")" -U autoctl_node -d pg_auto_failover -tA -F ' ' \
    -c "select nodename, nodehost || ':' || nodeport, reportedstate, goalstate from pgautofailover.node order by nodeid" 2>/dev/null
}

# pg_primary HOME: "name host:port" of the node that takes writes (primary, or wait_primary while its standby is away).
pg_primary() { pg_state "$1" | awk '$3 == $4 && ($3 == "primary" || $3 == "wait_primary" || $3 == "single") { print $1, $2; exit }'; }

# pg_wait_in_sync HOME SECONDS: until one node is primary and every other a secondary (the standby in sync).
pg_wait_in_sync() {
  local home=$1 seconds=${2:-120} state deadline
  deadline=$(($(date +%s) + seconds))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    state=$(pg_state "$home" || true)
    if [ -n "$state" ] && printf '%s\n' "$state" | awk '$3 != $4 { bad = 1 } $3 == "primary" { p++ } $3 != "primary" && $3 != "secondary" { bad = 1 } END { exit !(p == 1 && !bad) }'; then
      return 0
    fi
    sleep 0.25
  done
  say "the standby is not in sync after $seconds s:"; printf '%s\n' "$state" >&2; return 1
}

# start_pg_failover HOME MONITOR_PORT DATABASE NODE_PORT...: on first use creates a monitor and one data node per port
# (node1 the primary, the others standbys copied from it, DATABASE created); then runs them all and waits until the
# standby is in sync. stop_pg_failover HOME stops them.
start_pg_failover() {
  local home=$1 monitor_port=$2 database=$3; shift 3
  local monitor="postgres://autoctl_node@127.0.0.1:$monitor_port/pg_auto_failover?sslmode=disable" i=0 port
  mkdir -p "$home/autoctl/run"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$home" "$home/autoctl" "$home/autoctl/run"
  chmod 700 "$home"
  echo "$monitor_port" >"$home/monitor.port"
  if [ ! -f "$home/monitor/PG_VERSION" ]; then
    say "creating the pg_auto_failover monitor in $home/monitor"
    autoctl "$home" create monitor --pgdata "$home/monitor" --pgport "$monitor_port" --hostname 127.0.0.1 --listen 127.0.0.1 \
      --auth trust --no-ssl >>"$home/monitor.log" 2>&1 || { say "pg_autoctl create monitor failed: $home/monitor.log"; return 1; }
    # Detect a dead node in about 4 s and give a primary cut off from everything 8 s to stop taking writes before its
    # standby is promoted (each node's network_partition_timeout, 6 s, is shorter: it has demoted itself by then).
    cat >>"$home/monitor/postgresql.auto.conf" <<CONF
pgautofailover.health_check_period = 1000
pgautofailover.health_check_timeout = 1000
pgautofailover.health_check_max_retries = 1
pgautofailover.health_check_retry_delay = 500
pgautofailover.node_considered_unhealthy_timeout = 4000
pgautofailover.primary_demote_timeout = 8000
CONF
  fi
  pg_autoctl_run "$home" monitor || return 1
  for _ in $(seq 1 240); do "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$monitor_port" && break; sleep 0.25; done
  for port in "$@"; do
    i=$((i + 1))
    if [ ! -f "$home/node$i/PG_VERSION" ]; then
      say "creating PostgreSQL node$i on 127.0.0.1:$port ($([ $i = 1 ] && echo primary || echo standby))"
      autoctl "$home" create postgres --pgdata "$home/node$i" --pgport "$port" --hostname 127.0.0.1 --listen 127.0.0.1 \
        --auth trust --no-ssl --dbname "$database" --monitor "$monitor" --name "node$i" >>"$home/node$i.log" 2>&1 \
        || { say "pg_autoctl create postgres failed: $home/node$i.log"; return 1; }
      autoctl "$home" config set --pgdata "$home/node$i" timeout.network_partition_timeout 6 >/dev/null
      # Room for the service's nodes, the tests' and the benchmark's clients.
      printf 'max_connections = 300\n' >>"$home/node$i/postgresql.auto.conf"
    fi
    pg_autoctl_run "$home" "node$i" || return 1
    # The first node is the primary before the next is copied from it.
    [ $i = 1 ] && [ $# -gt 1 ] && { pg_wait_single "$home" 120 || return 1; }
  done
  [ $# -gt 1 ] && pg_wait_in_sync "$home" 180
  return 0
}

# Until some node takes writes (on a first start, node1 alone).
pg_wait_single() {
  for _ in $(seq 1 $(($2 * 4))); do [ -n "$(pg_primary "$1")" ] && return 0; sleep 0.25; done
  say "no PostgreSQL node takes writes after $2 s: $1/node1.log"; return 1
}

# pg_node_pids HOME NAME: the pids of a node's pg_autoctl and everything under it (its PostgreSQL and that one's processes).
pg_node_pids() {
  local pid
  pid=$(cat "$1/$2.pid" 2>/dev/null) || return 0
  # A pid file left by a machine that restarted may name another process now.
  { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q "pg_autoctl run --pgdata $1/$2" || return 0
  descendants() { local c; for c in $(pgrep -P "$1"); do echo "$c"; descendants "$c"; done; }
  echo "$pid"; descendants "$pid"
}

# kill_pg_node HOME NAME: SIGKILL a node's pg_autoctl and its PostgreSQL, as when its machine dies.
kill_pg_node() {
  local pids
  pids=$(pg_node_pids "$1" "$2")
  # shellcheck disable=SC2086
  [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
  rm -f "$1/$2.pid"
  return 0
}

# stop_pg_node HOME NAME: SIGTERM to its pg_autoctl, which stops its PostgreSQL; until both have ended.
stop_pg_node() {
  local home=$1 name=$2 pids pid
  pids=$(pg_node_pids "$home" "$name")
  [ -z "$pids" ] && return 0
  kill -TERM "$(cat "$home/$name.pid")" 2>/dev/null || true
  for _ in $(seq 1 240); do
    local alive=""
    for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ -z "$alive" ] && break
    sleep 0.25
  done
  # shellcheck disable=SC2086
  kill -KILL $pids 2>/dev/null || true
  rm -f "$home/$name.pid"
}

# stop_pg_failover HOME: the data nodes, then the monitor.
stop_pg_failover() {
  local home=$1 pidfile name
  for pidfile in "$home"/node*.pid; do [ -e "$pidfile" ] && { name=$(basename "$pidfile" .pid); stop_pg_node "$home" "$name"; }; done
  stop_pg_node "$home" monitor
}

# pg_switchover HOME: the primary hands over to its synchronous standby (nothing acknowledged is lost); waits until done.
pg_switchover() {
  local home=$1
  autoctl "$home" perform switchover --pgdata "$home/monitor" --wait 120 >>"$home/switchover.log" 2>&1 && pg_wait_in_sync "$home" 120
}
