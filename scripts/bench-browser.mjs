#!/usr/bin/env node
// reglab's speed in a fresh headless Chromium, read from what the page itself measures (User
// Timing, src/ui/timing.rs; the sweep's status attributes). Run by scripts/bench.sh (`make bench`).
//
//   node scripts/bench-browser.mjs --dist DIR [--out FILE.json]
//       seed run, seed sweep, input-to-frame, a slider drag, 200 μ changes, 20 s of a heavy run,
//       fresh load, the plain-JS peer of the seed run, first load on a throttled network; prints a
//       summary, writes JSON to FILE
//   node scripts/bench-browser.mjs --dist A --dist B [--rounds 6]
//       A/B: the seed run of two builds, interleaved under the same load; prints each build's
//       median µs/epoch and the ratio B/A
//
// Each DIR is served by scripts/serve-dist.mjs on a free loopback port for the duration.
// Figures are worker compute (`reglab:run`: the worker's own clock around the epochs, without
// messaging or drawing) unless the name says otherwise. The machine is shared, so every figure is
// a median (and min) of repeats, never a single sample.
//
// The drag, the 200 μ changes and the heavy run are the load scenarios of tests/e2e/lab.spec.mjs
// and tests/e2e/faults.spec.mjs, done the same way: those specs check what the page does and only
// print these timings (issue 12: `make test` has no CPU-dependent threshold); their targets are
// checked here, by scripts/bench-table.mjs.
//
// Issue 17: the seed run of a plain JavaScript float32 Keras-Adam loop (scripts/bench-peer-js.mjs)
// in a blank page of the same browser, timed by that page, and its final z against the z of
// reglab's Run CSV; and the first load on lecture-hall Wi-Fi (CDP network throttling, below).
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CHROMIUM_LAUNCH, launchOnceMoreAfterCrash } from '../tests/e2e/chromium.mjs';
import { jsAdamPeer, zDiff } from './bench-peer-js.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const all = (name) => args.flatMap((a, i) => (a === `--${name}` && i + 1 < args.length ? [args[i + 1]] : []));
const one = (name, fallback) => all(name).at(-1) ?? fallback;
const dists = all('dist');
const out = one('out', null);
if (dists.length < 1 || dists.length > 2) {
  console.error('usage: bench-browser.mjs --dist DIR [--dist DIR_B] [--out FILE.json] [--rounds N]');
  process.exit(2);
}

// The seed problem: n = 100, 25 000 epochs (the page's defaults); `play=instant` so that the
// Run button asks for the same run as the page's own first request (no playback snapshots).
const SEED_EPOCHS = 25_000;
const SEED_QUERY = 'mu=0.1&play=instant';
const WARM_RUNS = 11; // Run presses per page after the first run
const SWEEP_LOADS = 5; // fresh loads of ?view=sweep (the method of tests/e2e/sweep.spec.mjs)
const SWEEP_RERUNS = 5; // "Run sweep" presses in one page after its first sweep
const SLIDER_MOVES = 50;
const FRESH_LOADS = 5;
const DRAG_STEPS = 90; // mouse moves across the μ slider (91 positions), 25 ms apart (lab.spec.mjs)
const CHANGES = 200; // μ changes, one every CHANGE_GAP_MS on the page's clock (faults.spec.mjs)
const CHANGE_GAP_MS = 49;
const HEAVY_QUERY = 'n=10000&epochs=10000000'; // 10^11 coordinate-steps: minutes of work
const HEAVY_WATCH_S = 20; // seconds of it watched (faults.spec.mjs)
const ROUNDS = Number(one('rounds', 6)); // A/B rounds: each opens a fresh page of A and of B
const JS_PEER = { n: 100, epochs: SEED_EPOCHS, mu: 0.1, warmups: 6, reps: WARM_RUNS };
// Lecture-hall Wi-Fi (Network.emulateNetworkConditions): 1.6 Mbit/s down, 750 kbit/s up, 150 ms.
const WIFI = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const WIFI_LOADS = 3;
const TIMEOUT = 60_000;

