#!/usr/bin/env bash
# Builds the release bundle and prints what a first visit transfers, raw and
# gzip -9, and the total against the 250 KB budget: index.html, the service
# worker and every file it precaches (the first visit installs it, so it
# downloads them all). Files in dist/ outside that list are shown apart.
# Usage: scripts/size-report.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-build" ]; then
    scripts/setup.sh
    export TRUNK_SKIP_VERSION_CHECK=true PATH="$HOME/.cargo/bin:$PATH"
    trunk build --release >/dev/null
fi
budget=$((250 * 1024))
total_raw=0
total_gz=0
first_visit=$( (echo index.html; echo sw.js
    grep '^const PRECACHE' dist/sw.js | grep -o '"\./[^"]\+"' | tr -d '"' | sed 's|^\./||') | LC_ALL=C sort -u)
later=""
printf '%-40s %10s %10s\n' file raw gzip
for f in $(find dist -type f ! -name '.*' -printf '%P\n' | LC_ALL=C sort); do
    raw=$(wc -c <"dist/$f")
    gz=$(gzip -9c "dist/$f" | wc -c)
    if [[ $'\n'$first_visit$'\n' == *$'\n'"$f"$'\n'* ]]; then
        total_raw=$((total_raw + raw))
        total_gz=$((total_gz + gz))
        printf '%-40s %10d %10d\n' "$f" "$raw" "$gz"
    else
        later+=$(printf '%-40s %10d %10d' "$f" "$raw" "$gz")$'\n'
    fi
done
printf '%-40s %10d %10d\n' "TOTAL (first visit)" "$total_raw" "$total_gz"
if [ -n "$later" ]; then
    echo "not on a first visit (not precached, fetched only when needed):"
    printf '%s' "$later"
fi
if [ "$total_gz" -le "$budget" ]; then
    echo "within the 250 KB gzip budget ($((budget - total_gz)) bytes to spare)"
else
    echo "OVER the 250 KB gzip budget by $((total_gz - budget)) bytes"
fi
