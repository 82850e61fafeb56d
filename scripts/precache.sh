#!/usr/bin/env bash
# Trunk post_build hook: writes the list of files the build produced, and a
# version derived from their contents, into the service worker, so the
# offline cache always matches the build and a new build is a new version.
# Usage: scripts/precache.sh [DIR]   (default: Trunk's staging directory)
set -euo pipefail
dir=${1:-${TRUNK_STAGING_DIR:?run as a Trunk hook or give the build directory}}
cd "$dir"
[ -f sw.js ] || { echo "precache: no sw.js in $dir" >&2; exit 1; }
# Not precached: the manifest's PNG icons (icon-192.png, icon-512.png; 13 KB
# gzip together, as PNG does not compress further). A browser asks for them
# only to offer or perform an install, and then it is online; the page
# itself shows icon.svg. Every first visit would pay for them here.
all=$(find . -type f ! -name sw.js ! -name '.*' ! -name '_headers' -printf '%P\n' | LC_ALL=C sort)
files=$(printf '%s\n' $all | grep -vx 'icon-[0-9]*\.png' || true)
version=$(printf '%s\n' $all | xargs cat | sha256sum | cut -c1-16)
list=$(printf '"./"'; for f in $files; do printf ', "./%s"' "$f"; done)
sed -i -e "s|^const VERSION = .*|const VERSION = \"$version\";|" \
       -e "s|^const PRECACHE = .*|const PRECACHE = [$list];|" sw.js
echo "precache: version $version, $(echo "$files" | wc -l) files"