// ------------------------------------------------------------------------------------------------
// Serving and launching
// ------------------------------------------------------------------------------------------------

/** Starts scripts/serve-dist.mjs on a free port for `dir` (with `extra` options); resolves to
 * { url, stop }. */
function serve(dir, extra = []) {
  // A build from before the CSP work (an inline loader script) is served without the header, as
  // it was deployed then; every newer build is benched as it is deployed now, under the CSP.
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const csp = /<script(?![^>]*\bsrc=)[^>]*>/.test(html) ? ['--csp', 'off'] : [];
  const args = [path.join(ROOT, 'scripts/serve-dist.mjs'), '--dir', dir, '--port', '0', ...csp, ...extra];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.on('exit', (code) => reject(new Error(`serve-dist for ${dir} exited (${code})`)));
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const m = /at (http:\/\/[^ ]+\/) and/.exec(text);
      if (m) resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
  });
}

// The launch the end-to-end tests use (tests/e2e/chromium.mjs), once more after a crash at start.
const browser = await launchOnceMoreAfterCrash(() => chromium.launch({ ...CHROMIUM_LAUNCH, headless: true }), 'Chromium');

/** A page in a context of its own (no shared cache or compiled code), console errors reported.
 * Close it with `closePage`. `options` go to the new context. */
async function freshPage(viewport = { width: 1400, height: 900 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  page error: ${e}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`  console error: ${m.text()}`));
  return page;
}

const closePage = (page) => page.context().close();

// ------------------------------------------------------------------------------------------------
// Statistics
// ------------------------------------------------------------------------------------------------

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs, p) => sorted(xs)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, all: xs });
const usPerEpoch = (ms) => (ms * 1000) / SEED_EPOCHS;
const f1 = (x) => x.toFixed(1);

// ------------------------------------------------------------------------------------------------
// Page helpers
// ------------------------------------------------------------------------------------------------

const count = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).length, name);

/** Waits until the page holds more than `n` entries named `name`; returns the newest duration.
 * A PerformanceObserver in the page wakes the wait: polling (Playwright's waitForFunction runs its
 * predicate every animation frame) would put the harness's own work on the main thread it times. */
async function nextEntry(page, name, n) {
  return page.evaluate(
    ([nm, k, timeout]) =>
      new Promise((resolve, reject) => {
        const newest = () => {
          const entries = performance.getEntriesByName(nm);
          return entries.length > k ? entries.at(-1).duration : null;
        };
        if (newest() !== null) return resolve(newest());
        const timer = setTimeout(() => reject(new Error(`no new ${nm} within ${timeout} ms`)), timeout);
        const observer = new PerformanceObserver(() => {
          if (newest() === null) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(newest());
        });
        observer.observe({ entryTypes: ['measure', 'mark'] });
      }),
    [name, n, TIMEOUT],
  );
}

/** Opens the seed run and returns the first run's worker ms (a fresh page: JIT not warm). */
async function openSeed(page, base) {
  await page.goto(`${base}?${SEED_QUERY}`);
  return nextEntry(page, 'reglab:run', 0);
}

/** Presses Run and returns the run's worker ms. */
async function runAgain(page) {
  // The page first finishes showing the previous answer (its frames drawn, then a moment idle),
  // as it has when a person presses Run: otherwise this run would share the 2 cores with that
  // drawing, which the plain-JS peer, timed in a blank page, never does. Then Run is pressed
  // from inside the page and the answer awaited there, all in one evaluate, so no harness work
  // runs beside the worker's compute. Playwright's click did: its CDP round trips (the button
  // resolved, scrolled into view and hit-tested, the mouse events acknowledged) and the next
  // evaluate kept this 2-core machine's second core busy while the worker computed (the same
  // build, interleaved in one page: median 24.7 ms with locator.click, 16.5 ms pressed in-page).
  return page.evaluate(
    (timeout) =>
      new Promise((resolve, reject) => {
        const runs = () => performance.getEntriesByName('reglab:run');
        const press = () => {
          const n = runs().length;
          const timer = setTimeout(() => reject(new Error(`no new reglab:run within ${timeout} ms`)), timeout);
          const observer = new PerformanceObserver(() => {
            if (runs().length <= n) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve(runs().at(-1).duration);
          });
          observer.observe({ entryTypes: ['measure'] });
          document.querySelector('[data-testid=run]').click();
        };
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(press, 50)));
      }),
    TIMEOUT,
  );
}

