#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the PostgreSQL tests and prints the
# TEST_POSTGRES_URL to use; `.ci/postgres.sh stop DIR` stops it and removes its files.
# Uses the machine's PostgreSQL (Debian's package; installed with apt-get when missing and
# when running as root). Prints nothing and exits 0 when no server can be had, so the tests
# that need one are skipped rather than the run failing.
set -euo pipefail

if [[ "${1:-}" == "stop" ]]; then
  dir="${2:?usage: .ci/postgres.sh stop DIR}"
  [[ -d "$dir" ]] || exit 0
  bin="$(cat "$dir/bindir" 2>/dev/null || true)"
  if [[ -n "$bin" ]]; then
    if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    else "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; fi
  fi
  rm -rf "$dir"
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
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2 || true
  bin="$(find_bindir || true)"
fi
if [[ -z "$bin" ]]; then
  echo "no PostgreSQL server available: the PostgreSQL tests will be skipped" >&2
  exit 0
fi

dir="$(mktemp -d /tmp/laenderhub-pg.XXXXXX)"
echo "$bin" > "$dir/bindir"
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
# PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
as_owner=()
if [[ "$(id -u)" == 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$dir"
  chmod 755 "$dir"
  as_owner=(runuser -u postgres --)
fi
if ! "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
  echo "initdb failed (see below): the PostgreSQL tests will be skipped" >&2
  cat "$dir/initdb.log" >&2
  rm -rf "$dir"
  exit 0
fi
if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2; then
  echo "PostgreSQL did not start (see below): the PostgreSQL tests will be skipped" >&2
  cat "$dir/server.log" >&2 || true
  rm -rf "$dir"
  exit 0
fi
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$port ($dir)" >&2
echo "DIR=$dir"
echo "TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/postgres"
