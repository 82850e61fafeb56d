#!/usr/bin/env bash
# Trunk post_build hook: finishes the staged build, then lists it for the
# service worker (scripts/precache.sh; one hook, as Trunk runs hooks side
# by side and the precache version must cover the finished page).
# Trunk injects no scripts here (Trunk.toml), and then leaves its own
# <link data-trunk rel="rust"> in index.html, with every wasm-opt flag; and it
# copies sw.js as it is, its comments (a third of it gzipped) included: bytes
# every first visit would download for nothing. Then the module's imports
# get short names in it and in its glue (short-imports.pl says why).
set -euo pipefail
dir=${TRUNK_STAGING_DIR:?run as a Trunk hook}
sed -i 's/<link[^>]*data-trunk[^>]*>//g' "$dir/index.html"
sed -i -e '/^[[:space:]]*\/\//d' -e '/^[[:space:]]*$/d' "$dir/sw.js"
for wasm in "$dir"/*_bg.wasm; do
    perl "$(dirname "$0")/short-imports.pl" "$wasm" "${wasm%_bg.wasm}.js"
done
exec bash "$(dirname "$0")/precache.sh" "$dir"
