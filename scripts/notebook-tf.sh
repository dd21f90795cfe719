#!/usr/bin/env bash
# make notebook-tf (issue 16, acceptance 2): runs the exported TensorFlow notebook of each state
# (default: the seed at μ = 0.1 and a z0data link with lr = 0.003 and 4 000 epochs; or the link
# queries given as arguments) in a Python with TensorFlow, and compares its final z with the
# page's run, recomputed by examples/run_csv.rs (the e2e tests check that it equals the page's
# Run CSV bit for bit). For Adam they must be equal to the bit, and the script fails otherwise:
# TensorFlow computes β^t with glibc's powf, and reglab with its port of it (core::optim::pow).
#
#   TF_PYTHON=/path/to/python scripts/notebook-tf.sh ['mu=0.5&opt=rmsprop' ...]
# TF_PYTHON defaults to $TF_VENV/bin/python, TF_VENV to /work/tfvenv
# (python3 -m venv /work/tfvenv && /work/tfvenv/bin/pip install tensorflow-cpu matplotlib nbformat).
# Without TensorFlow it says so and exits 0: TensorFlow is not part of `make test`.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

TF_PYTHON="${TF_PYTHON:-${TF_VENV:-/work/tfvenv}/bin/python}"
if ! "$TF_PYTHON" -c 'import tensorflow' >/dev/null 2>&1; then
  loud_notice "SKIPPED: no TensorFlow at $TF_PYTHON." \
    "Set TF_PYTHON to a Python with tensorflow-cpu, numpy, matplotlib and nbformat to run the TensorFlow notebook."
  exit 0
fi
say "TensorFlow $("$TF_PYTHON" -c 'import tensorflow as tf, keras; print(tf.__version__, "/ Keras", keras.__version__)' 2>/dev/null)"

Z0DATA='AU0wNcDw9H1A8UREXbJ0XoqAnWethLluwejE4sN6vvm01KellyOFH3F4XBVI2DSZIxwVBwrfAgAAmgGxBxkSfCBaMg9H3F3rdVmOQqbDvArRXeIc8M_5J____2P8ivTY6NjZNci3tDmgnYvLd59l5lVUSX1AzTuIO8Q_aEgwVa1l'
if (($# == 0)); then set -- 'mu=0.1' "z0=data&z0data=$Z0DATA&lr=0.003&epochs=4000"; fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bin="${CARGO_TARGET_DIR:-$ROOT/target}/release/examples"
cargo build --quiet --release --example notebook --example run_csv
failed=0
for q in "$@"; do
  say "state ?${q:0:80}"
  "$bin/notebook" tf "$q" >"$out/tf.ipynb"
  "$bin/run_csv" "$q" >"$out/page.csv"
  MPLBACKEND=Agg TF_CPP_MIN_LOG_LEVEL=2 "$TF_PYTHON" tests/notebook/run_notebook.py "$out/tf.ipynb" "$out/z.txt" --validate
  printf '  TensorFlow notebook against the page: '
  "$TF_PYTHON" tests/notebook/compare.py "$out/z.txt" "$out/page.csv" || failed=1
done
exit "$failed"
