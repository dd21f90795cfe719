#!/usr/bin/env node
// The one table of `make bench`: criterion's native figures, the headless-Chromium figures of
// scripts/bench-browser.mjs and the release build's wasm sizes, each with its target (issue 8).
//
//   node scripts/bench-table.mjs --criterion DIR --browser FILE.json --dist DIR [--out FILE.md]
//       [--note TEXT]...
//
// Prints the markdown table (and the notes under it) and writes the same to FILE.md. Exits 1
// when a figure misses its target, after printing.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const all = (name) => args.flatMap((a, i) => (a === `--${name}` && i + 1 < args.length ? [args[i + 1]] : []));
const one = (name) => all(name).at(-1);

const SEED_EPOCHS = 25_000;
const WASM_BUDGET_KB = 350;

/** Criterion's median estimate of a benchmark id, in ms (null when it has not been run). */
function criterionMs(id) {
  const file = path.join(one('criterion'), ...id.split('/'), 'new', 'estimates.json');
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')).median.point_estimate / 1e6;
}

const browser = JSON.parse(fs.readFileSync(one('browser'), 'utf8'));
const dist = one('dist');
const wasm = fs
  .readdirSync(dist)
  .filter((f) => f.endsWith('.wasm'))
  .sort()
  .map((f) => {
    const bytes = fs.readFileSync(path.join(dist, f));
    return { name: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  });

const ms = (x) => `${x.toFixed(1)} ms`;
const us = (msPerRun) => `${((msPerRun * 1000) / SEED_EPOCHS).toFixed(3)} µs/epoch`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

const rows = [];
let missed = 0;
/** A row; `ok` is true/false for a figure with a target, undefined otherwise. */
function row(metric, value, target = '', ok = undefined) {
  if (ok === false) missed += 1;
  rows.push([metric, value, target, ok === undefined ? '' : ok ? 'yes' : '**no**']);
}

const nativeRun = criterionMs('seed_run/25k_epochs_mu/0.1');
const nativeSweep = criterionMs('seed_sweep/10mu_x_25k_epochs');
if (nativeRun !== null) {
  row('native seed run (n = 100, 25 000 epochs), criterion median', `${us(nativeRun)} (${ms(nativeRun)})`);
}
if (nativeSweep !== null) row('native seed sweep (10 μ × 25 000 epochs), criterion median', ms(nativeSweep));

const { seedRun, seedSweep, inputToFrame: itf, freshLoad } = browser;
const run = seedRun.warm;
row(
  `Chromium seed run, worker compute (\`reglab:run\`), median of ${run.n} runs`,
  `${us(run.median)} (${ms(run.median)}; min ${ms(run.min)})`,
  '≤ 0.3 µs/epoch (≤ 7.5 ms)',
  run.median <= 7.5,
);
row('Chromium seed run, the first run of a fresh page (JIT not warm)', ms(seedRun.first));
row(
  `Chromium seed sweep, worker compute, median of ${seedSweep.fresh.n} fresh loads`,
  `${ms(seedSweep.fresh.median)} (min ${ms(seedSweep.fresh.min)})`,
  '≤ 100 ms',
  seedSweep.fresh.median <= 100,
);
row(
  `Chromium seed sweep, re-run in the same page, median of ${seedSweep.rerun.n}`,
  `${ms(seedSweep.rerun.median)} (min ${ms(seedSweep.rerun.min)})`,
);
row(
  `input-to-frame (\`reglab:input-to-frame\`), ${itf.n} slider moves: median`,
  `${ms(itf.median)} (min ${ms(itf.min)})`,
  '≤ 50 ms',
  itf.median <= 50,
);
row(`input-to-frame, ${itf.n} slider moves: p95`, ms(itf.p95));
row(`fresh load: first paint, median of ${freshLoad.firstPaint.n}`, ms(freshLoad.firstPaint.median));
row(`fresh load: first contentful paint, median of ${freshLoad.firstContentfulPaint.n}`, ms(freshLoad.firstContentfulPaint.median));
row(
  `fresh load: first converged chart (\`reglab:first-result\`), median of ${freshLoad.firstResult.n}`,
  `${ms(freshLoad.firstResult.median)} (min ${ms(freshLoad.firstResult.min)})`,
);
for (const w of wasm) row(`wasm \`${w.name.replace(/-[0-9a-f]{8,}(_bg)?\.wasm$/, '$1.wasm')}\` raw / gzip -9`, `${kb(w.raw)} / ${kb(w.gz)}`);
const totalGz = wasm.reduce((s, w) => s + w.gz, 0);
row('wasm total gzipped', kb(totalGz), `≤ ${WASM_BUDGET_KB} KB`, totalGz <= WASM_BUDGET_KB * 1024);

const lines = [
  '| metric | value | target | ok |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  ...all('note'),
];
const text = `${lines.join('\n')}\n`;
process.stdout.write(text);
const out = one('out');
if (out) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
}
process.exit(missed ? 1 : 0);
