#!/usr/bin/env bash
# Runs before `npm test`: the browser tests need Debian's chromium and the PostgreSQL-server tests
# need Debian's postgresql. As root (CI, this project's machines) missing ones are installed; elsewhere
# the command to run is printed. Nothing here downloads a browser of its own.
set -euo pipefail

need=()
command -v "${CHROMIUM_PATH:-chromium}" >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
if [ "${SKIP_POSTGRES_TESTS:-}" != "1" ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing test prerequisites: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "The tests need Debian packages that are missing: ${need[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
