#!/usr/bin/env bash
# Makes Debian's Chromium available for the browser tests (test/tests/browser.test.ts) and
# prints two lines, DIR=… and CHROMIUM_PATH=…; `.ci/chromium.sh stop DIR` removes the packages
# this script installed (none when the browser was already there) and DIR. Installed with
# apt-get when missing and running as root: Playwright's own browser downloads are not used.
# Where no browser can be had it says why on stderr, prints nothing on stdout and exits 0: the
# caller decides whether that is acceptable (.ci/run: not in CI).
set -euo pipefail

CHROMIUM=/usr/bin/chromium

installed_packages() {
  dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\n' 2>/dev/null | awk '$1 == "ii" { print $2 }' | sort
}

remove_installed() {
  local dir="$1"
  if [[ -s "$dir/installed" ]]; then
    echo "removing the $(wc -l <"$dir/installed") packages installed for the browser tests" >&2
    # shellcheck disable=SC2046 # one package name per line, none with spaces
    (DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $(cat "$dir/installed") >/dev/null) >&2 || echo "apt-get could not remove the browser's packages" >&2
  fi
  rm -rf "$dir"
}

if [[ "${1:-}" == "stop" ]]; then
  dir="${2:?usage: .ci/chromium.sh stop DIR}"
  [[ -d "$dir" ]] && remove_installed "$dir"
  exit 0
fi

dir="$(mktemp -d /tmp/laenderhub-chromium.XXXXXX)"
# Whatever goes wrong below, what was installed goes with it.
trap 'remove_installed "$dir"' ERR
if [[ ! -x "$CHROMIUM" && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "installing Chromium from Debian's packages for the browser tests" >&2
  installed_packages >"$dir/before"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) >&2 || echo "apt-get could not install chromium" >&2
  # Only what this run added is removed afterwards: packages that were there stay.
  installed_packages | comm -13 "$dir/before" - >"$dir/installed"
fi
if [[ ! -x "$CHROMIUM" ]] || ! version="$("$CHROMIUM" --version 2>/dev/null)"; then
  echo "no Chromium available at $CHROMIUM" >&2
  remove_installed "$dir"
  exit 0
fi
echo "$version for the browser tests ($CHROMIUM)" >&2
echo "DIR=$dir"
echo "CHROMIUM_PATH=$CHROMIUM"
