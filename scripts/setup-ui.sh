#!/usr/bin/env bash
# Installs the browser UI's assets (YASGUI, pinned in service/package-lock.json) into service/node_modules from
# the npm registry. Idempotent: skips the install when node_modules already matches the lock file.
set -euo pipefail

cd "$(dirname "$0")/../service"
stamp=node_modules/.fengong-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f node_modules/@zazuko/yasgui/build/yasgui.min.js ]; then
    echo "UI assets up to date (service/node_modules)"
    exit 0
fi
if ! command -v npm >/dev/null; then
    echo "npm is needed to install the UI assets (Debian: apt-get install -y npm)" >&2
    exit 1
fi
# --ignore-scripts: the assets are prebuilt; no package may run code at install time.
npm ci --ignore-scripts --no-audit --no-fund
echo "$want" > "$stamp"
