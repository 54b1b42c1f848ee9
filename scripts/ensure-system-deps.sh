#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing:
# chromium (browser tests, driven by playwright-core; never a browser download) and
# python3-pandas (test/format/pythonReadsCsv.test.ts: pandas reads the reach CSV as it is).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 || need+=(python3-pandas)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-system-deps: missing ${need[*]}; install them with apt-get (needs root)" >&2
    exit 1
  fi
  echo "ensure-system-deps: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
