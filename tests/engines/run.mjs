#!/usr/bin/env node
// The three-engine smoke suite (issue 12): the real release build (dist/, served by
// scripts/serve-dist.mjs with the site's CSP) in Firefox ESR (puppeteer-core over WebDriver BiDi)
// and WebKit (WebKitWebDriver + MiniBrowser under Xvfb, selenium-webdriver), optionally Chromium
// (puppeteer-core over the DevTools protocol; Playwright's suite covers Chromium in depth).
//
//   node tests/engines/run.mjs [--dist dist] [--engines firefox,webkit[,chromium]] [--only a,f,…]
//   node tests/engines/run.mjs --engines chromium --drill crash|fail   (tests the crash guard)
//
// Each engine checks what a student does with a shared link: (a) a non-default link converges
// with the right band and err-inf, (f) the run CSV downloads with the right rows, (l) both
// notebooks download as nbformat 4 JSON with the link in their first cell, (b) the μ slider
// moves μ, (d) copy-link round-trips (or its select-and-copy fallback), (e) lecture mode toggles,
// (c) the sweep finishes and the hidden live run follows it, (g) a reload works offline (service worker), (h) no console error. The
// facts checked are those of the Playwright specs (tests/e2e/helpers.mjs: the `Lab` page object's
// test ids and data attributes), and (i) the lecture stage, an embed and the QR overlay fit the
// engine's window, (k) Record makes a playable video or says why it cannot (record-check.mjs), (m) `?lang=fr` shows the French caption (tests/engines/french-check.mjs), (n) the two tiers: a slider move draws the band before the worker answers (tiers-check.mjs), (o) a run and a sweep shared among workers equal the one-worker ones (workers-check.mjs), (p) a slider drag skips the sections below the first screen at their own size (drag-check.mjs), (q) a wasm trap after start says reglab stopped and Reload restores the link (stopped-check.mjs). Prints each engine's version and result line, then
// `N passed, N failed`; exits 1 when a check failed.
//
// Nothing here is timed: engines differ in speed by up to 100× (issue 12), so every wait is
// generous (ENGINES_RUN_TIMEOUT ms per run, default 60 000; the sweep and a whole check more) and
// the page's state is polled from Node with short evaluates, never with a loop inside the page.
import fs from 'node:fs';
import path from 'node:path';

import { bandFor, closeRel, muAt } from '../e2e/helpers.mjs';
import { launchOnceMoreAfterCrash } from '../e2e/chromium.mjs';
import { stillAlive, waitFor, withTimeout } from './common.mjs';
import { drillCheck } from './crash-drill.mjs';
import { frenchCheck } from './french-check.mjs';
import { ROOT, serve } from './serve.mjs';
import { pageSnapshot } from '../shared/page-state.mjs';
import { notebookCheck } from './notebook-check.mjs';
import { recordCheck } from './record-check.mjs';
import { dragCheck } from './drag-check.mjs';
import { tiersCheck } from './tiers-check.mjs';
import { workersCheck } from './workers-check.mjs';
import { stoppedCheck } from './stopped-check.mjs';
import { statusCheck } from './status-check.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const DIST = path.resolve(opt('dist', process.env.ENGINES_DIST ?? path.join(ROOT, 'dist')));
const ENGINES = opt('engines', process.env.ENGINES ?? 'firefox,webkit')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
// --only a,g,h runs a subset of the checks (while working on one).
const ONLY = opt('only', '').split(',').filter(Boolean);
// --drill crash|fail runs one drill check alone, to test the crash guard (crash-drill.mjs).
const DRILL = opt('drill', null);
const RUN_TIMEOUT = Number(process.env.ENGINES_RUN_TIMEOUT ?? 60_000);
const SWEEP_TIMEOUT = 2 * RUN_TIMEOUT;
const CHECK_TIMEOUT = 5 * RUN_TIMEOUT; // a whole check, so that a hung driver cannot hang `make test`

const LAUNCHERS = {
  firefox: () => import('./firefox.mjs'),
  webkit: () => import('./webkit.mjs'),
  chromium: () => import('./chromium.mjs'),
};
for (const e of ENGINES) {
  if (!LAUNCHERS[e]) {
    console.error(`unknown engine '${e}' (known: ${Object.keys(LAUNCHERS).join(', ')})`);
    process.exit(2);
  }
}
if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`${DIST}/index.html does not exist: build first (make build)`);
  process.exit(2);
}

