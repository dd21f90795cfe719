#!/usr/bin/env node
// The one table of `make bench`: criterion's native figures, the headless-Chromium figures of
// scripts/bench-browser.mjs and the release build's wasm sizes, each with its target (issue 8).
//
//   node scripts/bench-table.mjs --criterion DIR --browser FILE.json --dist DIR [--numpy FILE.json]
//       [--out FILE.md] [--note TEXT]...
//
// Prints the markdown table (and the notes under it) and writes the same to FILE.md. Exits 1
// when a figure misses its target (or a figure with a target was not measured), after printing.
//
// Every speed target of the project lives here (issue 12): `make test` asserts nothing that
// depends on the CPU or its load. The targets of the load scenarios the e2e specs only print
// (tests/e2e/lab.spec.mjs's slider drag, tests/e2e/faults.spec.mjs's 200 μ changes and heavy
// run, tests/e2e/sweep.spec.mjs's seed sweep) are checked on the same scenarios, measured by
// scripts/bench-browser.mjs.
//
// Issue 17's peers, measured in the same run: reglab's seed run against a plain-JS float32 loop in
// the same Chromium (scripts/bench-peer-js.mjs, via bench-browser.mjs) and against NumPy natively
// (scripts/bench_peer_numpy.py's JSON, --numpy), as ratios with targets; and the first load on a
// throttled network (bench-browser.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zDiff } from './bench-peer-js.mjs';
import { WASM_BUDGET_KB, wasmSizes } from './wasm-size.mjs';

const args = process.argv.slice(2);
const all = (name) => args.flatMap((a, i) => (a === `--${name}` && i + 1 < args.length ? [args[i + 1]] : []));
const one = (name) => all(name).at(-1);

const SEED_EPOCHS = 25_000;
/** A main-thread task longer than this is a long task (the Long Tasks API's own threshold). */
const LONG_TASK_MS = 50;
const INPUT_TO_FRAME_MS = 50; // median, for every input-to-frame row
const DRAG_MIN_DISTINCT_MU = 30; // μ drawn while the mouse drags the slider end to end
const CHANGES_MIN_FRAMES = 20; // frames drawn during the 200 μ changes
const CHANGES_MAX_SPAN_MS = 10_000; // 200 changes 49 ms apart are dispatched within 10 s
const JS_PEER_MIN_RATIO = 8; // reglab's seed run in the worker vs the plain-JS loop, same browser
const NUMPY_MIN_RATIO = 40; // reglab's native seed run vs NumPy
const WIFI_FIRST_RESULT_MS = 3000; // first converged chart of a first load on lecture-hall Wi-Fi

/** Criterion's median estimate of a benchmark id, in ms (null when it has not been run). */
function criterionMs(id) {
  const file = path.join(one('criterion'), ...id.split('/'), 'new', 'estimates.json');
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')).median.point_estimate / 1e6;
}

const browser = JSON.parse(fs.readFileSync(one('browser'), 'utf8'));
const numpyFile = one('numpy');
const numpy = numpyFile && fs.existsSync(numpyFile) ? JSON.parse(fs.readFileSync(numpyFile, 'utf8')) : null;
const dist = one('dist');
const wasm = wasmSizes(dist);

const ms = (x) => `${x.toFixed(1)} ms`;
const us = (msPerRun) => `${((msPerRun * 1000) / SEED_EPOCHS).toFixed(3)} µs/epoch`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

const rows = [];
let missed = 0;
const cpus = os.cpus();
const load = os.loadavg().map((x) => x.toFixed(2)).join(', ');
/** A row; `ok` is true/false for a figure with a target, undefined otherwise. */
function row(metric, value, target = '', ok = undefined) {
  if (ok === false) missed += 1;
  rows.push([metric, value, target, ok === undefined ? '' : ok ? 'yes' : '**no**']);
}

const mhz = cpus[0]?.speed ? ` @ ${cpus[0].speed} MHz` : '';
row('CPU (the figures below depend on it)', `${cpus[0]?.model?.trim() ?? 'unknown CPU'}${mhz}, ${cpus.length} cores; load average ${load} when tabled`);

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
// Issue 17: a run shared among k workers (`workers=k`); the time is the coordinating worker's
// wall time to the merged answer. Reported, with no target: it depends on the cores (README).
for (const s of browser.kWorkers ?? []) {
  row(
    `Chromium run shared among k workers, ${s.name}: median of ${s.k1.n} on k = 1 → k = 2`,
    `${ms(s.k1.median)} → ${ms(s.k2.median)} (min ${ms(s.k1.min)} → ${ms(s.k2.min)}): speed-up ${s.speedup.toFixed(2)}×`,
  );
}

