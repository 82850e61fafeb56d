#!/usr/bin/env bash
# Installs what is missing, then builds the app and serves it with live
# reload at http://127.0.0.1:8080/ (override with PORT=…).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Trunk 0.21 is pinned (0.22 needs a newer rustc): don't let it ask online.
export TRUNK_SKIP_VERSION_CHECK=true PATH="$HOME/.cargo/bin:$PATH"
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
