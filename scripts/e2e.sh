#!/usr/bin/env bash
# Playwright end-to-end tests against the release build in dist/ (built first if missing).
# The fault specs (HOOKED below) break this page's own workers through `window.__reglab`, which
# only a build with the cargo feature `test-hooks` has: they run against dist-hooks/ (built here
# when missing or older than the sources), every other spec against the release build itself.
# Extra arguments go to `playwright test`, e.g. scripts/e2e.sh -g "sub-path"; naming spec files
# runs just those (a hooked spec against dist-hooks/).
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

HOOKED=(tests/e2e/faults.spec.mjs)
config=(--config tests/e2e/playwright.config.mjs)

if [[ -n "${E2E_BASE_URL:-}" ]]; then
  say "playwright test against $E2E_BASE_URL"
  exec playwright test "${config[@]}" "$@"
fi

if [[ ! -f dist/index.html ]]; then
  say "dist/index.html is missing: trunk build --release"
  trunk build --release
fi

# The test-hooks build, rebuilt when any source is newer than it.
hooks_build() {
  if [[ -f dist-hooks/index.html ]] && [[ -z "$(find src Cargo.toml Cargo.lock index.html style -newer dist-hooks/index.html -print -quit)" ]]; then
    return
  fi
  say "trunk build --release --features test-hooks --dist dist-hooks (for ${HOOKED[*]})"
  trunk build --release --features test-hooks --dist dist-hooks
}

is_hooked() {
  local f
  for f in "${HOOKED[@]}"; do [[ "$1" == *"$(basename "$f")"* ]] && return 0; done
  return 1
}

files=() rest=()
for a in "$@"; do
  if [[ "$a" == *.spec.* ]]; then files+=("$a"); else rest+=("$a"); fi
done

if (( ${#files[@]} > 0 )); then
  plain=() hooked=()
  for f in "${files[@]}"; do
    if is_hooked "$f"; then hooked+=("$f"); else plain+=("$f"); fi
  done
else
  mapfile -t plain < <(grep -v -F -x -f <(printf '%s\n' "${HOOKED[@]}") <<<"$specs")
  hooked=("${HOOKED[@]}")
fi

if (( ${#plain[@]} > 0 )); then
  say "playwright test (${#plain[@]} spec file(s)) against dist/ on a free loopback port"
  E2E_DIST=dist playwright test "${config[@]}" "${plain[@]}" "${rest[@]}"
fi
if (( ${#hooked[@]} > 0 )); then
  hooks_build
  say "playwright test (${hooked[*]}) against dist-hooks/ (cargo feature test-hooks)"
  E2E_DIST=dist-hooks playwright test "${config[@]}" "${hooked[@]}" "${rest[@]}"
fi
