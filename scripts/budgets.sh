#!/usr/bin/env bash
# Deterministic budgets on a release build: app + worker wasm ≤ 350 KB gzipped in total.
# Fails (exit 1) when over budget, so `make test` catches a size regression.
#
#   scripts/budgets.sh [DIST]     DIST: the built site (default $DIST or dist/)
#
# Sizes are `gzip -9 -n` of each *.wasm (no name or time stamp in the header, so the same
# build always measures the same), which is close to what a server sends with gzip on.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dist="${1:-${DIST:-dist}}"
budget_kb=350

shopt -s nullglob
wasm=("$dist"/*.wasm)
# The app and the worker: fewer means the build is missing or broken, not small.
if (( ${#wasm[@]} < 2 )); then
  echo "no app + worker wasm in $dist/ (found ${#wasm[@]} .wasm): build first (trunk build --release)" >&2
  exit 1
fi

total=0
for f in "${wasm[@]}"; do
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -n -c < "$f" | wc -c)
  awk -v n="$(basename "$f")" -v r="$raw" -v g="$gz" \
    'BEGIN { printf "  %-36s %8d bytes raw (%6.1f KB), %7d gzipped (%5.1f KB)\n", n, r, r / 1024, g, g / 1024 }'
  total=$((total + gz))
done
awk -v t="$total" -v b="$budget_kb" \
  'BEGIN { printf "  wasm total gzipped: %d bytes (%.1f KB) — budget %d KB, %.1f KB to spare\n", t, t / 1024, b, b - t / 1024 }'
if (( total > budget_kb * 1024 )); then
  echo "BUDGET EXCEEDED: wasm is over ${budget_kb} KB gzipped" >&2
  exit 1
fi

# A release build carries no test hook (cargo feature `test-hooks`): neither the page's
# `window.__reglab` nor the worker's fault message.
hooks=$(grep -l -a -e '__reglab' -e 'reglab test hook' "$dist"/*.wasm "$dist"/*.js 2>/dev/null || true)
if [[ -n "$hooks" ]]; then
  echo "TEST HOOKS IN A RELEASE BUILD: $(echo "$hooks" | tr '\n' ' ')(build without --features test-hooks)" >&2
  exit 1
fi
echo "  no test hooks in $dist/ (no __reglab, no fault message)"