// ------------------------------------------------------------------------------------------------
// Reading the page (one short evaluate per poll)
// ------------------------------------------------------------------------------------------------

/** Everything the checks read, in one evaluate: the data attributes of the page's test ids. */
function readout(page) {
  return page.eval(() => {
    const data = (id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return el ? { ...el.dataset, text: el.textContent } : null;
    };
    const caption = document.querySelector('[data-testid="lecture-caption"]');
    return {
      status: data('status'),
      chart: data('chart-z'),
      band: data('band'),
      err: data('err-inf'),
      clamped: data('clamped'),
      sweep: data('sweep-status'),
      app: document.querySelector('.app')?.className ?? null,
      // The loader's message when the app could not start (scripts/postbuild.mjs STARTUP_GUARD).
      fatal: document.querySelector('[data-testid="fatal"]')?.textContent ?? null,
      // What the page holds, for a failure's message (a page without the app says what it has).
      ready: document.readyState,
      panic: window.reglabStartupPanic ?? null,
      body: [...(document.body?.children ?? [])].map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${e.className}` : ''}`).join(' '),
      caption: caption && caption.getClientRects().length > 0 ? caption.textContent : null,
      href: location.href,
    };
  });
}

const failedState = (r) =>
  r?.fatal
    ? `the app did not start: ${r.fatal}`
    : r?.status?.state === 'error' || r?.status?.state === 'diverged'
      ? `the run ended in state ${r.status.state}: ${r.status.text}`
      : null;

/** Waits until the live run for μ = `mu` is done (chart-z data-mu = mu, status data-state = done). */
function waitDone(page, mu, timeout = RUN_TIMEOUT) {
  return waitFor(
    () => readout(page),
    (r) => r.status?.state === 'done' && r.chart && Number(r.chart.mu) === mu,
    { timeout, interval: 150, message: `the run for μ = ${mu} to be done`, fail: failedState },
  );
}

const urlParam = (href, key) => new URL(href).searchParams.get(key);

/** Every control value and readout the page shows. */
const snapshot = (page) => page.eval(pageSnapshot);

/** Whether a canvas holds a picture: its PNG differs from a blank canvas of the same size. */
function drawn(page, testId) {
  return page.eval((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    if (!el || el.width === 0 || el.height === 0) return false;
    const blank = document.createElement('canvas');
    blank.width = el.width;
    blank.height = el.height;
    return el.toDataURL() !== blank.toDataURL();
  }, testId);
}

/** `dim,z0,z,z_star` rows as f32 numbers (the CSV writes each as its shortest f32 text). */
function parseRunCsv(text) {
  const [header, ...rows] = text.trim().split('\n');
  if (header !== 'dim,z0,z,z_star') throw new Error(`CSV header is '${header}', not 'dim,z0,z,z_star'`);
  const f32 = (s) => Math.fround(Number(s));
  return rows.map((r) => {
    const [dim, z0, z, zStar] = r.split(',');
    return { dim: Number(dim), z0: f32(z0), z: f32(z), zStar: f32(zStar) };
  });
}

function check(cond, message) {
  if (!cond) throw new Error(message);
}

// ------------------------------------------------------------------------------------------------
// The checks, in the order they run (they share pages: a → f → l → b → d → e, then c, g, h)
// ------------------------------------------------------------------------------------------------

const LINK = { query: 'mu=0.25&epochs=20000&n=50', mu: 0.25, epochs: 20000, n: 50 };
const SWEEP_LINK = 'view=sweep&n=50&epochs=10000';