/** Opens the sweep view; waits for its first sweep to be done and returns its worker ms. */
async function openSweep(page, base) {
  await page.goto(`${base}?view=sweep`);
  const done = page.locator('[data-testid=sweep-status][data-state=done]');
  await done.waitFor({ timeout: TIMEOUT });
  return Number(await done.getAttribute('data-elapsed-ms'));
}

/** Presses "Run sweep", waits for the status to say done again and returns the sweep's ms. */
async function rerunSweep(page) {
  const status = page.getByTestId('sweep-status');
  // Watch data-state before acting, so a sweep that finishes between two polls is not missed.
  const done = status.evaluate(
    (el, timeout) =>
      new Promise((resolve, reject) => {
        let ran = el.dataset.state !== 'done';
        const check = () => {
          if (el.dataset.state !== 'done') ran = true;
          else if (ran) {
            obs.disconnect();
            resolve(Number(el.dataset.elapsedMs));
          }
        };
        const obs = new MutationObserver(check);
        obs.observe(el, { attributes: true, attributeFilter: ['data-state'] });
        setTimeout(() => reject(new Error('sweep did not finish')), timeout);
        check();
      }),
    TIMEOUT,
  );
  await page.getByTestId('sweep-run').click();
  return done;
}

// ------------------------------------------------------------------------------------------------
// The measurements
// ------------------------------------------------------------------------------------------------

/** (a) The seed run: a fresh page's first run, then WARM_RUNS presses of Run, each followed by
 * one run of the plain-JS peer (scripts/bench-peer-js.mjs) in a blank page of the same browser:
 * interleaved one by one, so both see the same load on this shared machine (timed minutes apart,
 * their ratio read 5.4× in one run and 6.7× in another while the peer's time barely moved). */
async function seedRun(base) {
  const page = await freshPage();
  const first = await openSeed(page, base);
  const peer = await freshPage();
  // One function object for every call, so V8 keeps its optimised code across the runs.
  await peer.evaluate(`window.__jsAdamPeer = ${jsAdamPeer}`);
  const peerRun = (warmups, reps) => peer.evaluate((a) => window.__jsAdamPeer(a), { ...JS_PEER, warmups, reps });
  // Its warm-ups are calls like the timed ones, their times dropped. In this Chromium the 4th to
  // 6th call of the peer run ≈ 6× slower (≈ 650 ms against ≈ 100: V8 re-optimising the loop once
  // the calling function is optimised; 14 calls in a blank page read
  // 132 111 84 104 652 673 104 … ms), so six warm-up calls keep that out of the timed ones.
  for (let i = 0; i < JS_PEER.warmups; i += 1) await peerRun(0, 1);
  await page.waitForTimeout(300);
  const warm = [];
  const peerMs = [];
  let peerZ;
  for (let i = 0; i < WARM_RUNS; i += 1) {
    warm.push(await runAgain(page));
    const r = await peerRun(0, 1);
    peerMs.push(...r.ms);
    peerZ = r.z;
  }
  const visible = await Promise.all([page, peer].map((p) => p.evaluate(() => document.visibilityState)));
  if (visible.some((v) => v !== 'visible')) throw new Error(`a page of the seed run was hidden: ${visible}`);
  const z = await runZ(page);
  await closePage(peer);
  await closePage(page);
  return { first, warm: summary(warm), z, peer: { ...JS_PEER, reps: peerMs.length, ...summary(peerMs), z: peerZ } };
}

/** Runs shared among k workers (issue 17, `workers=k`): the seed (n = 100) and a wider problem
 * (n = 2 000, 5 000 epochs), each WARM_RUNS presses of Run once the page's worker has its
 * helpers; `reglab:run` of a shared run is the coordinating worker's wall time from the request
 * to the merged answer (the helpers' compute, their messages and the merge included). */
