#!/usr/bin/env bash
# Playwright end-to-end tests against the release build in dist/ (built first if missing).
# Extra arguments go to `playwright test`, e.g. scripts/e2e.sh -g "sub-path".
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

specs="$(find tests/e2e -type f \( -name '*.spec.*' -o -name '*.test.*' \) -not -path '*/node_modules/*' 2>/dev/null | sort)"
if [[ -z "$specs" ]]; then
  loud_notice "NO END-TO-END TESTS RAN: tests/e2e/ has no *.spec.* / *.test.* files." \
    "The Playwright step was skipped. Add specs under tests/e2e/ and it runs automatically."
  exit 0
fi

[[ -x node_modules/.bin/playwright ]] || die "Playwright is not installed: run \`make setup\` (npm ci)"
[[ -x "$CHROMIUM" ]] || die "no Chromium at $CHROMIUM: run \`make setup\`"
export CHROMIUM

if [[ -z "${E2E_BASE_URL:-}" && ! -f dist/index.html ]]; then
  say "dist/index.html is missing: trunk build --release"
  trunk build --release
fi

say "playwright test ($(wc -l <<<"$specs") spec file(s)) against ${E2E_BASE_URL:-dist/ on a free loopback port}"
exec playwright test --config tests/e2e/playwright.config.mjs "$@"