// The peers (issue 17): what a teacher would otherwise write, in the same run.
/** "final z vs reglab's": the peer's z against the z of the page's Run CSV (seed run). */
const vsReglab = (d) =>
  d ? `final z vs reglab's Run CSV: ‖Δz‖∞ ${d.max === 0 ? '0' : d.max.toExponential(1)}, ${d.equal} of ${d.n} equal to the bit` : 'final z not compared';
const { jsPeer } = browser;
row(
  `plain-JS peer: the seed run as a hand-written page would compute it (\`scripts/bench-peer-js.mjs\`: Float32Array, Math.fround on every operation, Keras' update order, 2 Math.pow per epoch), in a blank page of this Chromium, main thread, its own performance.now(); median of ${jsPeer?.reps ?? '?'} after ${jsPeer?.warmups ?? '?'} warm-ups, run by run between reglab's warm seed runs (both under the same load)`,
  jsPeer ? `${us(jsPeer.median)} (${ms(jsPeer.median)}; min ${ms(jsPeer.min)}); ${vsReglab(jsPeer.vsReglab)}` : 'not measured',
);
scenarioRow(
  'reglab ÷ plain-JS peer, same browser: the peer\'s median ÷ the Chromium seed run\'s (worker compute, `reglab:run`, warm)',
  jsPeer,
  (p) => `${(p.median / run.median).toFixed(1)}× faster`,
  `≥ ${JS_PEER_MIN_RATIO}×`,
  (p) => p.median / run.median >= JS_PEER_MIN_RATIO,
);
row(
  `NumPy peer: the seed run in NumPy float32, natively (\`scripts/bench_peer_numpy.py\` under ${numpy ? `${numpy.executable} ${numpy.python}, NumPy ${numpy.numpy}` : '/usr/bin/python3'}: vectorised over the 100 coordinates, a Python loop over the epochs, α(t) for all t at once; perf_counter); median of ${numpy?.ms.length ?? '?'} after a warm-up`,
  numpy ? `${us(numpy.median_ms)} (${ms(numpy.median_ms)}; min ${ms(Math.min(...numpy.ms))}); ${vsReglab(zDiff(numpy.z, seedRun.z))}` : 'not measured',
);
if (nativeRun !== null) {
  scenarioRow(
    'reglab native ÷ NumPy peer: NumPy\'s median ÷ the native seed run\'s (criterion median)',
    numpy,
    (p) => `${(p.median_ms / nativeRun).toFixed(0)}× faster`,
    `≥ ${NUMPY_MIN_RATIO}×`,
    (p) => p.median_ms / nativeRun >= NUMPY_MIN_RATIO,
  );
}
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
// Issue 17: the analytic tier within one 60 Hz frame; the converged frame within two, p95 three.
const ANALYTIC_MS = 16.7;
const CONVERGED_MS = 33;
const CONVERGED_P95_MS = 50;
const OVERHEAD_MS = 2;
const an = itf.analytic;
row(
  `input → analytic frame (\`reglab:input-to-analytic\`: band, z*, caption, counts), ${an?.n ?? 0} slider moves: median`,
  an?.n ? `${ms(an.median)} (p95 ${ms(an.p95)})` : 'not measured',
  `≤ ${ANALYTIC_MS} ms`,
  Boolean(an?.n) && an.median <= ANALYTIC_MS,
);
row(
  `input → converged frame (\`reglab:input-to-frame\`), ${itf.n} slider moves: median`,
  `${ms(itf.median)} (min ${ms(itf.min)})`,
  `≤ ${CONVERGED_MS} ms`,
  itf.median <= CONVERGED_MS,
);
row(`input → converged frame, ${itf.n} slider moves: p95`, ms(itf.p95), `≤ ${CONVERGED_P95_MS} ms`, itf.p95 <= CONVERGED_P95_MS);
// The worker overhead is taken from the slider drag, as issue 17's own breakdown was: after a key
// press (a discrete input) Chromium holds the worker's answer until the frame after the input's
// (its DeferRendererTasksAfterInput scheduling), so those figures hold up to a frame of waiting
// that is not reglab's; they are printed beside it (README "Worker overhead").
const oh = browser.drag?.overhead;
row(
  `worker overhead (\`reglab:worker-overhead\`: request posted → answer decoded on the page, less the worker's compute), the slider drag's ${oh?.n ?? 0} answered runs: median`,
  oh?.n ? `${ms(oh.median)} (p95 ${ms(oh.p95)})` : 'not measured',
  `≤ ${OVERHEAD_MS} ms`,
  Boolean(oh?.n) && oh.median <= OVERHEAD_MS,
);
const ohKeys = itf.overhead;
row(
  `worker overhead, the ${ohKeys?.n ?? 0} key presses above (Chromium holds the answer to a key press until the frame after the input's): median`,
  ohKeys?.n ? `${ms(ohKeys.median)} (p95 ${ms(ohKeys.p95)})` : 'not measured',
);

