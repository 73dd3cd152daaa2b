#!/usr/bin/env bash
# Sets up a fresh checkout: system packages (browser, CJK font, npm), the Python virtualenv with fengong and
# its test tools, and the UI's npm assets. Idempotent: each step skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
stamp=.venv/.fengong-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[dev]'
    echo "$want" > "$stamp"
fi
bash scripts/setup-ui.sh
