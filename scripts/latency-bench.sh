#!/usr/bin/env bash
# Builds the release bundle and prints keystroke-to-highlight latency (p50,
# p95, max, and to the next frame) on a 5,000-word and a 20,000-word draft in
# headless Chromium, the count of long tasks (> 50 ms) while typing and just
# after, and after how many keystrokes of a typed sentence the highlights
# changed. A benchmark: it prints figures and fails only if it cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
# Trunk 0.21 is pinned (0.22 needs a newer rustc): don't let it ask online.
export TRUNK_SKIP_VERSION_CHECK=true PATH="$HOME/.cargo/bin:$PATH"
trunk build --release >/dev/null
out=$(cargo test --test browser latency -- --ignored --nocapture 2>&1) || {
    printf '%s\n' "$out" >&2
    exit 1
}
printf '%s\n' "$out" | sed -n '/^latency benchmark/,/no long task while typing/p'
