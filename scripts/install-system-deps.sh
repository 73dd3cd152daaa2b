#!/usr/bin/env bash
# Installs the Debian packages the tests need: a headless Chromium with its driver (the browser tests), a CJK font
# (so Chinese labels render in it), Virtuoso (tests/test_external_engines.py serves the data from it) and npm when
# it is missing. Idempotent: apt-get runs only when a package is missing.
set -euo pipefail

packages=(chromium chromium-driver fonts-noto-cjk virtuoso-opensource)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
# npm installs the UI assets (scripts/setup-ui.sh); Debian's npm package brings node with it.
command -v npm >/dev/null || missing+=(npm)

if [ ${#missing[@]} -eq 0 ]; then
    echo "system packages present: ${packages[*]}"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
else
    sudo=
fi
echo "installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
