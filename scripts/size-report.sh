#!/usr/bin/env bash
# Builds the release bundle and prints what a first visit transfers: every
# file in dist/, raw and gzip -9, and the total against the 250 KB budget.
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
printf '%-40s %10s %10s\n' file raw gzip
while IFS= read -r -d '' f; do
    raw=$(wc -c <"$f")
    gz=$(gzip -9c "$f" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf '%-40s %10d %10d\n' "${f#dist/}" "$raw" "$gz"
done < <(find dist -type f -print0 | sort -z)
printf '%-40s %10d %10d\n' TOTAL "$total_raw" "$total_gz"
if [ "$total_gz" -le "$budget" ]; then
    echo "within the 250 KB gzip budget ($((budget - total_gz)) bytes to spare)"
else
    echo "OVER the 250 KB gzip budget by $((total_gz - budget)) bytes"
fi