const K_WORKER_STATES = [
  { name: 'seed (n = 100, 25 000 epochs)', query: SEED_QUERY },
  { name: 'wide (n = 2 000, 5 000 epochs)', query: 'mu=0.1&play=instant&n=2000&epochs=5000' },
];
async function kWorkers(base) {
  const out = [];
  for (const state of K_WORKER_STATES) {
    const row = { name: state.name };
    for (const k of [1, 2]) {
      const page = await freshPage();
      await page.goto(`${base}?${state.query}&workers=${k}`);
      await nextEntry(page, 'reglab:run', 0);
      const shared = () => page.getByTestId('status').getAttribute('data-workers');
      for (let i = 0; i < 40 && (await shared()) !== String(k); i += 1) await runAgain(page);
      if ((await shared()) !== String(k)) throw new Error(`${state.name}: no run was shared among ${k} workers`);
      const warm = [];
      for (let i = 0; i < WARM_RUNS; i += 1) warm.push(await runAgain(page));
      row[`k${k}`] = summary(warm);
      await closePage(page);
    }
    row.speedup = row.k1.median / row.k2.median;
    out.push(row);
  }
  return out;
}

/** The z column of the page's Run CSV (Export ▸ Run CSV: z to full f32 precision). */
async function runZ(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const [head, ...lines] = fs.readFileSync(await download.path(), 'utf8').trim().split('\n');
  const col = head.split(',').indexOf('z');
  return lines.map((l) => Math.fround(Number(l.split(',')[col])));
}

/** (a2) The plain-JS peer, timed by (a): its final z against reglab's (`z` from the Run CSV). */
function jsPeer({ z, peer }) {
  const { z: peerZ, ...timing } = peer;
  return { ...timing, z: peerZ, vsReglab: zDiff(peerZ, z) };
}

/** (b) The seed sweep (10 μ × 25 000 epochs): fresh loads, then re-runs in one page. */
async function seedSweep(base) {
  const loads = [];
  let page;
  for (let i = 0; i < SWEEP_LOADS; i += 1) {
    page = await freshPage();
    loads.push(await openSweep(page, base));
    if (i < SWEEP_LOADS - 1) await closePage(page);
  }
  const reruns = [];
  for (let i = 0; i < SWEEP_RERUNS; i += 1) {
    reruns.push(await rerunSweep(page));
  }
  await closePage(page);
  return { fresh: summary(loads), rerun: summary(reruns) };
}

/**
 * (c) μ slider, ArrowRight SLIDER_MOVES times, each waiting for its converged frame: input-to-frame,
 * and of the same moves input-to-analytic (the band's frame, issue 17's first tier) and the
 * worker's overhead (`reglab:worker-overhead`: a request posted → its answer decoded, less the
 * worker's compute).
 */
async function inputToFrame(base) {
  const page = await freshPage();
  await page.goto(`${base}?mu=0.1`);
  await nextEntry(page, 'reglab:run', 0);
  await page.waitForTimeout(300);
  const names = ['reglab:input-to-frame', 'reglab:input-to-analytic', 'reglab:worker-overhead'];
  await page.evaluate((ns) => ns.forEach((n) => performance.clearMeasures(n)), names);
  const slider = page.getByTestId('mu-slider');
  await slider.focus();
  const times = [];
  for (let i = 0; i < SLIDER_MOVES; i += 1) {
    const n = await count(page, 'reglab:input-to-frame');
    await slider.press('ArrowRight');
    times.push(await nextEntry(page, 'reglab:input-to-frame', n));
  }
  const [analytic, overhead] = await page.evaluate(
    (ns) => ns.map((n) => performance.getEntriesByName(n).map((e) => e.duration)),
    names.slice(1),
  );
  await closePage(page);
  const withP95 = (xs) => ({ ...summary(xs), p95: percentile(xs, 95) });
  return { ...withP95(times), analytic: withP95(analytic), overhead: withP95(overhead) };
}

// The load scenarios run at Playwright's default viewport, as the specs they come from do (the
// slider's width sets how many μ a drag crosses).
const SPEC_VIEWPORT = { width: 1280, height: 720 };

