#!/usr/bin/env node
// `make bench` per engine (issue 12): the seed run and the seed sweep in Chromium, Firefox ESR and
// WebKit, each read from the page's own measures, in one table. Run by scripts/bench.sh.
//
//   node scripts/bench-engines.mjs --dist DIR [--out FILE.md] [--json FILE.json]
//                                  [--engines chromium,firefox,webkit] [--pages 3] [--reruns 4]
//                                  [--sweeps 3] [--sweep-reruns 2] [--max-ratio 3]
//
// The engines are driven by the page objects of the engine smoke suite (tests/engines): Chromium
// and Firefox ESR by puppeteer-core (DevTools protocol / WebDriver BiDi), WebKit by
// selenium-webdriver through WebKitWebDriver and MiniBrowser under Xvfb. DIR is served by
// scripts/serve-dist.mjs (with the site's CSP) on a free loopback port.
//
// - Seed run (n = 100, 25 000 epochs, μ = 0.1: `?mu=0.1&play=instant`, as scripts/bench-browser.mjs):
//   the worker's compute time of the run, the User Timing measure `reglab:run` the page records
//   (src/ui/timing.rs; the status line's data-elapsed-ms shows the same figure). Per
//   engine: PAGES fresh pages (a new browser context; in WebKit a new MiniBrowser), each its first
//   run and RERUNS presses of Run. All samples pooled: median and min.
// - Seed sweep (`?view=sweep`: 10 μ × the seed run): sweep-status data-elapsed-ms (the worker's
//   compute) of SWEEPS fresh pages, then SWEEP_RERUNS presses of "Run sweep" in the last one.
// Nothing is timed by injected code: the page's own clock is read with short evaluates (code sent
// through Firefox's evaluate runs far slower than the page's own, TOOLCHAIN.md).
//
// Where the build exposes how the worker spent a task (status / sweep-status data-slices, data-calls,
// data-longest-call-ms), a second table gives their medians per engine.
//
// Prints one table (and writes it to --out as Markdown); exits 1 when Firefox's or WebKit's
// median seed run or sweep is more than --max-ratio (3) × Chromium's median from this same run,
// or when an engine could not be measured.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchOnceMoreAfterCrash } from '../tests/e2e/chromium.mjs';
import { median, stillAlive, waitFor, withTimeout } from '../tests/engines/common.mjs';
import { serve } from '../tests/engines/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const DIST = path.resolve(opt('dist', path.join(ROOT, 'dist')));
const OUT = opt('out', null);
const JSON_OUT = opt('json', null);
const ENGINES = opt('engines', 'chromium,firefox,webkit').split(',').filter(Boolean);
const PAGES = Number(opt('pages', 3));
const RERUNS = Number(opt('reruns', 4));
const SWEEPS = Number(opt('sweeps', 3));
const SWEEP_RERUNS = Number(opt('sweep-reruns', 2));
const MAX_RATIO = Number(opt('max-ratio', 3));
const TIMEOUT = Number(process.env.BENCH_ENGINES_TIMEOUT ?? 120_000);
// One engine's whole measurement (≈ 1–3 min here): past this a driver is taken to hang.
const ENGINE_TIMEOUT = 15 * 60_000;

const SEED_QUERY = 'mu=0.1&play=instant';
const SWEEP_QUERY = 'view=sweep';
const LAUNCHERS = {
  chromium: () => import('../tests/engines/chromium.mjs'),
  firefox: () => import('../tests/engines/firefox.mjs'),
  webkit: () => import('../tests/engines/webkit.mjs'),
};
if (!ENGINES.includes('chromium')) {
  console.error('bench-engines: the table is relative to Chromium: --engines must include chromium');
  process.exit(2);
}
if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`bench-engines: ${DIST}/index.html does not exist: build first`);
  process.exit(2);
}

// ------------------------------------------------------------------------------------------------
// Reading the page's own measures
// ------------------------------------------------------------------------------------------------

