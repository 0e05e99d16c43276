#!/usr/bin/env bash
# Starts a throwaway Redis server on loopback for the shared-cache tests and prints two lines,
# DIR=… and TEST_REDIS_URL=…; `.ci/redis.sh stop DIR` stops it and removes its files. Uses the
# machine's redis-server (Debian's package; installed with apt-get when missing and running as
# root, without letting the package start its own server on port 6379). Where no server can
# be had it says why on stderr, prints nothing on stdout and exits 0: the caller decides.
set -euo pipefail

stop_server() {
  local dir="$1" pid
  pid="$(cat "$dir/redis.pid" 2>/dev/null || true)"
  if [[ -n "$pid" ]]; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir"
}

if [[ "${1:-}" == "stop" ]]; then
  dir="${2:?usage: .ci/redis.sh stop DIR}"
  [[ -d "$dir" ]] && stop_server "$dir"
  exit 0
fi

if ! command -v redis-server >/dev/null && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "installing Redis from Debian's packages for the shared-cache tests" >&2
  # policy-rc.d 101: the package installs its binaries but starts no service of its own.
  policy=/usr/sbin/policy-rc.d
  had_policy=false
  [[ -e "$policy" ]] && had_policy=true
  $had_policy || { printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; }
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) >&2 || echo "apt-get could not install redis-server" >&2
  $had_policy || rm -f "$policy"
fi
if ! command -v redis-server >/dev/null; then
  echo "no Redis server available" >&2
  exit 0
fi

dir="$(mktemp -d /tmp/laenderhub-redis.XXXXXX)"
trap 'stop_server "$dir"' ERR
# A free port can be taken between asking for it and binding it: try a few.
for attempt in 1 2 3; do
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  if redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save "" --appendonly no \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null 2>&1; then
    for _ in $(seq 50); do
      if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
        echo "Redis $(redis-server --version | sed -n 's/.*v=\([0-9.]*\).*/\1/p') for the tests on 127.0.0.1:$port ($dir)" >&2
        echo "DIR=$dir"
        echo "TEST_REDIS_URL=redis://127.0.0.1:$port"
        exit 0
      fi
      sleep 0.1
    done
  fi
  stop_server "$dir"
  mkdir -p "$dir"
  echo "Redis did not start on port $port (attempt $attempt)" >&2
done
cat "$dir/redis.log" >&2 2>/dev/null || true
stop_server "$dir"
exit 0
