// The μ sweep (issue 5): it finishes in the worker and says how long it took, it is exact (each
// row is the live run of its μ), rows open the live view, and every export is a usable file.
// How fast it runs depends on the CPU: the sweep's time is printed here, and its target is
// checked by `make bench` (scripts/bench-table.mjs: median of 5 fresh loads ≤ 100 ms).
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Lab, watchProblems, positionOf } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = path.join(here, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

async function openSweep(page, query = '') {
  await page.goto(`/?view=sweep${query ? `&${query}` : ''}`);
  const status = page.getByTestId('sweep-status');
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  return status.evaluate((el) => ({
    done: Number(el.dataset.done),
    total: Number(el.dataset.total),
    elapsedMs: Number(el.dataset.elapsedMs),
    text: el.textContent,
  }));
}

async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** tEXt chunks of a PNG, as { keyword: text }. */
function pngText(bytes) {
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const out = {};
  let at = 8;
  while (at < bytes.length) {
    const len = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'tEXt') {
      const data = bytes.subarray(at + 8, at + 8 + len);
      const zero = data.indexOf(0);
      out[data.toString('latin1', 0, zero)] = data.toString('latin1', zero + 1);
    }
    at += 12 + len;
  }
  return out;
}

test('the seed sweep: 5 loads each finish all 10 μ and show the worker’s time', async ({ page }) => {
  const problems = watchProblems(page);
  const times = [];
  for (let i = 0; i < 5; i += 1) {
    const s = await openSweep(page);
    expect(s).toMatchObject({ done: 10, total: 10 });
    expect(s.text).toContain('ms');
    times.push(s.elapsedMs);
  }
  const median = [...times].sort((a, b) => a - b)[2];
  console.log(`seed sweep (10 μ × 25 000 epochs) worker compute: ${times.map((t) => t.toFixed(1)).join(', ')} ms; median ${median.toFixed(1)} ms`);
  for (const t of times) expect(t, 'the worker’s compute time (data-elapsed-ms)').toBeGreaterThan(0);
  problems.expectNone();
});

/** Records, from the page's first script on, every change of the live status's and the sweep
 * status's data-state as [ms, testid, state], in window.__states. */