function checks(engine, site, dist) {
  const s = {}; // pages and facts handed from one check to the next
  const pages = [];
  // What the pages that `which` picks logged, each problem marked with the check that opened its
  // page: for (h), and for a failed check's report. `unreadable(error)` answers for a page whose
  // problems cannot be read (by default the error stands: (h) fails).
  const logged = async (which, unreadable = (e) => { throw e; }) => {
    const out = [];
    for (const p of pages.filter(which)) {
      const texts = await p.problems().catch(unreadable);
      out.push(...texts.map((text) => `(${p.openedBy}) ${brief(text)}`));
    }
    return out;
  };
  // A failed check's page may be the one that broke: it is named, and its siblings still read.
  engine.problemsOf = (id) =>
    logged((p) => p.openedBy === id, (e) => [`its problems could not be read: ${e?.message ?? e}`]);
  // A page whose problems a check provoked on purpose (and has checked itself): (h) skips it.
  const forget = (page) => {
    const i = pages.indexOf(page);
    if (i >= 0) pages.splice(i, 1);
  };
  const open = async (opts) => {
    const p = await engine.newPage(opts);
    // Which check opened it: (h) says where each problem came from.
    p.openedBy = engine.currentCheck;
    pages.push(p);
    return p;
  };
  return [
    {
      id: 'a',
      name: `a non-default link (?${LINK.query}) converges: band c ± 1/(2μ), err-inf ≤ 2e-2`,
      async run() {
        s.p1 = await open();
        await s.p1.goto(`${site.root}?${LINK.query}`);
        const r = await waitDone(s.p1, LINK.mu);
        const want = bandFor(LINK.mu);
        const [lo, hi, err] = [Number(r.band.lo), Number(r.band.hi), Number(r.err.value)];
        check(Number(r.status.epoch) === LINK.epochs, `epoch ${r.status.epoch}, not ${LINK.epochs}`);
        check(lo === want.lo && hi === want.hi, `band [${lo}, ${hi}], not [${want.lo}, ${want.hi}]`);
        check(Number.isFinite(err) && err <= 2e-2, `err-inf ${r.err.value} > 2e-2`);
        check(Number(r.clamped.n) === LINK.n, `clamped data-n ${r.clamped.n}, not ${LINK.n}`);
        check(await drawn(s.p1, 'chart-z'), 'chart-z is blank');
        s.band = want;
        s.errInf = err;
        return `band [${lo}, ${hi}], ‖z − z*‖∞ = ${err.toExponential(2)}, ${r.status.epoch} epochs, ${r.clamped.k} of ${r.clamped.n} clamped, worker ${Number(r.status.elapsedMs).toFixed(0)} ms`;
      },
    },
    {
      id: 'f',
      name: 'the run CSV downloads: n rows, |z − z*| ≤ 2e-2, z* = clamp(z0), max = err-inf',
      async run() {
        check(s.p1, 'no page from (a)');
        const { name, text, how } = await engine.download(s.p1, 'export-csv');
        const rows = parseRunCsv(text);
        check(rows.length === LINK.n, `${rows.length} rows, not ${LINK.n}`);
        let worst = 0;
        for (const r of rows) {
          const gap = Math.fround(Math.abs(r.z - r.zStar));
          check(gap <= 2e-2, `dim ${r.dim}: |z − z*| = ${gap}`);
          const clamp = Math.fround(Math.min(s.band.hi, Math.max(s.band.lo, r.z0)));
          check(r.zStar === clamp, `dim ${r.dim}: z* = ${r.zStar}, not clamp(z0 = ${r.z0}) = ${clamp}`);
          worst = Math.max(worst, gap);
        }
        check(worst === Math.fround(s.errInf), `max |z − z*| = ${worst}, but the page says err-inf = ${s.errInf}`);
        return `${name}: ${rows.length} rows, max |z − z*| = err-inf; ${how}`;
      },
    },
    notebookCheck({ engine, s, link: LINK.query, check }),
    {
      id: 'b',
      name: 'the μ slider moves μ (3 × ArrowRight): the URL, the band and the converged run follow',
      async run() {
        check(s.p1, 'no page from (a)');
        const pos0 = await s.p1.eval(() => Number(document.querySelector('[data-testid="mu-slider"]').value));
        await s.p1.focus('mu-slider');
        for (let i = 0; i < 3; i += 1) await s.p1.press('ArrowRight');
        const mu = muAt(pos0 + 3);
        const r = await waitDone(s.p1, mu);
        const want = bandFor(mu);
        const [lo, hi, err] = [Number(r.band.lo), Number(r.band.hi), Number(r.err.value)];
        check(Number(urlParam(r.href, 'mu')) === mu, `URL mu=${urlParam(r.href, 'mu')}, not ${mu}`);
        check(closeRel(lo, want.lo) && closeRel(hi, want.hi), `band [${lo}, ${hi}], not [${want.lo}, ${want.hi}]`);
        check(err <= 2e-2, `err-inf ${err} > 2e-2`);
        const input = await s.p1.eval(() => document.querySelector('[data-testid="mu-input"]').value);
        check(Number(input) === mu, `the μ input shows ${input}, not ${mu}`);
        s.mu = mu;
        return `slider ${pos0} → ${pos0 + 3}: μ 0.25 → ${mu} (URL, input, chart), band [${lo.toFixed(4)}, ${hi.toFixed(4)}], err-inf ${err.toExponential(2)}`;
      },
    },
    {
      id: 'd',
      name: 'copy-link round-trips: the link opened in a new page reproduces every control and readout',
      async run() {
        check(s.p1 && s.mu, 'no page from (b)');
        const before = await snapshot(s.p1);
        const href = await s.p1.url();
        await s.p1.click('copy-link');
        const copied = await waitFor(
          () =>
            s.p1.eval(() => {
              const status = document.querySelector('[data-testid="copy-status"]');
              const f = document.querySelector('[data-testid="share-url"]');
              return {
                text: status?.textContent ?? '',
                fallback: f
                  ? { value: f.value, focused: document.activeElement === f, start: f.selectionStart, end: f.selectionEnd }
                  : null,
              };
            }),
          (v) => v.text.includes('copied') || v.fallback,
          { timeout: 15_000, message: 'copy-status to say copied (or show the select-and-copy fallback)' },
        );
        let link;
        let how;
        if (copied.fallback) {
          const f = copied.fallback;
          check(f.focused && f.start === 0 && f.end === f.value.length, `the fallback field is not focused and selected: ${JSON.stringify(f)}`);
          link = f.value;
          how = 'the clipboard was refused: the select-and-copy fallback showed the link, selected';
        } else {
          link = await engine.readClipboard(s.p1);
          how = `"${copied.text.trim()}", read back from the clipboard`;
        }
        check(link === href, `the link is ${link}, not the page URL ${href}`);
        s.p2 = await open();
        await s.p2.goto(link);
        await waitDone(s.p2, s.mu);
        const after = await snapshot(s.p2);
        const diff = Object.keys({ ...before, ...after }).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
        check(diff.length === 0, `the new page differs in ${diff.map((k) => `${k}: ${JSON.stringify(before[k])} ≠ ${JSON.stringify(after[k])}`).join('; ')}`);
        return `${how}; a new page at it shows the same ${Object.keys(after).length} controls and readouts`;
      },
    },
    {
      id: 'e',
      name: 'lecture mode toggles: key P on and off (URL present=1/0), and a present=1 link opens in it',
      async run() {
        const page = s.p2 ?? (await open());
        if (!s.p2) {
          await page.goto(`${site.root}?${LINK.query}`);
          await waitDone(page, LINK.mu);
        }
        const presentNow = (want) => (r) => /\bpresent\b/.test(r.app ?? '') === want && urlParam(r.href, 'present') === (want ? '1' : '0');
        await page.eval(() => document.activeElement?.blur());
        await page.press('p');
        const on = await waitFor(() => readout(page), presentNow(true), { timeout: 15_000, message: 'lecture mode on after P' });
        check(on.caption, 'lecture mode is on but the lecture caption is not shown');
        await page.press('p');
        await waitFor(() => readout(page), presentNow(false), { timeout: 15_000, message: 'lecture mode off after a second P' });
        await page.goto(`${site.root}?present=1&mu=0.5&epochs=5000&n=20`);
        const r = await waitDone(page, 0.5);
        check(/\bpresent\b/.test(r.app ?? ''), `a present=1 link opens with .app class '${r.app}'`);
        check(r.caption && r.caption.includes('μ = 0.5'), `the lecture caption is '${r.caption}'`);
        return `P → .app.present, present=1, caption shown; P → present=0; ?present=1 caption: "${r.caption.trim()}"`;
      },
    },
    {
      id: 'c',
      name: `the sweep (?${SWEEP_LINK}) finishes and draws, and the hidden live run follows it`,
      async run() {
        const page = await open();
        await page.goto(`${site.root}?${SWEEP_LINK}`);
        const r = await waitFor(
          () => readout(page),
          (x) => x.sweep?.state === 'done',
          {
            timeout: SWEEP_TIMEOUT,
            interval: 250,
            message: 'sweep-status data-state = done',
            fail: (x) => (x.sweep?.state === 'error' || x.sweep?.state === 'cancelled' ? `the sweep ended in state ${x.sweep.state}: ${x.sweep.text}` : null),
          },
        );
        check(Number(r.sweep.done) === Number(r.sweep.total) && Number(r.sweep.total) >= 2, `sweep done ${r.sweep.done} of ${r.sweep.total}`);
        check(await drawn(page, 'heatmap-learned'), 'heatmap-learned is blank');
        check(await drawn(page, 'chart-overlay'), 'chart-overlay is blank');
        // The hidden live run waits for the sweep shown, then follows it without a switch of
        // view: its compute starts after the sweep's answer reached the page.
        await waitFor(() => readout(page), (x) => x.status?.state === 'done', {
          timeout: RUN_TIMEOUT,
          interval: 150,
          message: 'the hidden live run to be done after the sweep',
          fail: failedState,
        });
        const t = await page.eval(() => ({
          sweepDone: performance.getEntriesByName('reglab:sweep-done')[0]?.startTime ?? null,
          run: performance.getEntriesByName('reglab:run')[0]?.startTime ?? null,
        }));
        check(t.sweepDone !== null && t.run !== null, `no reglab:sweep-done mark or reglab:run measure: ${JSON.stringify(t)}`);
        check(t.run >= t.sweepDone, `the live run computed from ${t.run.toFixed(1)} ms, before the sweep was done at ${t.sweepDone.toFixed(1)} ms`);
        return `${r.sweep.total} μ done in ${Number(r.sweep.elapsedMs).toFixed(0)} ms of worker compute; heatmap and overlay drawn; the hidden live run followed: its reglab:run starts ${(t.run - t.sweepDone).toFixed(0)} ms after reglab:sweep-done`;
      },
    },
    {
      id: 'g',
      name: 'offline: after one visit, with the server stopped, a reload, a new link and the sweep on 7 workers still work (service worker)',
      async run() {
        const own = await serve(dist);
        try {
          const page = await open();
          await page.goto(`${own.url}?mu=0.5&epochs=5000&n=20`);
          await waitDone(page, 0.5);
          const build = await page.eval(() => document.querySelector('meta[name=reglab-build]')?.content ?? null);
          await waitFor(
            () => page.eval(() => navigator.serviceWorker?.controller != null),
            (v) => v === true,
            { timeout: 30_000, message: 'a service worker to control the page' },
          );
          await own.stop();
          const probe = await fetch(own.url).then(() => 'up', () => 'down');
          check(probe === 'down', 'the server is still up');
          await page.reload();
          const r = await waitDone(page, 0.5);
          check(Number(r.band.lo) === 0 && Number(r.band.hi) === 2, `band [${r.band.lo}, ${r.band.hi}] offline`);
          const again = await page.eval(() => document.querySelector('meta[name=reglab-build]')?.content ?? null);
          check(again === build, `offline build ${again}, not ${build}`);
          await page.goto(`${own.url}?mu=1&epochs=5000&n=20`);
          const r2 = await waitDone(page, 1);
          check(Number(r2.band.lo) === 0.5 && Number(r2.band.hi) === 1.5, `band [${r2.band.lo}, ${r2.band.hi}] for the new link offline`);
          // The sweep has workers of its own, started together when the sweep view opens: seven
          // of them, as on an 8-core machine (WebKit, offline, loads only one of several worker
          // scripts asked for at once: the others must be retried one at a time).
          await page.goto(`${own.url}?view=sweep&n=20&epochs=5000&workers=7`);
          const r3 = await waitFor(() => readout(page), (x) => x.sweep?.state === 'done' || x.sweep?.state === 'error', {
            timeout: SWEEP_TIMEOUT,
            interval: 250,
            message: 'the sweep to finish offline (sweep-status data-state = done)',
          });
          check(r3.sweep.state === 'done', `the sweep on 7 workers failed offline: ${r3.sweep.text}`);
          check(/7/.test(r3.sweep.text), `the sweep was not shared among 7 workers: ${r3.sweep.text}`);
          return `server stopped: reload → converged (build ${build}, band [0, 2]); a new ?mu=1 link → band [0.5, 1.5]; the sweep on 7 workers → ${r3.sweep.total} μ done`;
        } finally {
          await own.stop();
        }
      },
    },
    {
      id: 'i',
      name: 'the lecture stage and an embed fit the window; Q shows the link as a QR code, Esc closes it',
      async run() {
        const page = await open();
        // Where the stage's parts sit, in the engine's own window (no resizing: what a student's
        // browser gives).
        const fit = (ids) =>
          page.eval((names) => {
            const box = (id) => {
              const r = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
              return r ? { id, top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height } : { id, missing: true };
            };
            const el = document.scrollingElement;
            return { boxes: names.map(box), w: innerWidth, h: innerHeight, scrollH: el.scrollHeight, scrollW: el.scrollWidth };
          }, ids);
        const inside = (f) => f.boxes.filter((b) => b.missing || b.top < -0.5 || b.left < -0.5 || b.bottom > f.h + 0.5 || b.right > f.w + 0.5);
        await page.goto(`${site.root}?present=1&mu=0.5&epochs=5000&n=20`);
        await waitDone(page, 0.5);
        const stage = await fit(['lecture-caption', 'chart-z', 'mu-slider', 'chart-loss']);
        check(stage.scrollH <= stage.h && stage.scrollW <= stage.w, `the stage scrolls: ${stage.scrollW}×${stage.scrollH} in a ${stage.w}×${stage.h} window`);
        check(inside(stage).length === 0, `outside the ${stage.w}×${stage.h} window: ${JSON.stringify(inside(stage))}`);
        const zShare = stage.boxes[1].height / stage.h;
        check(zShare >= 0.5, `the z chart is ${(100 * zShare).toFixed(0)} % of the window's height, not ≥ 50 %`);
        await page.eval(() => document.activeElement?.blur());
        await page.press('q');
        const qr = await waitFor(
          () =>
            page.eval(() => {
              const o = document.querySelector('[data-testid="qr"]');
              const svg = o?.querySelector('svg');
              return o && svg ? { link: o.querySelector('[data-testid="qr-link"]')?.textContent, href: location.href, svgH: svg.getBoundingClientRect().height, h: innerHeight } : null;
            }),
          (v) => v !== null,
          { timeout: 15_000, message: 'the QR overlay after Q' },
        );
        check(qr.link === qr.href, `the QR overlay says ${qr.link}, the page is at ${qr.href}`);
        check(qr.svgH >= 0.6 * qr.h, `the QR code is ${qr.svgH.toFixed(0)} px high in a ${qr.h} px window (< 60 %)`);
        await page.press('Escape');
        await waitFor(() => page.eval(() => document.querySelector('[data-testid="qr"]') === null), (v) => v, { timeout: 15_000, message: 'Esc to close the QR overlay' });
        await page.goto(`${site.root}?embed=1&mu=0.3&epochs=5000&n=20`);
        await waitDone(page, 0.3);
        const embed = await fit(['lecture-caption', 'chart-z', 'mu-slider', 'embed-open']);
        check(embed.scrollH <= embed.h && embed.scrollW <= embed.w, `the embed scrolls: ${embed.scrollW}×${embed.scrollH} in ${embed.w}×${embed.h}`);
        check(inside(embed).length === 0, `outside the embed's window: ${JSON.stringify(inside(embed))}`);
        const out = await page.eval(() => document.querySelector('[data-testid="embed-open"]')?.href ?? '');
        check(urlParam(out, 'embed') === '0' && urlParam(out, 'mu') === '0.3', `"Open in reglab" goes to ${out}`);
        return `${stage.w}×${stage.h}: stage fits, z chart ${(100 * zShare).toFixed(0)} % high; Q → QR of the link (${qr.svgH.toFixed(0)} px), Esc closes; embed fits, opens ${new URL(out).search.slice(0, 40)}…`;
      },
    },
    {
      id: 'j',
      name: 'predict then reveal hides the band until Reveal and scores it; the scrubber shows an epoch; a warm start continues and marks the μ change',
      async run() {
        const page = await open();
        const attr = (id, name) => page.eval((i, n) => document.querySelector(`[data-testid="${i}"]`)?.getAttribute(n) ?? null, id, name);
        await page.goto(`${site.root}?quiz=1&mu=0.05&epochs=20000&n=20&play=instant`);
        await waitFor(() => attr('quiz-chart', 'data-map'), (v) => v, { timeout: 30_000, message: 'the prediction chart' });
        const hidden = await page.eval(() => ({
          lo: document.querySelector('[data-testid="band"]')?.hasAttribute('data-lo'),
          k: document.querySelector('[data-testid="clamped"]')?.hasAttribute('data-k'),
          edges: [...document.body.innerText.replaceAll('−', '-').matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0])).filter((x) => x === -9 || x === 11),
        }));
        check(!hidden.lo && !hidden.k && hidden.edges.length === 0, `before Reveal the page shows the answer: ${JSON.stringify(hidden)}`);
        await page.eval(() => {
          for (const [id, v] of [['quiz-lo', '-8'], ['quiz-hi', '10']]) {
            const el = document.querySelector(`[data-testid="${id}"]`);
            el.value = v;
            el.dispatchEvent(new Event('change', { bubbles: true }));
          }
        });
        await page.click('quiz-reveal');
        const score = await waitFor(() => attr('quiz-score', 'data-err-lo').then(async (lo) => ({ lo, hi: await attr('quiz-score', 'data-err-hi') })), (v) => v.lo !== null, { timeout: 30_000, message: 'the score after Reveal' });
        check(score.lo === '1' && score.hi === '1', `errors ${score.lo} and ${score.hi}, not 1 and 1`);
        const r = await waitDone(page, 0.05);
        check(Number(r.band.lo) === -9 && Number(r.band.hi) === 11, `after Reveal the band is [${r.band.lo}, ${r.band.hi}]`);
        // 20 000 epochs with 256 snapshots keep z every 80 epochs: position 50 is epoch 4 000.
        await page.eval(() => {
          const s = document.querySelector('[data-testid="scrubber"]');
          s.value = '50';
          s.dispatchEvent(new Event('input', { bubbles: true }));
        });
        await waitFor(() => attr('chart-loss', 'data-cursor'), (v) => v === '4000', { timeout: 15_000, message: 'the loss chart cursor at epoch 4000' });
        check((await attr('scrubber', 'data-epoch')) === '4000', 'the scrubber does not say epoch 4000');

        await page.goto(`${site.root}?mu=0.05&warm=1&epochs=20000&n=20&play=instant`);
        await waitDone(page, 0.05);
        await page.eval(() => {
          const el = document.querySelector('[data-testid="mu-input"]');
          el.value = '0.5';
          el.dispatchEvent(new Event('change', { bubbles: true }));
        });
        const w = await waitDone(page, 0.5);
        const marks = await waitFor(() => attr('chart-loss', 'data-mu-changes'), (v) => v === '20000', { timeout: 15_000, message: 'the μ change marked at epoch 20000' });
        check(Number(w.err.value) <= 2e-2, `the warm run ends ${w.err.value} from z*`);
        return `before Reveal no band, count or edge on the page; Reveal scores 1 and 1, band [−9, 11]; scrubber → epoch 4 000 with the loss cursor; warm μ 0.05 → 0.5 marked at ${marks}, err-inf ${Number(w.err.value).toExponential(2)}`;
      },
    },
    frenchCheck(open, site),
    recordCheck({ open, site, check, waitDone }),
    tiersCheck({ open, site, waitDone }),
    workersCheck({ open, site, check, waitDone, link: LINK }),
    dragCheck({ open, site, waitDone }),
    stoppedCheck({ open, forget, site, check, waitDone }),
    statusCheck({ open, site, check, waitDone }),
    {
      id: 'h',
      name: 'no console error on any page of these checks',
      async run() {
        const all = await logged(() => true);
        for (const p of pages) await p.close();
        check(all.length === 0, `${all.length} problem(s), by the check whose page had it:\n      ${all.join('\n      ')}`);
        return `${pages.length} pages, none; ${engine.consoleNote}`;
      },
    },
  ];
}

