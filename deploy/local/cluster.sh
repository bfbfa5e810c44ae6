#!/usr/bin/env bash
# A production-profile cluster on loopback, without Docker: redis-server, nats-server (JetStream) and N silos
# (optionally a front-end), each on a free port. Needs what install-services.sh installs.
#
#   cluster.sh up [--silos N] [--frontend] [--no-build] [--set Key=Value ...]   start everything, print the URLs
#   cluster.sh status                                                             what runs, with pids and URLs
#   cluster.sh kill I        kill -9 silo I (1-based)          cluster.sh start I     start silo I again (same ports)
#   cluster.sh stop I        stop silo I gracefully            cluster.sh restart I   stop then start silo I
#   cluster.sh down          stop everything 'up' started and remove the state folder
#
# State (pid files, logs, ports, JetStream and Redis data) lives in $ORLEANS_SENTIMENT_CLUSTER_DIR
# (default: a folder under ${XDG_STATE_HOME:-~/.local/state}/orleans-sentiment), readable only by its owner.
# Redis requires a password made by 'up' (in cluster.env there): loopback is open to every user of the machine.
# '--set Key=Value' passes a setting to every silo and the front-end, e.g. --set Orleans:Metadata:role=classifier.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${ORLEANS_SENTIMENT_CLUSTER_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/orleans-sentiment/cluster}"
CONFIGURATION="${CONFIGURATION:-Release}"
SILO_DLL="$ROOT/silo/bin/$CONFIGURATION/net10.0/linux-x64/Orleans.Sentiment.Silo.dll"
READY_TIMEOUT="${READY_TIMEOUT:-300}"

say() { printf '%s\n' "$*"; }
die() { printf 'cluster.sh: %s\n' "$*" >&2; exit 1; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

declare -A TAKEN=()
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 40000 ))
    if [ -z "${TAKEN[$port]:-}" ] && ! port_in_use "$port"; then
      TAKEN[$port]=1
      echo "$port"
      return
    fi
  done
  die "no free port found"
}

wait_for_port() {
  local port=$1 what=$2
  for _ in $(seq 1 100); do port_in_use "$port" && return; sleep 0.1; done
  die "$what did not open port $port"
}

wait_ready() {
  local url=$1 pidfile=$2 what=$3 deadline=$(( SECONDS + READY_TIMEOUT ))
  while [ $SECONDS -lt $deadline ]; do
    alive "$pidfile" || die "$what exited during start-up; see ${pidfile%.pid}.log"
    if [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$url/health/ready" || true)" = 200 ]; then return; fi
    sleep 0.5
  done
  die "$what was not ready after ${READY_TIMEOUT}s; see ${pidfile%.pid}.log"
}

# Settings every process gets (written by 'up', read by start/restart).
load_env() {
  [ -f "$STATE/cluster.env" ] || die "no cluster in $STATE (run: cluster.sh up)"
  # shellcheck disable=SC1091
  . "$STATE/cluster.env"
}

# start_process NAME HTTP_PORT SILO_PORT GATEWAY_PORT ROLE
start_process() {
  local name=$1 http=$2 silo_port=$3 gateway_port=$4 role=$5
  local -a args=("$SILO_DLL" --urls "http://127.0.0.1:$http"
    "--Cluster:Profile=production"
    "--Nats:Url=nats://127.0.0.1:$NATS_PORT" "--Orleans:ClusterId=$CLUSTER_ID" "--Orleans:ServiceId=$CLUSTER_ID"
    "--Orleans:AdvertisedIP=127.0.0.1" "--Orleans:SiloPort=$silo_port" "--Orleans:GatewayPort=$gateway_port"
    "--Host:Role=$role")
  local setting
  if [ -f "$STATE/settings" ]; then
    while IFS= read -r setting; do [ -n "$setting" ] && args+=("--$setting"); done < "$STATE/settings"
  fi
  # exec: the pid file holds the silo's own pid, so 'kill' really kill -9s the silo. The connection string (with the
  # Redis password) goes in the environment, which other users cannot read, not on the command line, which they can.
  (cd "$ROOT/silo" && DOTNET_ENVIRONMENT=Production Redis__ConnectionString="127.0.0.1:$REDIS_PORT,password=$REDIS_PASSWORD" \
    exec nohup dotnet "${args[@]}" >> "$STATE/$name.log" 2>&1 < /dev/null) &
  echo $! > "$STATE/$name.pid"
  printf '%s %s %s\n' "$http" "$silo_port" "$gateway_port" > "$STATE/$name.ports"
}

