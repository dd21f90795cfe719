#!/usr/bin/env bash
# `make bench`: reglab's figures in one table (issue 8) — criterion's native seed run and seed
# sweep, the same in a fresh headless Chromium (the page's own User Timing measures), input-to-
# frame over 50 slider moves, the e2e specs' load scenarios (a slider drag, 200 μ changes, 20 s of
# a heavy run: input-to-frame, long tasks), first paint and first converged chart of a fresh load,
# wasm sizes. The table states the CPU, and is printed and written to target/bench/table.md (the
# README's copy comes from there). Every speed target lives here, none in `make test` (issue 12).
#
# Peers, in the same run (issue 17): the seed run as a plain JavaScript float32 Keras-Adam loop
# (scripts/bench-peer-js.mjs: Float32Array, Math.fround on every operation) in a blank page of the
# same headless Chromium, timed by that page (median of 7 after 2 warm-ups), and as NumPy float32
# (scripts/bench_peer_numpy.py, natively under Debian's /usr/bin/python3, median of 5); rows give
# reglab's ratio to each — the worker's seed run vs the JS loop (target ≥ 8×), criterion's native
# seed run vs NumPy (≥ 40×; left out with --no-native) — and how far each peer's final z is from
# reglab's. First load on lecture-hall Wi-Fi: 3 fresh contexts throttled through CDP (200 000 B/s
# down, 750 kbit/s up, 150 ms latency), the site served gzipped with max-age=600 as GitHub Pages
# does (serve-dist.mjs --pages on), service worker blocked; navigation start to the first
# converged chart (target ≤ 3 000 ms); bench-browser.mjs prints the median load's waterfall.
#
#   scripts/bench.sh [--dist DIR] [--compare DIR_A] [--no-native] [--readme]
#
#   --dist DIR       bench this built site instead of dist/ (also BENCH_DIST=DIR). Without it,
#                    dist/ is rebuilt (trunk build --release) when missing or older than a source.
#   --compare DIR_A  also run the A/B of the seed run: DIR_A (A) against the benched build (B),
#                    interleaved in one browser; prints each median µs/epoch and the ratio B/A.
#   --no-native      skip criterion (its rows are left out of the table).
#   --readme         also copy the table into README.md (between its bench:start/end markers).
#
# Exits 1 when a figure misses its target (after printing the table). Takes a few minutes: the
# first `cargo bench` compiles the crate natively; the measurements take about 1.5 min.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

dist="${BENCH_DIST:-}"
compare=""
native=1
readme=0
while (($#)); do
  case "$1" in
    --dist) dist="$2"; shift 2 ;;
    --compare) compare="$2"; shift 2 ;;
    --no-native) native=0; shift ;;
    --readme) readme=1; shift ;;
    *) die "unknown argument: $1 (see the top of $0)" ;;
  esac
done

out="$ROOT/target/bench"
mkdir -p "$out"
load() { cut -d' ' -f1-3 /proc/loadavg; }
load_start="$(load)"

criterion_dir="${CARGO_TARGET_DIR:-$ROOT/target}/criterion"
if ((native)); then
  say "criterion: cargo bench --bench core (native)"
  # Measurement times are set per group in benches/core.rs (5–8 s); a short warm-up keeps the
  # whole run near a minute once compiled.
  cargo bench --bench core -- --warm-up-time 1
else
  criterion_dir="$out/no-criterion"
fi

# The NumPy peer (issue 17), natively: Debian's Python and python3-numpy, not whatever python3 is
# first on PATH. If it cannot run, its rows say "not measured" and the ratio counts as a miss.
numpy_json="$out/numpy-peer.json"
say "NumPy peer: /usr/bin/python3 scripts/bench_peer_numpy.py"
if ! /usr/bin/python3 scripts/bench_peer_numpy.py >"$numpy_json"; then
  warn "the NumPy peer failed (is python3-numpy installed?)"
  rm -f "$numpy_json"
fi