/** Init script: main-thread long tasks (> 50 ms) go to `window.__longTasks` (their durations). */
function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/** Waits until the live status says done and the chart shows μ = `mu` (any μ if undefined). */
async function waitDone(page, mu) {
  await page.waitForFunction(
    (m) => {
      const status = document.querySelector('[data-testid=status]');
      const chart = document.querySelector('[data-testid=chart-z]');
      return status?.dataset.state === 'done' && (m === null || Number(chart?.dataset.mu) === m);
    },
    mu ?? null,
    { timeout: TIMEOUT },
  );
}

/** Opens the live view at `query` with the long-task observer, waits for its run and settles. */
async function openLive(base, query, { done = true } = {}) {
  const page = await freshPage(SPEC_VIEWPORT);
  await page.addInitScript(observeLongTasks);
  await page.goto(`${base}?${query}`);
  if (done) {
    await waitDone(page);
    await page.waitForTimeout(300);
  }
  return page;
}

/** Input-to-frame measures and long tasks since the last `resetCounters`. */
const readCounters = (page) =>
  page.evaluate(() => ({
    measures: performance.getEntriesByName('reglab:input-to-frame').map((e) => e.duration),
    overhead: performance.getEntriesByName('reglab:worker-overhead').map((e) => e.duration),
    longTasks: window.__longTasks.slice(),
  }));
const resetCounters = (page) =>
  page.evaluate(() => {
    performance.clearMeasures('reglab:input-to-frame');
    performance.clearMeasures('reglab:worker-overhead');
    window.__longTasks.length = 0;
  });

/** μ as the μ number input shows it. */
const shownMu = (page) => page.getByTestId('mu-input').inputValue().then(Number);

/**
 * (e) A mouse drag of the μ slider from end to end, as tests/e2e/lab.spec.mjs does it: DRAG_STEPS
 * moves 25 ms apart. Input-to-frame, long tasks, and the distinct μ the chart showed during it.
 */
async function drag(base) {
  const page = await openLive(base, 'mu=0.1');
  await page.evaluate(() => {
    window.__drawnMu = new Set();
    const chart = document.querySelector('[data-testid=chart-z]');
    new MutationObserver(() => window.__drawnMu.add(Number(chart.dataset.mu))).observe(chart, {
      attributes: true,
      attributeFilter: ['data-run'],
    });
  });
  await resetCounters(page);
  const box = await page.getByTestId('mu-slider').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  for (let i = 0; i <= DRAG_STEPS; i += 1) {
    await page.mouse.move(box.x + 2 + ((box.width - 4) * i) / DRAG_STEPS, y);
    await page.waitForTimeout(25);
  }
  await page.mouse.up();
  await waitDone(page, await shownMu(page));
  await page.waitForTimeout(300);
  const { measures, overhead, longTasks } = await readCounters(page);
  const distinctMu = await page.evaluate(() => window.__drawnMu.size);
  await closePage(page);
  return {
    inputToFrame: { ...summary(measures), p95: percentile(measures, 95) },
    // The worker overhead of the runs the drag asked for and saw answered (issue 17 broke a drag's
    // step down this way): pointer moves are continuous input, which Chromium does not make wait.
    overhead: { ...summary(overhead), p95: percentile(overhead, 95) },
    longTasks,
    distinctMu,
  };
}

/**
 * (f) CHANGES μ changes, one every CHANGE_GAP_MS on the page's own clock (slider input events,
 * positions 150 … 349), as tests/e2e/faults.spec.mjs does it. How long dispatching them took
 * (the page keeps up when that is about CHANGES × CHANGE_GAP_MS), input-to-frame over the frames
 * drawn meanwhile, long tasks.
 */
