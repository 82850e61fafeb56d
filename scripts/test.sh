#!/usr/bin/env bash
# Installs what is missing, then runs every test: the engine and CLI with no
# web crate compiled, the release build, and the browser tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
. scripts/web-env.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "engine, CLI and corpus tests (no web crates)"
cargo test --no-default-features

step "release build of the web app"
trunk build --release

step "browser tests (headless Chromium, release build)"
cargo test --test browser
