#!/usr/bin/env bash
# Installs whatever this project needs and the machine lacks; skips the rest.
# Usage: scripts/setup.sh [--browser]   (--browser adds Chromium + ChromeDriver)
#
# Trunk cannot download its helper tools on these machines, so each tool is
# installed here at the version Trunk.toml pins, and Trunk finds it on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

trunk_want=0.21.14
trunk_have=$(trunk --version 2>/dev/null | awk '{print $2}' || true)
if [ "$trunk_have" != "$trunk_want" ]; then
    say "installing trunk $trunk_want (about 5 minutes on a cold machine)"
    cargo install trunk --version "$trunk_want" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen library in Cargo.lock exactly.
# Its --locked install fails on these machines, hence without it.
bindgen_want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
bindgen_have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$bindgen_have" != "$bindgen_want" ]; then
    say "installing wasm-bindgen-cli $bindgen_want (about 2 minutes)"
    cargo install wasm-bindgen-cli --version "=$bindgen_want"
fi

# wasm-opt from npm's binaryen: Debian's binaryen 108 produces a page that
# fails at run time.
opt_want=132
opt_have=$(wasm-opt --version 2>/dev/null | awk '{print $3}' || true)
if [ "$opt_have" != "$opt_want" ]; then
    say "installing wasm-opt (npm binaryen@$opt_want)"
    npm install --global --no-fund --no-audit "binaryen@$opt_want.0.0"
fi

if [ "${1:-}" = "--browser" ]; then
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        say "installing Debian's chromium and chromium-driver"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq chromium chromium-driver >/dev/null
    fi
fi
say "all tools present"
