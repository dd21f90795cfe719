#!/usr/bin/env bash
# Formatting and lints, native and wasm32: the fast checks to run before a commit.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

say "cargo fmt --check"
cargo fmt --check
say "cargo clippy --all-targets -- -D warnings (native)"
cargo clippy --all-targets -- -D warnings
say "cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings"
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
