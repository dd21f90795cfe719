// Shared helpers for reglab's Playwright specs: a page object (`Lab`) over the page's stable test
// ids, the μ slider's scale (mirrors src/link/mu_scale.rs), and a collector of console problems.
import { expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

// ----------------------------------------------------------------------------------------------
// Native tools
// ----------------------------------------------------------------------------------------------

const execFileAsync = promisify(execFile);

/**
 * Runs `command args…` and resolves to its stdout. Asynchronous on purpose: a cargo example
 * builds on its first call (10–20 s on a clean clone), and a synchronous call blocked this
 * process for all of it, so Playwright stopped reading the browser's events while a page was
 * open (CI once lost its Chromium in such a pause, in french.spec).
 */
export async function runTool(command, args, options = {}) {
  const { stdout } = await execFileAsync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  return stdout;
}

// ----------------------------------------------------------------------------------------------
// The μ slider's scale (the page contract; see src/link/mu_scale.rs)
// ----------------------------------------------------------------------------------------------

/** Slider positions: 0 (μ = 0) and 1..=MAX_POSITION. */
export const MAX_POSITION = 501;

/** `x` rounded to `digits` significant digits, as a Number. */
export function roundSig(x, digits = 4) {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/** μ at slider position `pos`: 0 → 0, else 10^(−3 + (pos − 1)/100) to 4 significant digits. */
export function muAt(pos) {
  if (pos <= 0) return 0;
  const p = Math.min(pos, MAX_POSITION);
  return roundSig(10 ** (-3 + (p - 1) / 100), 4);
}

/** The slider position nearest to μ. */
export function positionOf(mu) {
  if (!(mu > 0)) return 0;
  const pos = Math.round((Math.log10(mu) + 3) * 100 + 1);
  return Math.min(Math.max(pos, 1), MAX_POSITION);
}

/** The band [1 − 1/(2μ), 1 + 1/(2μ)] for μ > 0 (centre c = 1), or null for μ = 0. */
export function bandFor(mu, centre = 1) {
  if (!(mu > 0)) return null;
  const h = 1 / (2 * mu);
  return { lo: centre - h, hi: centre + h };
}

/** |a − b| ≤ rel·max(|a|, |b|) (and exact equality for zeros). */
export function closeRel(a, b, rel = 1e-9) {
  if (a === b) return true;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

// ----------------------------------------------------------------------------------------------
// Console problems
// ----------------------------------------------------------------------------------------------

/**
 * Collects everything that should never happen on a healthy page: console errors and warnings
 * (page and its workers), uncaught page errors, failed requests, HTTP responses ≥ 400.
 * Attach it before navigating. `problems.list` is an array of strings; `problems.expectNone()`
 * fails with all of them listed. `problems.responses` records every response seen (url, status),
 * so a spec can check that the listener really saw the requests it cares about. Messages matching
 * one of `allow` (RegExps: problems a spec provokes on purpose) go to `problems.allowed` instead,
 * and requests a navigation cancelled on the page it left go to `problems.abandoned`.
 */
export function watchProblems(page, { allow = [] } = {}) {
  const list = [];
  const responses = [];
  // Problems a spec provoked on purpose (`allow`: RegExps), kept apart so it can check them.
  const allowed = [];
  const seen = new Set();
  const add = (text) => {
    if (allow.some((re) => re.test(text))) {
      allowed.push(text);
      return;
    }
    if (!seen.has(text)) {
      seen.add(text);
      list.push(text);
    }
  };
  const onConsole = (where) => (msg) => {
    const type = msg.type();
    if (type === 'error' || type === 'warning' || type === 'assert') {
      const loc = msg.location();
      add(`console.${type} (${where}) ${msg.text()}${loc?.url ? ` @ ${loc.url}:${loc.lineNumber}` : ''}`);
    }
  };
  page.on('console', onConsole('page'));
  page.on('worker', (worker) => {
    worker.on('console', onConsole(`worker ${worker.url()}`));
  });
  page.on('pageerror', (err) => add(`pageerror: ${err?.stack ?? err}`));
  page.on('crash', () => add('the page crashed'));
  // Leaving a document cancels what it still had in flight: Chromium reports the favicon or a
  // worker's fetch of the page being left as net::ERR_ABORTED (seen when the language menu
  // reloads the page, and when a spec navigates, on a loaded machine). That is the navigation's
  // doing, not a fault of the page, so such a request is kept apart in `abandoned`: it must have
  // been asked for before a main-frame navigation began and have failed after. An abort of a
  // request the current document made still counts as a problem.
  let seq = 0;
  let navigationSeq = -1;
  const askedAt = new WeakMap();
  const abandoned = [];
  page.on('request', (req) => {
    seq += 1;
    askedAt.set(req, seq);
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigationSeq = seq;
  });
  page.on('requestfailed', (req) => {
    seq += 1;
    const text = `requestfailed: ${req.method()} ${req.url()} — ${req.failure()?.errorText ?? '?'}`;
    const left = req.failure()?.errorText === 'net::ERR_ABORTED' && !req.isNavigationRequest();
    if (left && (askedAt.get(req) ?? Infinity) < navigationSeq) abandoned.push(text);
    else add(text);
  });
  page.on('response', (res) => {
    responses.push({ url: res.url(), status: res.status() });
    if (res.status() >= 400) add(`HTTP ${res.status()} for ${res.request().method()} ${res.url()}`);
  });
  return {
    list,
    responses,
    allowed,
    abandoned,
    expectNone(message = 'console errors/warnings, page errors or failed requests') {
      expect(list, `${message}:\n${list.join('\n')}`).toEqual([]);
    },
  };
}

// ----------------------------------------------------------------------------------------------
// The page object
// ----------------------------------------------------------------------------------------------

/**
 * Generous waits, not speed targets: a 25 000-epoch run takes about 10 ms of worker time in a
 * release build here, so 30 s leave room for a machine many times slower or heavily loaded.
 * No helper asserts on a timing; the speed targets live in `make bench` (issue 12).
 */
export const RUN_TIMEOUT = 30_000;

export class Lab {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.slider = page.getByTestId('mu-slider');
    this.muInput = page.getByTestId('mu-input');
    this.runButton = page.getByTestId('run');
    this.bandEl = page.getByTestId('band');
    this.clampedEl = page.getByTestId('clamped');
    this.errInfEl = page.getByTestId('err-inf');
    this.statusEl = page.getByTestId('status');
    this.chart = page.getByTestId('chart-z');
  }

  /**
   * Opens the page at `path` (default '/') with an optional query (a string without '?', or an
   * object), and waits until the app has mounted.
   */
  async open(query = '', path = '/') {
    const q =
      typeof query === 'string' ? query.replace(/^\?/, '') : new URLSearchParams(query).toString();
    await this.page.goto(q ? `${path}?${q}` : path);
    await expect(this.statusEl).toBeVisible();
    return this;
  }

  /** Waits for the worker's Ready. */
  async waitReady(timeout = RUN_TIMEOUT) {
    await expect(this.statusEl).toHaveAttribute('data-worker', 'ready', { timeout });
  }

  /**
   * Waits until the status says `state` (default done) and, if given, the chart shows μ = `mu`.
   * Returns the status.
   */
  async waitDone({ mu, state = 'done', timeout = RUN_TIMEOUT } = {}) {
    if (mu !== undefined) {
      await expect
        .poll(async () => Number(await this.chart.getAttribute('data-mu')), {
          timeout,
          message: `chart-z data-mu should become ${mu}`,
        })
        .toBe(mu);
    }
    await expect(this.statusEl).toHaveAttribute('data-state', state, { timeout });
    return this.status();
  }

  /** The status line's attributes and text. */
  async status() {
    return this.statusEl.evaluate((el) => ({
      state: el.dataset.state,
      epoch: Number(el.dataset.epoch),
      elapsedMs: Number(el.dataset.elapsedMs),
      elapsedMsText: el.dataset.elapsedMs,
      worker: el.dataset.worker,
      stale: el.dataset.stale === undefined ? undefined : Number(el.dataset.stale),
      text: el.textContent,
    }));
  }

  /** μ as the number input shows it (a Number; NaN if the input holds no number). */
  async mu() {
    return Number(await this.muInput.inputValue());
  }

  /** The slider's position. */
  async sliderPosition() {
    return Number(await this.slider.inputValue());
  }

  /** The band's edges as Numbers, or null when μ = 0 (no data-lo/data-hi). */
  async band() {
    return this.bandEl.evaluate((el) =>
      el.hasAttribute('data-lo')
        ? { lo: Number(el.dataset.lo), hi: Number(el.dataset.hi), text: el.textContent }
        : null,
    );
  }

  /** { k, n } of "k of n coordinates clamped". */
  async clamped() {
    return this.clampedEl.evaluate((el) => ({ k: Number(el.dataset.k), n: Number(el.dataset.n) }));
  }

  /** ‖z − z*‖∞ of the run shown (NaN before any). */
  async errInf() {
    const v = await this.errInfEl.getAttribute('data-value');
    return v === null || v === '' ? NaN : Number(v);
  }

  /** The chart's data-mu / data-run (Numbers; NaN before the first draw). */
  async chartInfo() {
    return this.chart.evaluate((el) => ({
      mu: el.hasAttribute('data-mu') ? Number(el.dataset.mu) : NaN,
      run: el.hasAttribute('data-run') ? Number(el.dataset.run) : NaN,
      width: el.width,
      height: el.height,
    }));
  }

  /** The chart's pixels as a data: URL (compare two of them to see whether it was redrawn). */
  async chartPixels() {
    return this.chart.evaluate((el) => el.toDataURL('image/png'));
  }

  /** The page URL's query as a URLSearchParams. */
  urlParams() {
    return new URL(this.page.url()).searchParams;
  }

  /** μ as the URL says it. */
  urlMu() {
    return Number(this.urlParams().get('mu'));
  }

  /** Types `text` into the μ number input and commits it (Enter → change). */
  async typeMu(text) {
    await this.muInput.click();
    await this.muInput.press('ControlOrMeta+a');
    await this.muInput.press('Delete');
    if (text !== '') await this.page.keyboard.type(String(text));
    await this.muInput.press('Enter');
  }

  /** Sets the μ input's value and dispatches `change` (what committing a typed value does). */
  async commitMu(value) {
    await this.muInput.evaluate((el, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }

  /** Focuses the slider and presses `key` `times` times. */
  async pressOnSlider(key, times = 1) {
    await this.slider.focus();
    for (let i = 0; i < times; i += 1) await this.slider.press(key);
  }

  /** The visible role=alert texts (field errors, notices, status messages). */
  async alerts() {
    return this.page.getByRole('alert').allTextContents();
  }

  /** Whether the chart's canvas has anything but one flat colour on it. */
  async chartIsBlank() {
    return this.chart.evaluate((el) => {
      const ctx = el.getContext('2d');
      if (!ctx || el.width === 0 || el.height === 0) return true;
      const d = ctx.getImageData(0, 0, el.width, el.height).data;
      for (let i = 4; i < d.length; i += 4) {
        if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3]) return false;
      }
      return true;
    });
  }
}
