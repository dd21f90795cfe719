#!/usr/bin/env bash
# Deterministic budgets on the release build in dist/: app + worker wasm ≤ 350 KB gzipped in
# total. Fails (exit 1) when over budget, so `make test` catches a size regression.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
budget_kb=350
total=0
for f in dist/*.wasm; do
  gz=$(gzip -9 -c "$f" | wc -c)
  printf '  %-40s %8d bytes, %7d gzipped\n' "$(basename "$f")" "$(wc -c < "$f")" "$gz"
  total=$((total + gz))
done
awk -v t="$total" -v b="$budget_kb" 'BEGIN { printf "  wasm total gzipped: %d bytes (%.1f KB) — budget %d KB\n", t, t / 1024, b }'
if (( total > budget_kb * 1024 )); then
  echo "BUDGET EXCEEDED: wasm is over ${budget_kb} KB gzipped" >&2
  exit 1
fi