// ------------------------------------------------------------------------------------------------

/** A problem with its stack cut to its first frames: a CI log keeps only the end of the
 * output, and a wasm stack of forty frames would push the message itself out of it. */
function brief(text, frames = 4) {
  const lines = String(text).split('\n');
  const stack = lines.findIndex((l) => /@|^\s+at /.test(l));
  if (stack < 0 || lines.length - stack <= frames) return lines.join('\n      ');
  return [...lines.slice(0, stack + frames), `… ${lines.length - stack - frames} more frames`].join('\n      ');
}

/** The checks of this run: the suite's, or with `--drill` the drill alone (crash-drill.mjs). */
function checksFor(engine, attempt) {
  return DRILL ? [drillCheck(DRILL, engine, attempt)] : checks(engine, site, DIST);
}

/**
 * Launches engine `name` and runs its checks (`attempt`: 1, or 2 after a crash). Returns
 * { engine, ok, bad, attempt, crashed }, where `crashed` is the id of the check during which the
 * browser process went away (the rest are then not run: they would only fail the same way), and
 * `engine` is null when it could not start.
 */
async function runEngine(name, attempt) {
  let engine;
  try {
    // The browser process killed by a signal as it started (Chromium 148's crash, which cost a
    // clean clone's e2e run one test): no check has run, so it is launched once more.
    engine = await launchOnceMoreAfterCrash(
      async () => withTimeout((await LAUNCHERS[name]()).launch(), 120_000, `launching ${name}`),
      name,
      (line) => console.log(`\n${line}`),
    );
    live.add(engine);
  } catch (e) {
    console.log(`\n== ${name}: could not start: ${e.stack ?? e}`);
    return { engine: null, ok: 0, bad: checksFor({ consoleNote: '' }, attempt).length, attempt, crashed: null };
  }
  console.log(`\n== ${name}: ${engine.browser} ${engine.version} (${engine.driver})${attempt > 1 ? `, run ${attempt}` : ''}`);
  let ok = 0;
  let bad = 0;
  let crashed = null;
  const list = checksFor(engine, attempt).filter((c) => !ONLY.length || ONLY.includes(c.id));
  for (const [k, c] of list.entries()) {
    const t = Date.now();
    engine.currentCheck = c.id;
    try {
      // A browser that dies mid-check ends the check at once, not after CHECK_TIMEOUT.
      const gone = engine.gone?.then(() => {
        throw new Error(`${name}'s browser process went away during the check`);
      });
      const detail = await Promise.race([withTimeout(c.run(), CHECK_TIMEOUT, `check (${c.id})`), ...(gone ? [gone] : [])]);
      ok += 1;
      console.log(`  ok   (${c.id}) ${c.name}\n         ${detail}  [${((Date.now() - t) / 1000).toFixed(1)} s]`);
    } catch (e) {
      bad += 1;
      console.log(`  FAIL (${c.id}) ${c.name}\n         ${String(e?.message || e?.name || e).replace(/\n/g, '\n         ')}  [${((Date.now() - t) / 1000).toFixed(1)} s]`);
      if (engine.alive && !(await stillAlive(engine))) {
        crashed = c.id;
        const rest = list.length - k - 1;
        if (rest) console.log(`  the browser process is gone: the ${rest} check(s) after (${c.id}) are not run and count as failed`);
        bad += rest;
        break;
      }
      const logged = (await engine.problemsOf?.(c.id).catch(() => [])) ?? [];
      if (logged.length) console.log(`         its pages logged: ${logged.join('\n         ')}`);
      const crashes = engine.crashes?.() ?? [];
      if (crashes.length) console.log(`         the engine's processes said: ${crashes.slice(-5).join(' | ')}`);
    }
  }
  await withTimeout(engine.close(), 30_000, `closing ${name}`).catch((e) => console.log(`  ${e.message}`));
  live.delete(engine);
  return { engine, ok, bad, attempt, crashed };
}