async function muChanges(base) {
  const page = await openLive(base, 'mu=0.1');
  await resetCounters(page);
  const positions = Array.from({ length: CHANGES }, (_, i) => 150 + i);
  const spanMs = await page.evaluate(
    async ([positions, gap]) => {
      const slider = document.querySelector('[data-testid=mu-slider]');
      const t0 = performance.now();
      for (let i = 0; i < positions.length; i += 1) {
        const wait = t0 + i * gap - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        slider.value = String(positions[i]);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      }
      return performance.now() - t0;
    },
    [positions, CHANGE_GAP_MS],
  );
  await waitDone(page, await shownMu(page));
  await page.waitForTimeout(500);
  const { measures, longTasks } = await readCounters(page);
  await closePage(page);
  return { changes: CHANGES, gapMs: CHANGE_GAP_MS, spanMs, inputToFrame: { ...summary(measures), p95: percentile(measures, 95) }, longTasks };
}

/**
 * (g) HEAVY_WATCH_S seconds of a 10 000 000-epoch run at n = 10 000 (the worker busy throughout):
 * long tasks on the page's main thread, and the epochs per second the status reported.
 */
async function heavyRun(base) {
  const page = await openLive(base, HEAVY_QUERY, { done: false });
  await page.waitForFunction(
    () => {
      const s = document.querySelector('[data-testid=status]');
      return s?.dataset.state === 'running' && Number(s.dataset.epoch) > 0;
    },
    null,
    { timeout: TIMEOUT },
  );
  await resetCounters(page);
  const epoch = () => page.getByTestId('status').getAttribute('data-epoch').then(Number);
  const e0 = await epoch();
  const t0 = Date.now();
  await page.waitForTimeout(HEAVY_WATCH_S * 1000);
  const e1 = await epoch();
  const seconds = (Date.now() - t0) / 1000;
  const { longTasks } = await readCounters(page);
  const state = await page.getByTestId('status').getAttribute('data-state');
  await closePage(page);
  return { query: HEAVY_QUERY, seconds, epochsPerSecond: (e1 - e0) / seconds, state, longTasks };
}

/** Opens `base` in `page` and waits for its first converged chart; returns the paint entries'
 * and `reglab:first-result`'s times since navigation start, and the page's time origin. */
async function firstResult(page, base) {
  await page.goto(base);
  await page.waitForFunction(() => performance.getEntriesByName('reglab:first-result').length > 0, null, {
    timeout: TIMEOUT,
  });
  return page.evaluate(() => ({
    fp: performance.getEntriesByName('first-paint')[0]?.startTime,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    result: performance.getEntriesByName('reglab:first-result')[0].startTime,
    origin: performance.timeOrigin,
  }));
}

/** (d) Fresh loads of the default page: paint entries and `reglab:first-result`. */
async function freshLoad(base) {
  const fp = [];
  const fcp = [];
  const result = [];
  for (let i = 0; i < FRESH_LOADS; i += 1) {
    const page = await freshPage();
    const t = await firstResult(page, base);
    fp.push(t.fp);
    fcp.push(t.fcp);
    result.push(t.result);
    await closePage(page);
  }
  return { firstPaint: summary(fp), firstContentfulPaint: summary(fcp), firstResult: summary(result) };
}

/**
 * (h) First load on lecture-hall Wi-Fi: WIFI_LOADS fresh contexts (empty cache, no service worker
 * installed) throttled to WIFI through CDP, the site served as a static host serves it (gzip,
 * max-age=600: serve-dist.mjs --pages on); navigation start to `reglab:first-result`. The
 * service worker is blocked: CDP throttles each target apart (the page's conditions reach its
 * dedicated workers, not the service worker), so its install-time precache would download at
 * loopback speed and then hand the workers their files from its cache — throttling it too only
 * gives it a second link, where on a real link it competes with the page. Every request of the
 * page and its workers (Playwright's request events, relative to navigation start) is kept for
 * the waterfall: start, end, bytes on the wire (0 = from the HTTP cache).
 */