/** The live run as the page measured it: how many `reglab:run` measures, the newest, the status. */
const runState = (page) =>
  page.eval(() => {
    const m = performance.getEntriesByName('reglab:run');
    const s = document.querySelector('[data-testid="status"]');
    return {
      n: m.length,
      last: m.length ? m[m.length - 1].duration : null,
      state: s?.dataset.state ?? null,
      epoch: Number(s?.dataset.epoch),
      elapsed: Number(s?.dataset.elapsedMs),
      workers: s?.dataset.workers ?? null,
      work: s?.dataset.calls === undefined ? null : { calls: Number(s.dataset.calls), slices: Number(s.dataset.slices), longest: Number(s.dataset.longestCallMs) },
    };
  });

/** Waits for the (n+1)-th finished seed run; returns { ms: its worker ms, work }. */
async function nextRun(page, n) {
  const r = await waitFor(
    () => runState(page),
    (x) => x.n > n && x.state === 'done' && x.epoch === 25_000,
    { timeout: TIMEOUT, interval: 50, message: 'a new reglab:run measure of the seed run', fail: (x) => (x.state === 'error' || x.state === 'diverged' ? `run ${x.state}` : null) },
  );
  // The measure is the worker's clock around the epochs (the status line shows the same figure).
  return { ms: r.last, work: r.work };
}

/** A fresh page's first seed run, then RERUNS presses of Run. */
async function seedRuns(engine, base) {
  const page = await engine.newPage({ fresh: true });
  try {
    await page.goto(`${base}?${SEED_QUERY}`);
    const out = [await nextRun(page, 0)];
    for (let i = 0; i < RERUNS; i += 1) {
      const { n } = await runState(page);
      await page.click('run');
      out.push(await nextRun(page, n));
    }
    return out;
  } finally {
    await page.close();
  }
}

/** The seed run shared among 2 workers (issue 17, `workers=2`): Run is pressed until the page's
 * worker has its helper, then RERUNS runs on 2 workers are timed (the coordinating worker's wall
 * time to the merged answer). */
async function sharedRuns(engine, base) {
  const page = await engine.newPage({ fresh: true });
  try {
    await page.goto(`${base}?${SEED_QUERY}&workers=2`);
    await nextRun(page, 0);
    const press = async () => {
      const { n } = await runState(page);
      await page.click('run');
      return nextRun(page, n);
    };
    for (let i = 0; i < 40 && (await runState(page)).workers !== '2'; i += 1) await press();
    if ((await runState(page)).workers !== '2') throw new Error('no seed run was shared among 2 workers');
    const out = [];
    for (let i = 0; i < RERUNS; i += 1) out.push(await press());
    return out;
  } finally {
    await page.close();
  }
}

const sweepState = (page) =>
  page.eval(() => {
    const s = document.querySelector('[data-testid="sweep-status"]');
    return {
      state: s?.dataset.state ?? null,
      done: Number(s?.dataset.done),
      total: Number(s?.dataset.total),
      ms: Number(s?.dataset.elapsedMs),
      work: s?.dataset.calls === undefined ? null : { calls: Number(s.dataset.calls), slices: Number(s.dataset.slices), longest: Number(s.dataset.longestCallMs) },
      finished: window.__benchSweeps ? window.__benchSweeps.slice() : null,
    };
  });