start_silo() {
  local i=$1 http silo_port gateway_port
  load_env
  alive "$STATE/silo-$i.pid" && die "silo $i is already running (pid $(cat "$STATE/silo-$i.pid"))"
  if [ -f "$STATE/silo-$i.ports" ]; then
    read -r http silo_port gateway_port < "$STATE/silo-$i.ports"
  else
    http=$(free_port); silo_port=$(free_port); gateway_port=$(free_port)
  fi
  start_process "silo-$i" "$http" "$silo_port" "$gateway_port" silo
  wait_ready "http://127.0.0.1:$http" "$STATE/silo-$i.pid" "silo $i"
  say "silo $i: http://127.0.0.1:$http (pid $(cat "$STATE/silo-$i.pid"), log $STATE/silo-$i.log)"
}

stop_pid() {
  local pidfile=$1 signal=${2:-TERM}
  if alive "$pidfile"; then
    local pid
    pid=$(cat "$pidfile")
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

cmd_up() {
  local silos=2 frontend=0 build=1
  local -a settings=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --silos) silos=$2; shift 2 ;;
      --frontend) frontend=1; shift ;;
      --no-build) build=0; shift ;;
      --set) settings+=("$2"); shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ "$silos" =~ ^[1-9][0-9]*$ ]] || die "--silos needs a positive number"
  command -v redis-server >/dev/null || die "redis-server is not on PATH (run deploy/local/install-services.sh)"
  command -v nats-server >/dev/null || die "nats-server is not on PATH (run deploy/local/install-services.sh)"
  if [ -f "$STATE/cluster.env" ] && { alive "$STATE/redis.pid" || alive "$STATE/nats.pid"; }; then
    die "a cluster is already up in $STATE (cluster.sh down first)"
  fi
  rm -rf "$STATE"
  mkdir -p "$STATE/redis" "$STATE/jetstream"
  chmod 700 "$STATE"
  if [ "$build" -eq 1 ]; then
    say "building the silo ($CONFIGURATION)..."
    dotnet build "$ROOT/silo" -c "$CONFIGURATION" -nologo -v quiet >/dev/null
  fi
  [ -f "$SILO_DLL" ] || die "$SILO_DLL is missing (build the silo, or drop --no-build)"
  printf '%s\n' "${settings[@]+"${settings[@]}"}" > "$STATE/settings"

  local redis_port nats_port
  redis_port=$(free_port); nats_port=$(free_port)
  # 256 random bits in hex: nothing to escape in the connection string or the Redis configuration.
  local redis_password
  redis_password=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
  (umask 077 && cat > "$STATE/cluster.env" <<EOF
REDIS_PORT=$redis_port
REDIS_PASSWORD=$redis_password
NATS_PORT=$nats_port
CLUSTER_ID=orleans-sentiment-local
EOF
  )
  load_env

  # The password from a file, so it is not on redis-server's command line either.
  (umask 077 && printf 'requirepass %s\n' "$REDIS_PASSWORD" > "$STATE/redis.conf")
  nohup redis-server "$STATE/redis.conf" --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$STATE/redis" --appendonly yes \
    --save "" --daemonize no > "$STATE/redis.log" 2>&1 < /dev/null &
  echo $! > "$STATE/redis.pid"
  wait_for_port "$REDIS_PORT" redis-server
  say "redis:  127.0.0.1:$REDIS_PORT (pid $(cat "$STATE/redis.pid"); password: REDIS_PASSWORD in $STATE/cluster.env)"

  nohup nats-server -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$STATE/jetstream" > "$STATE/nats.log" 2>&1 < /dev/null &
  echo $! > "$STATE/nats.pid"
  wait_for_port "$NATS_PORT" nats-server
  say "nats:   nats://127.0.0.1:$NATS_PORT (pid $(cat "$STATE/nats.pid"))"

  # The first silo creates the JetStream stream and builds the built-in models once; the others then start together.
  start_silo 1
  local i
  for i in $(seq 2 "$silos"); do
    local http silo_port gateway_port
    http=$(free_port); silo_port=$(free_port); gateway_port=$(free_port)
    start_process "silo-$i" "$http" "$silo_port" "$gateway_port" silo
  done
  for i in $(seq 2 "$silos"); do
    read -r http _ _ < "$STATE/silo-$i.ports"
    wait_ready "http://127.0.0.1:$http" "$STATE/silo-$i.pid" "silo $i"
    say "silo $i: http://127.0.0.1:$http (pid $(cat "$STATE/silo-$i.pid"), log $STATE/silo-$i.log)"
  done
  if [ "$frontend" -eq 1 ]; then
    local http
    http=$(free_port)
    start_process frontend "$http" "$(free_port)" "$(free_port)" frontend
    wait_ready "http://127.0.0.1:$http" "$STATE/frontend.pid" "front-end"
    say "frontend: http://127.0.0.1:$http (pid $(cat "$STATE/frontend.pid"), log $STATE/frontend.log)"
  fi
  say "state: $STATE (cluster.sh down stops everything)"
}

