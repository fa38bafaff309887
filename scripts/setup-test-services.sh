#!/usr/bin/env bash
# Install what the browser and database tests start themselves, if missing: Debian's
# Chromium (no browser can be downloaded here) and PostgreSQL. Needs root (as on CI).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -n "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null)" ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "setup: ${need[*]} missing and not root; the tests that need them will be skipped" >&2
  fi
fi