/** SWEEPS fresh pages of the seed sweep, then SWEEP_RERUNS presses of "Run sweep" in the last. */
async function sweeps(engine, base) {
  const out = [];
  for (let i = 0; i < SWEEPS; i += 1) {
    const page = await engine.newPage({ fresh: true });
    try {
      await page.goto(`${base}?${SWEEP_QUERY}`);
      const s = await waitFor(
        () => sweepState(page),
        (x) => x.state === 'done' && x.done === x.total && x.total > 0,
        { timeout: TIMEOUT, interval: 100, message: 'the seed sweep to finish', fail: (x) => (x.state === 'error' ? 'sweep error' : null) },
      );
      out.push({ ms: s.ms, work: s.work });
      if (i < SWEEPS - 1) continue;
      // Re-runs: an observer (not a loop) records each sweep's figure as its status turns done,
      // so that a sweep faster than one poll is not missed.
      await page.eval(() => {
        const el = document.querySelector('[data-testid="sweep-status"]');
        const finished = [];
        window.__benchSweeps = finished;
        let ran = false;
        new MutationObserver(() => {
          if (el.dataset.state !== 'done') ran = true;
          else if (ran) {
            ran = false;
            const d = el.dataset;
            finished.push({
              ms: Number(d.elapsedMs),
              work: d.calls === undefined ? null : { calls: Number(d.calls), slices: Number(d.slices), longest: Number(d.longestCallMs) },
            });
          }
        }).observe(el, { attributes: true, attributeFilter: ['data-state', 'data-elapsed-ms', 'data-calls'] });
      });
      for (let k = 0; k < SWEEP_RERUNS; k += 1) {
        await page.click('sweep-run');
        const x = await waitFor(
          () => sweepState(page),
          (y) => y.finished.length > k && y.state === 'done',
          { timeout: TIMEOUT, interval: 100, message: 'a re-run of the sweep to finish' },
        );
        out.push(x.finished[k]);
      }
    } finally {
      await page.close();
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------

/** Median and min of the samples' ms, and the medians of how the worker spent them (when the page
 * exposes it: status / sweep-status data-calls, data-slices, data-longest-call-ms). */
function summary(samples) {
  const xs = samples.map((x) => x.ms);
  const works = samples.map((x) => x.work).filter(Boolean);
  const work = works.length
    ? {
        calls: median(works.map((w) => w.calls)),
        slices: median(works.map((w) => w.slices)),
        longest: median(works.map((w) => w.longest)),
      }
    : null;
  return { median: median(xs), min: Math.min(...xs), n: xs.length, all: xs, work };
}
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const ratio = (x, base) => (Number.isFinite(x) && base > 0 ? x / base : NaN);

/** Engine `name`'s rows: the seed runs, the shared runs and the sweeps. */
async function measure(engine, name, row) {
  Object.assign(row, { browser: engine.browser, version: engine.version });
  process.stderr.write(`bench-engines: ${name} (${engine.browser} ${engine.version}): seed run …\n`);
  const runs = [];
  for (let p = 0; p < PAGES; p += 1) runs.push(...(await seedRuns(engine, site.url)));
  row.seedRun = summary(runs);
  row.shared = summary(await sharedRuns(engine, site.url));
  process.stderr.write(`bench-engines: ${name}: seed run median ${f1(row.seedRun.median)} ms; sweep …\n`);
  row.sweep = summary(await sweeps(engine, site.url));
  process.stderr.write(`bench-engines: ${name}: sweep median ${f1(row.sweep.median)} ms\n`);
}

/**
 * Measures engine `name` into `row`. A browser process that goes away meanwhile (a crash: the
 * engine's `gone`) ends the attempt at once, and the engine is measured once more in a new
 * browser, as tests/engines/run.mjs reruns its checks; no attempt may hang the bench for ever
 * (a driver whose browser died can wait for ever on the command in flight).
 */
async function measureEngine(name, row) {
  for (let attempt = 1; ; attempt += 1) {
    let engine;
    try {
      engine = await launchOnceMoreAfterCrash(
        async () => withTimeout((await LAUNCHERS[name]()).launch(), 120_000, `launching ${name}`),
        name,
      );
      const gone = engine.gone.then(() => {
        throw new Error(`${name}'s browser process went away`);
      });
      await Promise.race([withTimeout(measure(engine, name, row), ENGINE_TIMEOUT, `measuring ${name}`), gone]);
      return;
    } catch (e) {
      if (attempt > 1 || !engine || (await stillAlive(engine))) throw e;
      process.stderr.write(`##### bench-engines: ${name}'s browser process is gone (${e?.message || e?.name || String(e)}): measured once more in a new browser\n`);
      for (const key of ['seedRun', 'shared', 'sweep']) delete row[key];
    } finally {
      if (engine) await withTimeout(engine.close(), 30_000, `closing ${name}`).catch((e) => process.stderr.write(`bench-engines: ${e.message}\n`));
    }
  }
}

const site = await serve(DIST);
const rows = [];
try {
  for (const name of ENGINES) {
    if (!LAUNCHERS[name]) throw new Error(`unknown engine ${name}`);
    const row = { engine: name };
    rows.push(row);
    try {
      await measureEngine(name, row);
    } catch (e) {
      row.error = String(e?.message ?? e).split('\n')[0];
      process.stderr.write(`bench-engines: ${name} FAILED: ${e?.stack ?? e}\n`);
    }
  }
} finally {
  await site.stop();
}

// ------------------------------------------------------------------------------------------------
// The table
// ------------------------------------------------------------------------------------------------

const base = rows.find((r) => r.engine === 'chromium');
const misses = [];
if (!base?.seedRun || !base?.sweep) misses.push(`Chromium could not be measured${base?.error ? `: ${base.error}` : ''}`);
const lines = [
  '| engine | version | seed run ms (median, min) | seed run on 2 workers ms (median, min) | sweep ms (median, min) | ÷ Chromium (seed run, sweep) |',
  '|---|---|---:|---:|---:|---:|',
];
for (const r of rows) {
  const label = r.browser ?? r.engine;
  if (r.error || !r.seedRun || !r.sweep) {
    lines.push(`| ${label} | ${r.version ?? '?'} | failed: ${r.error ?? 'no figures'} | | | |`);
    misses.push(`${label}: not measured (${r.error ?? 'no figures'})`);
    continue;
  }
  const rs = ratio(r.seedRun.median, base?.seedRun?.median);
  const rw = ratio(r.sweep.median, base?.sweep?.median);
  r.ratio = { seedRun: rs, sweep: rw };
  let verdict = '';
  if (r.engine !== 'chromium') {
    const over = [];
    if (!(rs <= MAX_RATIO)) over.push(`seed run ${f1(rs)}×`);
    if (!(rw <= MAX_RATIO)) over.push(`sweep ${f1(rw)}×`);
    if (over.length) {
      verdict = ` **over ${MAX_RATIO}×**`;
      misses.push(`${label}: ${over.join(', ')} Chromium's median (target ≤ ${MAX_RATIO}×)`);
    }
  }
  lines.push(
    `| ${label} | ${r.version} | ${f1(r.seedRun.median)} (${f1(r.seedRun.min)}) | ` +
      `${r.shared ? `${f1(r.shared.median)} (${f1(r.shared.min)})` : '—'} | ${f1(r.sweep.median)} (${f1(r.sweep.min)}) | ` +
      `${r.engine === 'chromium' ? '1 (reference)' : `${rs.toFixed(2)}×, ${rw.toFixed(2)}×${verdict}`} |`,
  );
}
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const note =
  `Worker compute as each page measures it (User Timing \`reglab:run\`; sweep-status data-elapsed-ms). ` +
  `Seed run (\`?${SEED_QUERY}\`, n = 100, 25 000 epochs): ${PAGES} fresh page${PAGES === 1 ? '' : 's'} × (first run + ${RERUNS} re-runs) per engine; ` +
  `seed sweep (\`?${SWEEP_QUERY}\`, 10 μ): ${SWEEPS} fresh page${SWEEPS === 1 ? '' : 's'} + ${SWEEP_RERUNS} re-runs. ` +
  `Target: Firefox and WebKit within ${MAX_RATIO}× Chromium's median of the same run. ` +
  `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores (${cpu}), load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the end.`;
// How the worker spent it (medians), where the build exposes it.
const workLines = [];
for (const r of rows) {
  if (!r.seedRun?.work && !r.sweep?.work) continue;
  const k = (x) => (Number.isInteger(x) ? String(x) : f1(x));
  const w = (x) => (x ? `${k(x.slices)} slices, ${k(x.calls)} work calls, longest call ${f1(x.longest)} ms` : '—');
  workLines.push(`| ${r.browser ?? r.engine} | ${w(r.seedRun?.work)} | ${w(r.sweep?.work)} |`);
}
const workTable = workLines.length
  ? `\nHow the worker spent it (medians of the status's data-slices, data-calls, data-longest-call-ms):\n\n| engine | seed run | sweep |\n|---|---|---|\n${workLines.join('\n')}\n`
  : '';
const table = `${lines.join('\n')}\n${workTable}\n${note}\n`;
console.log(table);
if (misses.length) console.log(`MISSED: ${misses.join('; ')}`);
else console.log(`every engine within ${MAX_RATIO}× of Chromium`);
if (OUT) {
  fs.mkdirSync(path.dirname(path.resolve(OUT)), { recursive: true });
  fs.writeFileSync(OUT, `${table}${misses.length ? `\nMissed: ${misses.join('; ')}\n` : ''}`);
}
if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify({ dist: DIST, rows, misses }, null, 2));
process.exit(misses.length ? 1 : 0);
