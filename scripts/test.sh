#!/usr/bin/env bash
# Everything, in order: install what is missing, fmt + clippy (native and wasm32), native tests,
# in-browser tests (Chromium via chromedriver), release build, wasm size budget, Playwright
# end-to-end tests, the three-engine smoke suite (Chromium, Firefox ESR, WebKit: tests/engines).
# Stops at the first failure.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

started=$SECONDS
stage() { printf '\n%s##### %s%s  (t=%ds)\n' "$_b" "$*" "$_0" "$((SECONDS - started))" >&2; }

stage "setup"
# A clean clone's build and tests take about 3.5 GB (target/, dist/; a CI run once died of a full disk): say so
# early and plainly rather than fail mid-compile.
free_mb=$(df -Pm "$ROOT" | awk 'NR == 2 { print $4 }')
echo "free disk space beside $ROOT: ${free_mb} MB" >&2
if ((free_mb < 5120)); then
  loud_notice "ONLY ${free_mb} MB FREE: the build and test artefacts need about 3.5 GB." \
    "If a step fails with 'No space left on device', free disk space and run make test again."
fi
"$ROOT/scripts/setup.sh" test

stage "fmt + clippy"
"$ROOT/scripts/check.sh"

stage "native tests: cargo test"
cargo test

stage "in-browser tests: cargo test --target wasm32-unknown-unknown --test web"
if [[ -f tests/web.rs || -f tests/web/main.rs ]]; then
  # The runner (wasm-bindgen-test-runner, see .cargo/config.toml) drives Chromium through
  # chromedriver; as root it already passes headless and no-sandbox.
  export CHROMEDRIVER="${CHROMEDRIVER:-$CHROMEDRIVER_BIN}"
  export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"
  export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}"
  cargo test --target wasm32-unknown-unknown --test web
else
  loud_notice "NO IN-BROWSER TESTS RAN: tests/web.rs does not exist." \
    "Add it (with wasm_bindgen_test_configure!(run_in_browser)) and this step runs automatically."
fi

stage "release build: trunk build --release"
trunk build --release

stage "end-to-end tests: Playwright"
"$ROOT/scripts/e2e.sh"

stage "three-engine smoke suite: Chromium, Firefox ESR, WebKit (tests/engines) against dist/"
# The same checks in each engine (a link converges, CSV, slider, copy-link, lecture mode, sweep,
# offline, no console error); prints each engine's version and result line, exits 1 on a failure.
node tests/engines/run.mjs --dist dist --engines chromium,firefox,webkit

# Last, so a build over budget still has every other layer run and reported before it fails.
stage "budgets: wasm size"
"$ROOT/scripts/budgets.sh" dist

stage "all tests passed"