const site = await serve(DIST);
let passed = 0;
let failed = 0;
const lines = [];
const live = new Set();
const stopAll = async () => {
  for (const e of live) await e.close().catch(() => {});
  await site.stop();
};
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => stopAll().finally(() => process.exit(130)));
}

console.log(`three-engine smoke suite: ${DIST} at ${site.root} (with the site's CSP), engines: ${ENGINES.join(', ')}`);
for (const name of ENGINES) {
  const t0 = Date.now();
  let result = await runEngine(name, 1);
  if (result.crashed) {
    // Debian Chromium 148's browser process crashes now and then, whatever the page does (README
    // "Engines"): the engine gets one more run of its checks in a new browser. A check that
    // fails with its browser alive never gets a second run.
    console.log(`\n##### ${name}'s browser process is gone (during check (${result.crashed})): its checks run once more in a new browser`);
    result = await runEngine(name, 2);
    if (result.crashed) console.log(`##### ${name}'s browser process is gone again (during check (${result.crashed})): no third run`);
  }
  if (!result.engine) {
    failed += result.bad;
    lines.push(`engine ${name}: could not start — all ${result.bad} checks failed`);
    continue;
  }
  passed += result.ok;
  failed += result.bad;
  const { browser, version } = result.engine;
  const rerun = result.attempt > 1 ? ', on a second run after its browser process crashed' : '';
  const line = `engine ${name}, ${browser} ${version}: ${result.ok} of ${result.ok + result.bad} checks passed${result.bad ? `, ${result.bad} FAILED` : ''}${rerun} (${((Date.now() - t0) / 1000).toFixed(0)} s)`;
  console.log(line);
  lines.push(line);
}
await site.stop();
console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