cmd_status() {
  load_env
  local f name state
  printf 'redis:  127.0.0.1:%s %s\n' "$REDIS_PORT" "$(alive "$STATE/redis.pid" && echo "(pid $(cat "$STATE/redis.pid"))" || echo "(stopped)")"
  printf 'nats:   nats://127.0.0.1:%s %s\n' "$NATS_PORT" "$(alive "$STATE/nats.pid" && echo "(pid $(cat "$STATE/nats.pid"))" || echo "(stopped)")"
  for f in "$STATE"/*.ports; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .ports)
    read -r http _ _ < "$f"
    if alive "$STATE/$name.pid"; then state="pid $(cat "$STATE/$name.pid")"; else state="stopped"; fi
    printf '%s: http://127.0.0.1:%s (%s)\n' "${name/silo-/silo }" "$http" "$state"
  done
}

cmd_down() {
  [ -d "$STATE" ] || { say "nothing to stop in $STATE"; return; }
  local f
  for f in "$STATE"/frontend.pid "$STATE"/silo-*.pid; do [ -e "$f" ] && stop_pid "$f"; done
  stop_pid "$STATE/nats.pid"
  stop_pid "$STATE/redis.pid"
  rm -rf "$STATE"
  say "stopped; removed $STATE"
}

silo_index() { [[ "${1:-}" =~ ^[1-9][0-9]*$ ]] || die "name the silo by its number (1, 2, ...)"; echo "$1"; }

main() {
  local command=${1:-}
  shift || true
  case "$command" in
    up) cmd_up "$@" ;;
    down) cmd_down ;;
    status) cmd_status ;;
    kill) i=$(silo_index "${1:-}"); load_env; stop_pid "$STATE/silo-$i.pid" KILL; say "silo $i killed (kill -9)" ;;
    stop) i=$(silo_index "${1:-}"); load_env; stop_pid "$STATE/silo-$i.pid" TERM; say "silo $i stopped" ;;
    start) start_silo "$(silo_index "${1:-}")" ;;
    restart) i=$(silo_index "${1:-}"); load_env; stop_pid "$STATE/silo-$i.pid" TERM; start_silo "$i" ;;
    *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; [ -z "$command" ] || exit 2 ;;
  esac
}

main "$@"
