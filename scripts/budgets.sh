#!/usr/bin/env bash
# Deterministic budgets on a release build: app + worker wasm ≤ 400 KB gzipped in total.
# Fails (exit 1) when over budget, so `make test` catches a size regression.
#
#   scripts/budgets.sh [DIST]     DIST: the built site (default $DIST or dist/)
#
# Sizes: scripts/wasm-size.mjs (zlib level 9), the same measure `make bench` prints.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dist="${1:-${DIST:-dist}}"

node scripts/wasm-size.mjs "$dist"

# A release build carries no test hook (cargo feature `test-hooks`): neither the page's
# `window.__reglab` nor the worker's fault message.
hooks=$(grep -l -a -e '__reglab' -e 'reglab test hook' "$dist"/*.wasm "$dist"/*.js 2>/dev/null || true)
if [[ -n "$hooks" ]]; then
  echo "TEST HOOKS IN A RELEASE BUILD: $(echo "$hooks" | tr '\n' ' ')(build without --features test-hooks)" >&2
  exit 1
fi
echo "  no test hooks in $dist/ (no __reglab, no fault message)"
