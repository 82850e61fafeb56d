#!/usr/bin/env bash
# Installs what is missing, then builds the app and serves it with live
# reload at http://127.0.0.1:8080/ (override with PORT=…).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/web-env.sh
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
