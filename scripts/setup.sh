#!/usr/bin/env bash
# Install whatever reglab's build and tests need and is missing. Every step checks first and
# skips what is already there, so a second run is fast and installs nothing.
#
#   scripts/setup.sh            everything (= all)
#   scripts/setup.sh build      what `make build` / `make serve` need: wasm32 target, Trunk,
#                               wasm-bindgen-cli, npm packages (wasm-opt 132)
#   scripts/setup.sh test       build + rustfmt/clippy + Chromium and chromedriver + the other
#                               engines of the smoke suite (Firefox ESR, WebKitWebDriver, Xvfb)
#                               + python3 with numpy, matplotlib, nbformat (the notebook test)
#   scripts/setup.sh STEP...    single steps: rust target components trunk wasm-bindgen npm chromium
#                               engines python
#
# Tools go where `cargo install` puts them by default (~/.cargo/bin); npm packages go into
# ./node_modules. Needs root (or sudo) only for apt-get.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

step_rust() {
  command -v cargo >/dev/null 2>&1 ||
    die "cargo is not installed. Install Rust (rustup, stable ≥ 1.88) first, then run this again."
  if ! command -v cc >/dev/null 2>&1; then
    say "no C compiler/linker (cc): installing build-essential"
    apt_install build-essential
  else
    skip "cc: $(command -v cc)"
  fi
}