/** `xs` (long task durations) as a value: "none" or the list. */
const taskList = (xs) => (xs.length ? xs.map((d) => `${d.toFixed(0)} ms`).join(', ') : 'none');
const noLongTask = (xs) => xs.filter((d) => d > LONG_TASK_MS).length === 0;
/** A row for a scenario figure; a missing scenario counts as a miss. */
function scenarioRow(metric, scenario, value, target, ok) {
  if (!scenario) return row(metric, 'not measured', target, false);
  return row(metric, value(scenario), target, ok(scenario));
}
/** input-to-frame median; no frame measured at all is a miss. */
const itfOk = (m) => m.n > 0 && m.median <= INPUT_TO_FRAME_MS;
const itfValue = (m) => (m.n > 0 ? `${ms(m.median)} (p95 ${ms(m.p95)}, n ${m.n})` : 'no frame measured');

/** The rows every input scenario has: input-to-frame and the main thread's long tasks. */
function inputRows(label, scenario) {
  scenarioRow(`${label}: input-to-frame median`, scenario, (s) => itfValue(s.inputToFrame), `≤ ${INPUT_TO_FRAME_MS} ms`, (s) =>
    itfOk(s.inputToFrame),
  );
  scenarioRow(`${label}: main-thread long tasks`, scenario, (s) => taskList(s.longTasks), `none > ${LONG_TASK_MS} ms`, (s) =>
    noLongTask(s.longTasks),
  );
}

const { drag, muChanges: changes, heavyRun: heavy } = browser;
scenarioRow(
  'slider drag end to end (91 mouse moves 25 ms apart, e2e lab.spec): distinct μ drawn while the mouse moves',
  drag,
  (d) => String(d.distinctMu),
  `≥ ${DRAG_MIN_DISTINCT_MU}`,
  (d) => d.distinctMu >= DRAG_MIN_DISTINCT_MU,
);
inputRows('slider drag', drag);
scenarioRow(
  '200 μ changes 49 ms apart (e2e faults.spec): time to dispatch them',
  changes,
  (c) => ms(c.spanMs),
  `≤ ${CHANGES_MAX_SPAN_MS / 1000} s`,
  (c) => c.spanMs <= CHANGES_MAX_SPAN_MS,
);
scenarioRow(
  '200 μ changes: frames drawn meanwhile',
  changes,
  (c) => String(c.inputToFrame.n),
  `≥ ${CHANGES_MIN_FRAMES}`,
  (c) => c.inputToFrame.n >= CHANGES_MIN_FRAMES,
);
inputRows('200 μ changes', changes);
scenarioRow(
  'a 10 000 000-epoch run at n = 10 000, 20 s of it (e2e faults.spec): main-thread long tasks',
  heavy,
  (h) => `${taskList(h.longTasks)} (${h.epochsPerSecond.toFixed(0)} epochs/s over ${h.seconds.toFixed(1)} s)`,
  `none > ${LONG_TASK_MS} ms`,
  (h) => noLongTask(h.longTasks),
);
row(`fresh load: first paint, median of ${freshLoad.firstPaint.n}`, ms(freshLoad.firstPaint.median));
row(`fresh load: first contentful paint, median of ${freshLoad.firstContentfulPaint.n}`, ms(freshLoad.firstContentfulPaint.median));
row(
  `fresh load: first converged chart (\`reglab:first-result\`), median of ${freshLoad.firstResult.n}`,
  `${ms(freshLoad.firstResult.median)} (min ${ms(freshLoad.firstResult.min)})`,
);
const { wifiLoad: wifi } = browser;
scenarioRow(
  `first load on lecture-hall Wi-Fi (CDP: 200 000 B/s down, 750 kbit/s up, 150 ms latency; a fresh context; served gzipped with max-age=600 as GitHub Pages does; service worker blocked, see README): navigation start to the first converged chart, median of ${wifi?.firstResult.n}`,
  wifi,
  (w) =>
    `${ms(w.firstResult.median)} (min ${ms(w.firstResult.min)}, max ${ms(w.firstResult.max)}); ` +
    `${kb(w.waterfall.reduce((s, r) => s + r.bytes, 0))} on the wire before it`,
  `≤ ${WIFI_FIRST_RESULT_MS} ms`,
  (w) => w.firstResult.median <= WIFI_FIRST_RESULT_MS,
);
for (const w of wasm) row(`wasm \`${w.name.replace(/-[0-9a-f]{8,}(_bg)?\.wasm$/, '$1.wasm')}\` raw / gzipped (zlib 9)`, `${kb(w.raw)} / ${kb(w.gz)}`);
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
const targets = rows.filter((r) => r[3] !== '').length;
console.error(missed ? `bench: ${missed} of ${targets} targets missed (exit 1)` : `bench: all ${targets} targets met`);
process.exit(missed ? 1 : 0);
