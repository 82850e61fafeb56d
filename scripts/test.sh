#!/usr/bin/env bash
# Installs what is missing, then runs every test: the engine and CLI with no
# web crate compiled, the release build (and its first-visit size, printed
# for information), and the browser tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
# Trunk 0.21 is pinned (0.22 needs a newer rustc): don't let it ask online.
export TRUNK_SKIP_VERSION_CHECK=true PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "engine, CLI and corpus tests (no web crates)"
cargo test --no-default-features

step "release build of the web app"
trunk build --release

step "first-visit size of that build (information, not a test)"
scripts/size-report.sh --no-build

step "browser tests (headless Chromium, release build)"
cargo test --test browser
