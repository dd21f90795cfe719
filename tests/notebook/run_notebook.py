#!/usr/bin/env python3
"""Runs an exported reglab notebook's code cells in order, as Jupyter would (one namespace,
matplotlib's Agg backend so no window opens), and writes its final `z` (and the sweep's `Z`)
as float32 bit patterns, one value per line in hex, so the caller compares bit for bit.

  run_notebook.py NOTEBOOK.ipynb OUT.txt [--validate | --validate-only] [--set NAME=VALUE ...]

--validate checks the file against the nbformat 4 JSON schema first (nbformat's own validator),
--validate-only checks and runs nothing (a TensorFlow notebook where TensorFlow is absent);
--set overrides a variable after the cell that defines it (e.g. --set "epochs=100").
Exit 0 on success; 3 when the notebook is invalid; the notebook's own error otherwise.
"""
import json
import os
import sys

os.environ.setdefault('MPLBACKEND', 'Agg')


def validate(text):
    """nbformat 4 schema validation (python3-nbformat); the JSON checks alone without it."""
    nb = json.loads(text)
    assert nb['nbformat'] == 4 and isinstance(nb['nbformat_minor'], int), 'not nbformat 4'
    assert nb['metadata']['kernelspec']['name'] == 'python3', 'kernel is not python3'
    for cell in nb['cells']:
        assert isinstance(cell['source'], list), 'a cell source is not a list of lines'
    import nbformat
    nbformat.validate(nbformat.reads(text, as_version=4))
    return nb


def main(argv):
    path, out = argv[1], argv[2]
    sets = [argv[i + 1].split('=', 1) for i, a in enumerate(argv[:-1]) if a == '--set']
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if '--validate' in argv or '--validate-only' in argv:
        try:
            validate(text)
        except Exception as e:  # noqa: BLE001 - any failure is an invalid notebook
            print(f'{path}: invalid notebook: {e}', file=sys.stderr)
            return 3
        print(f'{path}: valid nbformat 4 (schema checked)')
        if '--validate-only' in argv:
            return 0
    nb = json.loads(text)
    scope = {'__name__': '__main__'}
    for i, cell in enumerate(nb['cells']):
        if cell['cell_type'] != 'code':
            continue
        code = ''.join(cell['source'])
        exec(compile(code, f'{path} cell {i + 1}', 'exec'), scope)
        for name, value in sets:
            if name in scope:
                scope[name] = eval(value, scope)
    import numpy as np
    lines = []
    for name in ('z', 'Z'):
        if name in scope:
            bits = np.asarray(scope[name], dtype=np.float32).reshape(-1).view(np.uint32)
            lines.append(f'{name} {len(bits)}')
            lines += [f'{b:08x}' for b in bits]
    with open(out, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
