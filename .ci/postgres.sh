#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the PostgreSQL tests and prints two
# lines, DIR=… and TEST_POSTGRES_URL=…; `.ci/postgres.sh stop DIR` stops it and removes its
# files. Uses the machine's PostgreSQL (Debian's package; installed with apt-get when missing
# and running as root). Where no server can be had it says why on stderr, prints nothing on
# stdout and exits 0: the caller decides whether that is acceptable (.ci/run: not in CI).
set -euo pipefail

as_owner=()
[[ "$(id -u)" == 0 ]] && as_owner=(runuser -u postgres --)

stop_server() {
  local dir="$1" mode="${2:-fast}" bin
  bin="$(cat "$dir/bindir" 2>/dev/null || true)"
  if [[ -n "$bin" && -d "$dir/data" ]]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m "$mode" stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

if [[ "${1:-}" == "stop" ]]; then
  dir="${2:?usage: .ci/postgres.sh stop DIR}"
  [[ -d "$dir" ]] && stop_server "$dir"
  exit 0
fi

find_bindir() {
  local initdb
  initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$initdb" ]] && dirname "$initdb"
}

bin="$(find_bindir || true)"
if [[ -z "$bin" && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "installing PostgreSQL from Debian's packages for the PostgreSQL tests" >&2
  # Only the binaries: no default cluster that would start on port 5432 and outlive the run.
  mkdir -p /etc/postgresql-common
  grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf || echo "create_main_cluster = false" >> /etc/postgresql-common/createcluster.conf
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2 || echo "apt-get could not install postgresql" >&2
  bin="$(find_bindir || true)"
fi
if [[ -z "$bin" ]]; then
  echo "no PostgreSQL server available" >&2
  exit 0
fi

dir="$(mktemp -d /tmp/laenderhub-pg.XXXXXX)"
# Whatever goes wrong below, the half-started server and its files go with it.
trap 'stop_server "$dir" immediate' ERR
echo "$bin" > "$dir/bindir"
# PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
if [[ "$(id -u)" == 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$dir"
  chmod 755 "$dir"
fi
if ! "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
  echo "initdb failed:" >&2
  cat "$dir/initdb.log" >&2
  stop_server "$dir" immediate
  exit 0
fi
# A free port can be taken between asking for it and binding it: try a few.
for attempt in 1 2 3; do
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  if "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null 2>&1; then
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$port ($dir)" >&2
    echo "DIR=$dir"
    echo "TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/postgres"
    exit 0
  fi
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  echo "PostgreSQL did not start on port $port (attempt $attempt)" >&2
done
cat "$dir/server.log" >&2 || true
stop_server "$dir" immediate
exit 0
