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
# The test-hooks build (window.__reglab, the worker's fault message) that the e2e fault spec
# runs: linted here so a break shows before the e2e stage builds it.
say "cargo clippy --target wasm32-unknown-unknown --lib --bins --features test-hooks -- -D warnings"
cargo clippy --target wasm32-unknown-unknown --lib --bins --features test-hooks -- -D warnings
