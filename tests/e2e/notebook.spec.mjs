// Export ▸ Notebook (issue 16, acceptance 1): for three states — the seed at μ = 0.1, a z0data link
// with lr = 0.003 and 4 000 epochs, the Tournesol preset with the proximal optimizer — the page's
// two notebooks are valid nbformat 4 (JSON, and nbformat's own schema validator), their first
// cell holds the page's link, and the NumPy notebook's code, run by Debian's python3 (numpy,
// matplotlib's Agg backend: `scripts/setup.sh python` installs them), ends with a `z` equal to the
// page's Run CSV: bit for bit for Adam, within 1e-6 for the proximal gradient (its pseudo-Huber
// prox calls hypot, which Python and the page's wasm libm may round differently).
// PYTHON=/path/to/python overrides /usr/bin/python3. Nothing here is timed.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Lab, runTool, watchProblems } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const RUNNER = path.join(ROOT, 'tests', 'notebook', 'run_notebook.py');

// 60 values (a sine with a slope), 16-bit quantised as the page's z0 codec writes them.
const Z0DATA =
  'AU0wNcDw9H1A8UREXbJ0XoqAnWethLluwejE4sN6vvm01KellyOFH3F4XBVI2DSZIxwVBwrfAgAAmgGxBxkSfCBaMg9H3F3rdVmOQqbDvArRXeIc8M_5J____2P8ivTY6NjZNci3tDmgnYvLd59l5lVUSX1AzTuIO8Q_aEgwVa1l';

const STATES = [
  { name: 'seed', query: 'mu=0.1', mu: 0.1, n: 100, exact: true },
  { name: 'z0data', query: `z0=data&z0data=${Z0DATA}&lr=0.003&epochs=4000`, mu: 0.1, n: 60, exact: true },
  {
    name: 'tournesol-prox',
    query: 'w=tournesol&tlambda=2&tcap=3&mu=5&c=0&fit=huber&delta=1&opt=prox',
    mu: 5,
    n: 100,
    exact: false,
  },
];

/** Clicks the export button `testid` and returns the downloaded file's name and text. */
async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

/** The z column of a run CSV as f32 bit patterns (each value is its f32's shortest text). */
function csvBits(text) {
  const [header, ...rows] = text.trim().split('\n');
  const col = header.split(',').indexOf('z');
  const z = Float32Array.from(rows.map((r) => Number(r.split(',')[col])));
  return { z, bits: new Uint32Array(z.buffer) };
}

/** Runs `python RUNNER args…`; returns its stdout, or fails with its stderr. */
async function python(args) {
  try {
    return await runTool(PYTHON, [RUNNER, ...args], { env: { ...process.env, MPLBACKEND: 'Agg' } });
  } catch (e) {
    throw new Error(`${PYTHON} ${RUNNER} ${args.join(' ')} failed (scripts/setup.sh python installs numpy, matplotlib, nbformat):\n${e.stderr ?? e}`);
  }
}

for (const state of STATES) {
  test(`notebook export (${state.name}): valid nbformat 4 and the NumPy notebook's z equals the page's Run CSV`, async ({ page }) => {
    test.setTimeout(300_000);
    const problems = watchProblems(page);
    const lab = new Lab(page);
    await lab.open(state.query);
    await lab.waitDone({ mu: state.mu });
    const csv = (await download(page, 'export-csv')).text;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglab-notebook-'));
    let numpyPath;
    for (const [testid, flavour] of [['export-notebook-numpy', 'numpy'], ['export-notebook-tf', 'tf']]) {
      const { name, text } = await download(page, testid);
      expect(name).toMatch(new RegExp(`^reglab-mu.*-${flavour}\\.ipynb$`));
      const nb = JSON.parse(text);
      expect(nb.nbformat).toBe(4);
      expect(nb.metadata.kernelspec.name).toBe('python3');
      expect(nb.cells[0].cell_type).toBe('markdown');
      const first = nb.cells[0].source.join('');
      const address = new URL(page.url());
      expect(first).toContain(`${address.origin}${address.pathname}?`);
      expect(first).toContain(`mu=${state.mu}`);
      for (const cell of nb.cells) expect(Array.isArray(cell.source)).toBe(true);
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      if (flavour === 'numpy') numpyPath = file;
      else console.log((await python([file, path.join(dir, 'tf.txt'), '--validate-only'])).trim());
    }
    const out = path.join(dir, 'z.txt');
    console.log((await python([numpyPath, out, '--validate'])).trim());
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(`z ${state.n}`);
    const ours = Uint32Array.from(lines.slice(1, 1 + state.n).map((h) => parseInt(h, 16)));
    const oursZ = new Float32Array(ours.buffer);
    const page_ = csvBits(csv);
    expect(page_.bits.length).toBe(state.n);
    let same = 0;
    let worst = 0;
    for (let i = 0; i < state.n; i++) {
      if (ours[i] === page_.bits[i]) same++;
      worst = Math.max(worst, Math.abs(oursZ[i] - page_.z[i]));
    }
    console.log(`${state.name}: ${same} of ${state.n} z values equal to the bit, max |difference| ${worst}`);
    if (state.exact) expect(same).toBe(state.n);
    else expect(worst).toBeLessThanOrEqual(1e-6);
    problems.expectNone();
  });
}
