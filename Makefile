# reglab — the two commands a fresh Debian 12 machine needs (as root):
#   make serve   install what is missing, build, serve on http://127.0.0.1:8080
#   make test    install what is missing, then fmt, clippy, native + in-browser + end-to-end tests
# Every install step checks first and skips what is there (see scripts/setup.sh).

SHELL := /bin/bash
.DEFAULT_GOAL := help

# node_modules/.bin first, so Trunk finds wasm-opt 132 (npm binaryen), not Debian's 108.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

ADDRESS ?= 127.0.0.1
PORT ?= 8080

.PHONY: help setup serve build test check e2e engines bench budgets fuzz notebook-tf clean

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-7s %s\n", $$1, $$2}'

setup: ## install everything missing: wasm32 target, Trunk, wasm-bindgen-cli, npm packages, Chromium, Firefox ESR, WebKit
	scripts/setup.sh all

serve: ## install what the build needs, build (release) and serve on http://127.0.0.1:8080
	scripts/setup.sh build
	trunk serve --release --address $(ADDRESS) --port $(PORT)

build: ## install what the build needs and build the release site into dist/
	scripts/setup.sh build
	trunk build --release

test: ## install what is missing, then fmt, clippy, cargo test, in-browser tests, release build, Playwright, three-engine suite
	scripts/test.sh

check: ## cargo fmt --check and clippy (native and wasm32)
	scripts/setup.sh rust target components
	scripts/check.sh

e2e: ## only the Playwright end-to-end tests, against dist/ (built if missing)
	scripts/setup.sh build chromium
	scripts/e2e.sh

engines: ## only the three-engine smoke suite (Chromium, Firefox ESR, WebKit) against dist/ (built if missing)
	scripts/setup.sh build chromium engines
	[[ -f dist/index.html ]] || trunk build --release
	node tests/engines/run.mjs --dist dist --engines chromium,firefox,webkit

fuzz: ## 100 000 hostile links through the link parser, printing the case count
	cargo test --release --test fuzz_links -- --nocapture --test-threads 1

budgets: ## check the release build's wasm size budget (400 KB gzipped, issue 16; fails when over)
	scripts/budgets.sh

bench: ## one table: criterion + headless Chromium timings, first paint, wasm sizes (target/bench/table.md); seed run and sweep per engine (engines.md)
	scripts/setup.sh build chromium engines
	scripts/bench.sh

notebook-tf: ## run the exported TensorFlow notebook (TF_PYTHON, default /work/tfvenv) and compare its z with the page's; skips without TensorFlow
	scripts/notebook-tf.sh

clean: ## remove build output (dist/, target/, test-results/)
	rm -rf dist dist-hooks test-results
	cargo clean
