# shellcheck shell=bash
# Shared helpers for reglab's scripts. Source it; do not run it.
#
# Sets ROOT (the repository root), puts node_modules/.bin first on PATH (so Trunk finds
# wasm-opt 132 from npm `binaryen`, never Debian's binaryen 108) and ~/.cargo/bin after it.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
  *":$CARGO_BIN:"*) ;;
  *) PATH="$CARGO_BIN:$PATH" ;;
esac
PATH="$ROOT/node_modules/.bin:$PATH"
export PATH

# Pinned tool versions. wasm-bindgen-cli is not pinned here: it must equal the wasm-bindgen
# version in Cargo.lock, which `wasm_bindgen_version` reads.
# shellcheck disable=SC2034  # used by the scripts that source this file
TRUNK_VERSION="0.21.14"
# shellcheck disable=SC2034
WASM_OPT_VERSION="132"
# Debian's Chromium and chromedriver; CHROMIUM may point elsewhere (Playwright reads it too).
# shellcheck disable=SC2034
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# shellcheck disable=SC2034
CHROMEDRIVER_BIN="/usr/bin/chromedriver"

if [[ -t 2 && -z "${NO_COLOR:-}" ]]; then
  _b=$'\033[1;34m' _g=$'\033[0;32m' _y=$'\033[1;33m' _r=$'\033[1;31m' _0=$'\033[0m'
else
  _b='' _g='' _y='' _r='' _0=''
fi
say()  { printf '%s==>%s %s\n' "$_b" "$_0" "$*" >&2; }
skip() { printf '%s ok%s %s\n' "$_g" "$_0" "$*" >&2; }
warn() { printf '%s!!!%s %s\n' "$_y" "$_0" "$*" >&2; }
die()  { printf '%sxxx%s %s\n' "$_r" "$_0" "$*" >&2; exit 1; }

# A notice nobody can miss, for steps that are skipped because their inputs do not exist yet.
loud_notice() {
  local line
  printf '%s' "$_y" >&2
  printf '%s\n' "************************************************************************" >&2
  for line in "$@"; do printf '*** %s\n' "$line" >&2; done
  printf '%s\n' "************************************************************************" >&2
  printf '%s' "$_0" >&2
}

# The version of the `wasm-bindgen` package in Cargo.lock, e.g. 0.2.130.
wasm_bindgen_version() {
  local lock="$ROOT/Cargo.lock"
  [[ -f "$lock" ]] || die "Cargo.lock is missing: wasm-bindgen-cli must match the locked wasm-bindgen version"
  local v
  v="$(awk '
    /^\[\[package\]\]/ { inpkg = 0 }
    /^name = "wasm-bindgen"$/ { inpkg = 1; next }
    inpkg && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$lock")"
  [[ -n "$v" ]] || die "no wasm-bindgen package in Cargo.lock"
  printf '%s\n' "$v"
}

# Run as root, or through sudo when available.
as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root for: $*"
  fi
}

# apt-get install that refreshes the package lists only when the first attempt fails.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if ! as_root apt-get install -y "$@"; then
    warn "apt-get install failed; running apt-get update and trying again"
    as_root apt-get update
    as_root apt-get install -y "$@"
  fi
}
