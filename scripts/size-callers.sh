#!/usr/bin/env bash
# Which code makes the web app carry each copy of the standard library's
# generic functions (sorts, iterator chains, maps, drops): builds the app as
# `trunk build --release` does, but with v0 symbol names, whose type
# arguments name the caller, and keeps the names through wasm-opt; then
# scripts/size-callers.py sums the copies' gzipped cost by who made them.
# A developer's tool: its own target directory (target/size-callers), so
# the warm release builds are left alone. Usage: scripts/size-callers.sh [-v]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
out=target/size-callers
export CARGO_TARGET_DIR=$out RUSTFLAGS="-C symbol-mangling-version=v0"
cargo build --profile web-release --target wasm32-unknown-unknown --bin postmortem-reviewer-web >&2
wasm-bindgen --target no-modules --out-dir "$out/bindgen" --out-name app \
    "$out/wasm32-unknown-unknown/web-release/postmortem-reviewer-web.wasm"
# The same passes as the release build (index.html), plus -g for the names.
read -r -a flags <<<"$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | cut -d'"' -f2)"
wasm-opt -Oz -g "${flags[@]}" -o "$out/app.wasm" "$out/bindgen/app_bg.wasm"
wasm-dis "$out/app.wasm" -o "$out/app.wat"
exec python3 scripts/size-callers.py "$out/app.wasm" "$out/app.wat" "$@"