step_target() {
  if rustc --print sysroot >/dev/null 2>&1 &&
     [[ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib" ]]; then
    skip "rust target wasm32-unknown-unknown"
  else
    command -v rustup >/dev/null 2>&1 || die "wasm32-unknown-unknown is missing and rustup is not installed"
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

step_components() {
  local c missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if ((${#missing[@]})); then
    command -v rustup >/dev/null 2>&1 || die "missing ${missing[*]} and rustup is not installed"
    for c in "${missing[@]}"; do
      say "rustup component add $c"
      rustup component add "$c"
    done
  else
    skip "rustfmt, clippy"
  fi
}

step_trunk() {
  local have=""
  have="$(trunk --version 2>/dev/null | awk '{print $2}')" || true
  if [[ "$have" == "$TRUNK_VERSION" ]]; then
    skip "trunk $have"
    return
  fi
  say "cargo install --locked trunk --version $TRUNK_VERSION (was: ${have:-not installed}; ~8 min cold)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
}

step_wasm_bindgen() {
  local want have="" have_runner=""
  want="$(wasm_bindgen_version)"
  local pinned
  pinned="$(sed -n 's/^wasm_bindgen *= *"\(.*\)".*/\1/p' Trunk.toml 2>/dev/null | head -n 1)" || true
  if [[ -n "$pinned" && "$pinned" != "$want" ]]; then
    die "Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has wasm-bindgen $want: make them agree"
  fi
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
  have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" || true
  if [[ "$have" == "$want" && "$have_runner" == "$want" ]]; then
    skip "wasm-bindgen-cli $have (matches Cargo.lock)"
    return
  fi
  say "installing wasm-bindgen-cli $want to match Cargo.lock (was: ${have:-not installed})"
  # The plain way first: it works whenever every crate in wasm-bindgen-cli's own lock file is
  # on the registry. For 0.2.130 it is not (its lock pins webpki-roots 1.0.11), so this fails
  # within a second, after cargo has downloaded and unpacked the crate's source.
  if cargo install --locked wasm-bindgen-cli --version "$want"; then
    return
  fi
  warn "cargo install --locked wasm-bindgen-cli $want failed; building from a copy of its source with webpki-roots re-locked"
  local src="" d
  for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/"wasm-bindgen-cli-$want"; do
    [[ -f "$d/Cargo.toml" ]] && src="$d" && break
  done
  [[ -n "$src" && -f "$src/Cargo.toml" ]] ||
    die "the source of wasm-bindgen-cli $want is not in ~/.cargo/registry/src; cargo could not download it"
  local tmp
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/wasm-bindgen-cli-$want.XXXXXX")"
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'; trap - RETURN" RETURN
  cp -a "$src/." "$tmp/"
  local locked
  locked="$(awk '/^name = "webpki-roots"$/ { getline; gsub(/"/, "", $3); print $3 }' "$tmp/Cargo.lock" |
    grep '^1\.' | head -n 1)" || true
  if [[ -n "$locked" ]]; then
    cargo update --manifest-path "$tmp/Cargo.toml" -p "webpki-roots@$locked" --precise 1.0.10 ||
      cargo update --manifest-path "$tmp/Cargo.toml" -p "webpki-roots@$locked"
  fi
  CARGO_TARGET_DIR="$tmp/target" cargo install --locked --path "$tmp"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
  [[ "$have" == "$want" ]] || die "wasm-bindgen-cli install finished but \`wasm-bindgen --version\` says '$have', not $want"
}

step_npm() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    say "installing Node.js and npm from Debian"
    apt_install nodejs npm
  fi
  # node_modules/.package-lock.json is written by npm at the end of every install: if it is at
  # least as new as package.json and package-lock.json, node_modules is what the lock says.
  local marker="node_modules/.package-lock.json"
  if [[ -f "$marker" && ! "$marker" -ot package-lock.json && ! "$marker" -ot package.json ]] &&
     [[ -d node_modules/@playwright/test && -d node_modules/puppeteer-core && -d node_modules/selenium-webdriver ]] &&
     node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version_$WASM_OPT_VERSION"; then
    skip "node_modules (wasm-opt $WASM_OPT_VERSION, @playwright/test, puppeteer-core, selenium-webdriver)"
    return
  fi
  say "npm ci (binaryen for wasm-opt $WASM_OPT_VERSION, Playwright, puppeteer-core and selenium-webdriver; no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
  node_modules/.bin/wasm-opt --version | grep -q "version_$WASM_OPT_VERSION" ||
    die "node_modules/.bin/wasm-opt is not version $WASM_OPT_VERSION"
}

step_chromium() {
  if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER_BIN" ]]; then
    skip "chromium and chromedriver ($($CHROMIUM --version 2>/dev/null || echo '?'))"
    return
  fi
  say "apt-get install -y chromium chromium-driver"
  apt_install chromium chromium-driver
}

# The other engines of the smoke suite (tests/engines, issue 12), from Debian: Firefox ESR (driven
# over WebDriver BiDi by puppeteer-core), WebKitWebDriver with the MiniBrowser of
# libwebkit2gtk-4.1-0 (driven by selenium-webdriver) and Xvfb for it. Playwright's own Firefox and
# WebKit builds are downloads and cannot be installed here.
step_engines() {
  local firefox="${FIREFOX:-/usr/bin/firefox-esr}" missing=() have=()
  if [[ -x "$firefox" ]]; then have+=("$("$firefox" --version 2>/dev/null || echo "$firefox")"); else missing+=(firefox-esr); fi
  if command -v WebKitWebDriver >/dev/null 2>&1 &&
     dpkg -L libwebkit2gtk-4.1-0 2>/dev/null | grep '/MiniBrowser$' >/dev/null; then
    have+=("WebKitWebDriver + MiniBrowser (WebKitGTK $(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo '?'))")
  else
    missing+=(webkit2gtk-driver)
  fi
  if command -v xvfb-run >/dev/null 2>&1; then have+=(xvfb-run); else missing+=(xvfb); fi
  if ((${#missing[@]})); then
    say "apt-get install -y ${missing[*]}"
    apt_install "${missing[@]}"
  else
    skip "$(IFS=,; echo "${have[*]}" | sed 's/,/, /g')"
  fi
}

# Python for the notebook export's test (tests/e2e/notebook.spec.mjs runs the exported NumPy
# notebook): Debian's python3 with numpy, matplotlib (Agg backend) and nbformat (its nbformat 4
# JSON schema validator, with jsonschema). TensorFlow is not installed: `make notebook-tf` uses a
# virtualenv of your own (TF_PYTHON).
step_python() {
  local missing=() mod pkg
  for mod in numpy:python3-numpy matplotlib:python3-matplotlib nbformat:python3-nbformat; do
    pkg="${mod#*:}" mod="${mod%%:*}"
    /usr/bin/python3 -c "import $mod" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    say "apt-get install -y ${missing[*]}"
    apt_install "${missing[@]}"
  else
    skip "python3 with numpy, matplotlib, nbformat"
  fi
}

run_step() {
  case "$1" in
    rust) step_rust ;;
    target) step_target ;;
    components) step_components ;;
    trunk) step_trunk ;;
    wasm-bindgen) step_wasm_bindgen ;;
    npm) step_npm ;;
    chromium) step_chromium ;;
    engines) step_engines ;;
    python) step_python ;;
    build) run_step rust; run_step target; run_step npm; run_step trunk; run_step wasm-bindgen ;;
    test | all) run_step build; run_step components; run_step chromium; run_step engines; run_step python ;;
    *) die "unknown setup step '$1' (try: build, test, all, rust, target, components, trunk, wasm-bindgen, npm, chromium, engines, python)" ;;
  esac
}

if (($# == 0)); then set -- all; fi
for s in "$@"; do run_step "$s"; done
