#!/usr/bin/env python3
"""Compares a notebook's final z (run_notebook.py's bit patterns) with a run CSV's z column
(the page's `Run CSV` export, or examples/run_csv.rs): each CSV number is read as float32, the
page's type, and the two are compared bit for bit.

  compare.py BITS.txt RUN.csv [--tol X]

Prints one line: how many of n values are equal to the bit, and the largest |difference|.
Exit 0 when every value is equal to the bit (or within X with --tol), 1 otherwise.
"""
import csv
import sys

import numpy as np


def read_bits(path, name='z'):
    with open(path) as f:
        lines = f.read().split()
    at = lines.index(name)
    count = int(lines[at + 1])
    return np.array([int(h, 16) for h in lines[at + 2:at + 2 + count]], dtype=np.uint32).view(np.float32)


def main(argv):
    ours = read_bits(argv[1])
    with open(argv[2]) as f:
        theirs = np.array([np.float32(float(r['z'])) for r in csv.DictReader(f)], dtype=np.float32)
    tol = float(argv[argv.index('--tol') + 1]) if '--tol' in argv else 0.0
    if ours.shape != theirs.shape:
        print(f'z: {ours.size} values against {theirs.size} in the CSV')
        return 1
    same = int(np.sum(ours.view(np.uint32) == theirs.view(np.uint32)))
    diff = float(np.max(np.abs(ours.astype(np.float64) - theirs.astype(np.float64)))) if ours.size else 0.0
    print(f'z: {same} of {ours.size} values equal to the bit, max |difference| {diff:.3g}')
    ok = same == ours.size or (tol > 0 and diff <= tol)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