async function recordStates(page) {
  await page.addInitScript(() => {
    window.__states = [];
    const seen = new Map();
    const look = () => {
      for (const id of ['status', 'sweep-status']) {
        const state = document.querySelector(`[data-testid=${id}]`)?.dataset.state;
        if (state !== undefined && seen.get(id) !== state) {
          seen.set(id, state);
          window.__states.push([performance.now(), id, state]);
        }
      }
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

test('a sweep link computes its sweep first; the hidden live run follows it unasked', async ({ page }) => {
  const problems = watchProblems(page);
  await recordStates(page);
  await openSweep(page);
  const lab = new Lab(page);
  // Without a switch of view: the live run is asked for once the sweep is done.
  await expect(lab.statusEl).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const states = await page.evaluate(() => window.__states);
  const at = (id, state) => states.find(([, i, s]) => i === id && s === state)?.[0];
  const sweepDone = at('sweep-status', 'done');
  expect(sweepDone, JSON.stringify(states)).toBeDefined();
  const liveBusy = states.filter(([, i, s]) => i === 'status' && s !== 'idle');
  expect(liveBusy.length, JSON.stringify(states)).toBeGreaterThan(0);
  for (const [t, , s] of liveBusy) {
    expect(t, `the live status said ${s} before the sweep was done: ${JSON.stringify(states)}`).toBeGreaterThanOrEqual(sweepDone);
  }
  // The live view then opens on its finished run.
  await page.getByTestId('view-live').click();
  await lab.waitDone();
  await expect(lab.chart).toHaveAttribute('data-mu', /.+/);
  problems.expectNone();
});

test('the sweep CSV: 10 × 100 rows, every z within 2e-2 of z*, each μ equal to its live run', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await openSweep(page);
  const { bytes } = await download(page, 'export-sweep-csv');
  const [header, ...lines] = bytes.toString('utf8').trim().split('\n');
  expect(header).toBe('mu,dim,z0,z,z_star');
  expect(lines).toHaveLength(1000);
  const byMu = new Map();
  for (const line of lines) {
    const [mu, dim, , z, zStar] = line.split(',');
    expect(Math.abs(Math.fround(Number(z)) - Math.fround(Number(zStar)))).toBeLessThanOrEqual(2e-2);
    if (!byMu.has(mu)) byMu.set(mu, []);
    byMu.get(mu)[Number(dim)] = z;
  }
  expect(byMu.size).toBe(10);
  const lab = new Lab(page);
  for (const [mu, zs] of byMu) {
    await lab.open(`mu=${mu}&play=instant`);
    await lab.waitDone({ mu: Number(mu) });
    const { bytes: live } = await download(page, 'export-csv');
    const liveZ = live.toString('utf8').trim().split('\n').slice(1).map((l) => l.split(',')[2]);
    expect(liveZ, `μ = ${mu}: the sweep row must equal the live run`).toEqual(zs);
  }
  problems.expectNone();
});

test('clicking a heatmap row opens the live view at that μ', async ({ page }) => {
  const problems = watchProblems(page);
  await openSweep(page);
  const map = page.getByTestId('heatmap-learned');
  await map.hover({ position: { x: 200, y: 60 } });
  const readout = await page.getByTestId('cell-readout').textContent();
  const mu = Number(/μ = ([0-9.e-]+)/.exec(readout)[1]);
  expect(mu).toBeGreaterThan(0);
  await map.click({ position: { x: 200, y: 60 } });
  const lab = new Lab(page);
  await expect(page.getByTestId('view-live')).toHaveAttribute('aria-selected', 'true');
  await lab.waitDone();
  const urlMu = lab.urlMu();
  expect(new URL(page.url()).searchParams.get('view')).toBe('live');
  // The readout shows μ to 4 significant digits; the URL carries the row's exact μ.
  expect(Math.abs(urlMu - mu) / mu).toBeLessThan(1e-3);
  expect(await lab.sliderPosition()).toBe(positionOf(urlMu));
  expect(Math.abs((await lab.mu()) - urlMu) / urlMu).toBeLessThan(1e-3);
  problems.expectNone();
});

test('PNG exports show the chart and carry μ, lr and epochs; the JSON export is a link', async ({ page }) => {
  const problems = watchProblems(page);
  await openSweep(page, 'mu=0.25&lr=2e-3&epochs=20000');
  for (const chart of ['overlay', 'learned', 'diff', 'z', 'loss']) {
    await page.getByTestId('png-chart').selectOption(chart);
    const { name, bytes } = await download(page, 'export-png');
    expect(name).toMatch(/\.png$/);
    const text = pngText(bytes);
    expect(text.Description).toContain('mu = 0.25');
    expect(text.Description).toContain('lr = 2e-3');
    expect(text.Description).toContain('epochs = 20000');
    const stats = await page.evaluate(async (b64) => {
      // Decoded here, not fetched from a data: URL: the site's CSP (connect-src 'self') blocks that.
      const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' });
      const img = await createImageBitmap(blob);
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, img.height).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) ink += 1;
      return { width: img.width, height: img.height, ink: ink / (d.length / 4) };
    }, bytes.toString('base64'));
    expect(stats.width).toBeGreaterThanOrEqual(1600);
    // A blank chart (background and caption strip only) has < 0.5 % ink.
    expect(stats.ink).toBeGreaterThan(0.01);
    if (chart === 'overlay') fs.writeFileSync(path.join(ARTIFACTS, 'export-overlay.png'), bytes);
  }
  const { bytes: json } = await download(page, 'export-json');
  const state = JSON.parse(json.toString('utf8'));
  expect(state).toMatchObject({ mu: 0.25, lr: 0.002, epochs: 20000, view: 'sweep' });
  const query = new URLSearchParams(Object.entries(state).map(([k, v]) => [k, String(v)])).toString();
  const before = new URL(page.url()).search;
  await page.goto(`/?${query}`);
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect(new URL(page.url()).search).toBe(before);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  problems.expectNone();
});

test('loss history CSV has every epoch', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('mu=0.3&epochs=5000');
  await lab.waitDone({ mu: 0.3 });
  const { bytes } = await download(page, 'export-loss-csv');
  const lines = bytes.toString('utf8').trim().split('\n');
  expect(lines[0]).toBe('epoch,fit,reg,total,grad_norm,err_inf');
  expect(lines).toHaveLength(5001);
  expect(lines[5000].startsWith('5000,')).toBe(true);
  problems.expectNone();
});

for (const { name, width, height, scheme } of [
  { name: 'sweep-1920x1080-light', width: 1920, height: 1080, scheme: 'light' },
  { name: 'sweep-1920x1080-dark', width: 1920, height: 1080, scheme: 'dark' },
  { name: 'sweep-390x844-light', width: 390, height: 844, scheme: 'light' },
]) {
  test(`screenshot ${name}: no horizontal overflow`, async ({ browser }, testInfo) => {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    const problems = watchProblems(page);
    await openSweep(page);
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const file = path.join(ARTIFACTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(name, { path: file, contentType: 'image/png' });
    problems.expectNone();
    await page.close();
  });
}
