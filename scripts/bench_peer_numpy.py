#!/usr/bin/python3
"""The NumPy peer of `make bench` (issue 17): the seed run as a NumPy user would write it.

Keras-default Adam (lr 1e-3, beta_1 0.9, beta_2 0.999, epsilon 1e-7) in Keras' update order,
every array float32 (the arithmetic of src/view/notebook/adam_numpy.py), vectorised over the
n = 100 coordinates, one Python loop over the 25 000 epochs; z0 = linspace(-10, 10, 100) in
float32, z starts at 0, mu = 0.1. The step sizes alpha(t) = lr sqrt(1 - beta_2^t) / (1 - beta_1^t)
are computed for all t at once in float32 (inside the timed part), as the notebook export does.

    /usr/bin/python3 scripts/bench_peer_numpy.py [--reps 5] [--warmups 1] [--epochs 25000]

Run by scripts/bench.sh under Debian's /usr/bin/python3 (python3-numpy). Prints one JSON object:
every timed run's ms (time.perf_counter around the whole run), their median, the final z, and the
NumPy and Python versions.
"""

import argparse
import json
import statistics
import sys
import time

import numpy as np

f32 = np.float32


def seed_run(epochs, n=100, mu=0.1):
    """The seed run; returns the final z (float32)."""
    lr, beta_1, beta_2, epsilon = f32(0.001), f32(0.9), f32(0.999), f32(1e-7)
    b1, b2 = f32(1 - 0.9), f32(1 - 0.999)  # Keras: 1 - beta in float64, cast to float32
    mu, one, two = f32(mu), f32(1), f32(2)
    z0 = np.linspace(-10, 10, n).astype(f32)
    z, m, v = np.zeros(n, f32), np.zeros(n, f32), np.zeros(n, f32)
    t = np.arange(1, epochs + 1, dtype=f32)
    alpha = (lr * np.sqrt(one - beta_2**t)) / (one - beta_1**t)
    for k in range(epochs):
        g = np.sign(z - z0) + mu * ((z - one) * two)
        m = m + (g - m) * b1
        v = v + (g * g - v) * b2
        z = z - (m * alpha[k]) / (np.sqrt(v) + epsilon)
    return z


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--reps', type=int, default=5)
    p.add_argument('--warmups', type=int, default=1)
    p.add_argument('--epochs', type=int, default=25_000)
    a = p.parse_args()
    for _ in range(a.warmups):
        seed_run(a.epochs)
    ms = []
    for _ in range(a.reps):
        t0 = time.perf_counter()
        z = seed_run(a.epochs)
        ms.append((time.perf_counter() - t0) * 1000)
    json.dump({'epochs': a.epochs, 'ms': ms, 'median_ms': statistics.median(ms), 'z': [float(x) for x in z],
               'numpy': np.__version__, 'python': sys.version.split()[0], 'executable': sys.executable},
              sys.stdout)
    print()


if __name__ == '__main__':
    main()