async function wifiLoad(dir) {
  const server = await serve(dir, ['--pages', 'on']);
  const loads = [];
  try {
    for (let i = 0; i < WIFI_LOADS; i += 1) {
      const page = await freshPage(undefined, { serviceWorkers: 'block' });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', WIFI);
      const requests = [];
      page.context().on('requestfinished', (q) => requests.push(q));
      const t = await firstResult(page, server.url);
      const waterfall = [];
      for (const q of requests) {
        const { startTime, responseEnd } = q.timing();
        const sizes = await q.sizes();
        waterfall.push({
          file: q.url().slice(server.url.length) || '(index)',
          startMs: startTime - t.origin,
          endMs: startTime - t.origin + responseEnd,
          bytes: Math.max(0, sizes.responseBodySize + sizes.responseHeadersSize),
        });
      }
      waterfall.sort((a, b) => a.startMs - b.startMs);
      loads.push({ firstResult: t.result, waterfall: waterfall.filter((w) => w.startMs <= t.result) });
      await closePage(page);
    }
  } finally {
    server.stop();
  }
  const s = summary(loads.map((l) => l.firstResult));
  const mid = loads.find((l) => l.firstResult === s.median) ?? loads[0];
  return { conditions: WIFI, firstResult: s, waterfall: mid.waterfall };
}

/** A/B: ROUNDS rounds; each opens a fresh page of every build (order alternating) and runs the seed. */
async function compare(bases) {
  const first = bases.map(() => []);
  const warm = bases.map(() => []);
  for (let r = 0; r < ROUNDS; r += 1) {
    const order = r % 2 ? [1, 0] : [0, 1];
    const pages = [];
    for (const k of order) {
      pages[k] = await freshPage();
      first[k].push(await openSeed(pages[k], bases[k]));
    }
    // Interleave single runs A, B, A, B… so both see the same background load.
    for (let i = 0; i < WARM_RUNS; i += 1) {
      for (const k of order) {
        await pages[k].bringToFront();
        warm[k].push(await runAgain(pages[k]));
      }
    }
    for (const p of pages) await closePage(p);
    process.stderr.write(`  round ${r + 1}/${ROUNDS}\n`);
  }
  return bases.map((_, k) => ({ first: summary(first[k]), warm: summary(warm[k]) }));
}

// ------------------------------------------------------------------------------------------------