if [[ -z "$dist" ]]; then
  dist="$ROOT/dist"
  if [[ ! -f dist/index.html ]] ||
    [[ -n "$(find src style index.html Cargo.toml Cargo.lock Trunk.toml -newer dist/index.html -print -quit)" ]]; then
    say "dist/ is missing or older than the sources: trunk build --release"
    trunk build --release
  fi
fi
[[ -f "$dist/index.html" ]] || die "$dist/index.html does not exist: build the site first"
[[ -x "$CHROMIUM" ]] || die "no Chromium at $CHROMIUM: run \`make setup\`"
export CHROMIUM

say "headless Chromium against $dist"
node scripts/bench-browser.mjs --dist "$dist" --out "$out/browser.json"

if [[ -n "$compare" ]]; then
  say "A/B seed run: A = $compare, B = $dist"
  node scripts/bench-browser.mjs --dist "$compare" --dist "$dist" --out "$out/compare.json" | tee "$out/compare.txt"
fi

chromium_version="$(node -p "require('$out/browser.json').chromium")"
cpu="$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo
status=0
node scripts/bench-table.mjs --criterion "$criterion_dir" --browser "$out/browser.json" --dist "$dist" \
  --numpy "$numpy_json" --out "$out/table.md" \
  --note "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at $(git rev-parse --short HEAD 2>/dev/null || echo '?') on $(nproc) cores (${cpu:-unknown CPU}), headless Chromium ${chromium_version}; load average (1, 5, 15 min) ${load_start} at the start, $(load) at the end." || status=$?

if ((readme)); then
  grep -q '<!-- bench:start -->' README.md || die "README.md has no <!-- bench:start --> marker"
  awk -v table="$out/table.md" '
    /<!-- bench:end -->/ { skip = 0 }
    !skip { print }
    /<!-- bench:start -->/ { print ""; while ((getline line < table) > 0) print line; print ""; skip = 1 }
  ' README.md >"$out/README.md.new"
  mv "$out/README.md.new" README.md
  say "README.md: benchmark table replaced"
fi

# ------------------------------------------------------------------------------------------------
# Per engine (issue 12; scripts/bench-engines.mjs): the seed run and the seed sweep in Chromium,
# Firefox ESR and WebKit, each read from the page's own measures, in one table, printed and written
# to target/bench/engines.md. A miss (Firefox's or WebKit's median over 3× Chromium's from the same
# run, or an engine that could not be measured) makes this script exit non-zero like any other.
say "per engine: Chromium, Firefox ESR and WebKit against $dist"
engines_status=0
# In a session of its own, so that a stuck engine driver (a WebKitWebDriver call once never
# returned, and the bench with it) can be stopped with its browsers after ENGINES_LIMIT_S; that
# counts as a miss.
setsid node scripts/bench-engines.mjs --dist "$dist" --out "$out/engines.md" --json "$out/engines.json" &
engines_pid=$!
(
  # Its sleep ends with it, so no stray process holds the output open (a `| tee` would wait on it).
  sleep "${ENGINES_LIMIT_S:-900}" &
  trap 'kill $! 2>/dev/null; exit 0' TERM
  wait $!
  warn "per-engine bench still running after ${ENGINES_LIMIT_S:-900} s: stopped"
  kill -- -"$engines_pid" 2>/dev/null
) &
watchdog=$!
wait "$engines_pid" || engines_status=$?
kill "$watchdog" 2>/dev/null || true
if ((status == 0 && engines_status != 0)); then status=$engines_status; fi

# Firefox as a student starts it, without WebDriver (scripts/firefox-direct.mjs): the first reglab
# page of a fresh process against later pages of the same process. Printed and added to
# engines.md for reading beside the automated row above (README "Engines": under automation
# Firefox ESR 140 measures the slow first-page case); no target of its own.
say "Firefox without automation: first page and later pages ($dist)"
if direct="$(node scripts/firefox-direct.mjs --dist "$dist")"; then
  printf '%s\n' "$direct"
  printf '\nFirefox without automation (scripts/firefox-direct.mjs):\n\n```\n%s\n```\n' "$direct" >>"$out/engines.md"
else
  warn "Firefox without automation could not be measured"
fi
exit "$status"