const servers = [];
try {
  for (const d of dists) servers.push(await serve(path.resolve(d)));
  const bases = servers.map((s) => s.url);
  if (dists.length === 2) {
    const [a, b] = await compare(bases);
    const line = (name, d, r) =>
      `${name}  ${d.padEnd(28)} seed run warm: median ${usPerEpoch(r.warm.median).toFixed(3)} µs/epoch ` +
      `(${f1(r.warm.median)} ms, min ${f1(r.warm.min)} ms, n ${r.warm.n}); ` +
      `first run of a fresh page: median ${f1(r.first.median)} ms (min ${f1(r.first.min)}, n ${r.first.n})`;
    console.log(line('A', dists[0], a));
    console.log(line('B', dists[1], b));
    console.log(
      `B/A: warm median ${(b.warm.median / a.warm.median).toFixed(3)}, warm min ${(b.warm.min / a.warm.min).toFixed(3)}, ` +
        `fresh-page first run median ${(b.first.median / a.first.median).toFixed(3)}`,
    );
    if (out) fs.writeFileSync(out, JSON.stringify({ dists, a, b }, null, 2));
  } else {
    const r = { dist: dists[0], chromium: browser.version() };
    r.seedRun = await seedRun(bases[0]);
    console.log(
      `seed run (worker): median ${f1(r.seedRun.warm.median)} ms = ${usPerEpoch(r.seedRun.warm.median).toFixed(3)} µs/epoch ` +
        `(min ${f1(r.seedRun.warm.min)} ms, n ${r.seedRun.warm.n}); first run of a fresh page ${f1(r.seedRun.first)} ms`,
    );
    r.jsPeer = jsPeer(r.seedRun);
    const d = r.jsPeer.vsReglab;
    console.log(
      `JS peer (Float32Array + Math.fround) seed run: median ${f1(r.jsPeer.median)} ms (min ${f1(r.jsPeer.min)}, n ${r.jsPeer.n}) = ` +
        `${(r.jsPeer.median / r.seedRun.warm.median).toFixed(1)}× reglab's seed run; final z vs reglab's: ` +
        (d ? `‖Δz‖∞ ${d.max.toExponential(2)}, ${d.equal} of ${d.n} equal to the bit` : 'not compared'),
    );
    r.kWorkers = await kWorkers(bases[0]);
    for (const s of r.kWorkers) {
      console.log(
        `k workers, ${s.name}: median ${f1(s.k1.median)} ms on 1, ${f1(s.k2.median)} ms on 2 ` +
          `(min ${f1(s.k1.min)}, ${f1(s.k2.min)}): speed-up ${s.speedup.toFixed(2)}×`,
      );
    }
    r.seedSweep = await seedSweep(bases[0]);
    console.log(
      `seed sweep (worker): fresh loads median ${f1(r.seedSweep.fresh.median)} ms (min ${f1(r.seedSweep.fresh.min)}); ` +
        `re-runs median ${f1(r.seedSweep.rerun.median)} ms (min ${f1(r.seedSweep.rerun.min)})`,
    );
    r.inputToFrame = await inputToFrame(bases[0]);
    console.log(
      `input-to-frame over ${r.inputToFrame.n} slider moves: median ${f1(r.inputToFrame.median)} ms, p95 ${f1(r.inputToFrame.p95)} ms`,
    );
    const tasks = (xs) => (xs.length ? `${xs.map((d) => d.toFixed(0)).join(', ')} ms` : 'none');
    r.drag = await drag(bases[0]);
    console.log(
      `slider drag (${DRAG_STEPS + 1} mouse moves): ${r.drag.distinctMu} distinct μ drawn; input-to-frame median ` +
        `${f1(r.drag.inputToFrame.median)} ms, p95 ${f1(r.drag.inputToFrame.p95)} ms over ${r.drag.inputToFrame.n}; ` +
        `worker overhead median ${f1(r.drag.overhead.median)} ms, p95 ${f1(r.drag.overhead.p95)} ms over ${r.drag.overhead.n}; long tasks: ${tasks(r.drag.longTasks)}`,
    );
    r.muChanges = await muChanges(bases[0]);
    console.log(
      `${CHANGES} μ changes ${CHANGE_GAP_MS} ms apart: dispatched in ${(r.muChanges.spanMs / 1000).toFixed(2)} s; input-to-frame median ` +
        `${f1(r.muChanges.inputToFrame.median)} ms, p95 ${f1(r.muChanges.inputToFrame.p95)} ms over ${r.muChanges.inputToFrame.n} frames; ` +
        `long tasks: ${tasks(r.muChanges.longTasks)}`,
    );
    r.heavyRun = await heavyRun(bases[0]);
    console.log(
      `${HEAVY_QUERY}, ${r.heavyRun.seconds.toFixed(1)} s watched: ${r.heavyRun.epochsPerSecond.toFixed(0)} epochs/s (${r.heavyRun.state}); ` +
        `long tasks: ${tasks(r.heavyRun.longTasks)}`,
    );
    r.freshLoad = await freshLoad(bases[0]);
    console.log(
      `fresh load: first paint ${f1(r.freshLoad.firstPaint.median)} ms, first contentful paint ${f1(r.freshLoad.firstContentfulPaint.median)} ms, ` +
        `first converged chart ${f1(r.freshLoad.firstResult.median)} ms (medians of ${FRESH_LOADS})`,
    );
    r.wifiLoad = await wifiLoad(dists[0]);
    console.log(
      `first load on lecture-hall Wi-Fi: first converged chart median ${f1(r.wifiLoad.firstResult.median)} ms ` +
        `(${r.wifiLoad.firstResult.all.map(f1).join(', ')}); the median load's requests (start → end ms, bytes on the wire):`,
    );
    for (const w of r.wifiLoad.waterfall) {
      console.log(`  ${w.file.padEnd(36)} ${f1(w.startMs).padStart(7)} → ${f1(w.endMs).padStart(7)}  ${String(w.bytes).padStart(7)} B`);
    }
    if (out) fs.writeFileSync(out, JSON.stringify(r, null, 2));
  }
} finally {
  await browser.close();
  for (const s of servers) s.stop();
}
