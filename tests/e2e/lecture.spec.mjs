// Lecture mode, shareable links, the tour and accessibility (issue 6).
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { Lab, watchProblems } from './helpers.mjs';
import { pageSnapshot } from '../shared/page-state.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = path.join(here, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/** A deterministic pseudo-random generator, so a failing state can be reproduced. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A random valid state with every key (cheap runs: ≤ 20 000 epochs, n ≤ 300). */
function randomState(r) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const sig = (x) => Number(x.toPrecision(3));
  const panels = ['controls', 'readouts', 'explain', 'z', 'loss', 'subopt', 'exports', 'tabs'].filter(() => r() < 0.2);
  const z0min = sig(-20 * r() - 0.5);
  const smin = sig(10 ** (-3 + 2 * r()));
  return {
    mu: pick([0, sig(10 ** (-3 + 5 * r())), 0.25]),
    lr: sig(10 ** (-4 + 2 * r())),
    epochs: 1000 + Math.floor(r() * 19000),
    n: 1 + Math.floor(r() * 300),
    z0min,
    z0max: sig(z0min + 1 + 20 * r()),
    beta1: pick([0.9, 0.8, 0.95]),
    beta2: pick([0.999, 0.99]),
    eps: pick([1e-7, 1e-8]),
    play: pick(['instant', '1', '3', '10']),
    view: pick(['live', 'sweep']),
    smin,
    smax: sig(smin * (2 + 50 * r())),
    scount: 2 + Math.floor(r() * 8),
    present: pick([0, 1]),
    hide: panels.join(','),
    tour: 0,
  };
}

/** Every control value and readout the page shows, keyed by what it is. */
const snapshot = (page) => page.evaluate(pageSnapshot);

async function settle(page) {
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', /done|diverged/, { timeout: 60_000 });
  if (new URL(page.url()).searchParams.get('view') === 'sweep') {
    await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  }
}

test('20 random states: open, copy the link, open the copy — every control and readout equal', async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const r = rng(20261129);
  for (let i = 0; i < 20; i += 1) {
    const state = randomState(r);
    const query = new URLSearchParams(Object.entries(state).map(([k, v]) => [k, String(v)])).toString();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`/?${query}`);
    await settle(page);
    await expect(page.getByTestId('notice')).toHaveCount(0);
    const before = await snapshot(page);
    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('copy-status')).toContainText('copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const again = await context.newPage();
    await again.goto(copied);
    await settle(again);
    const after = await snapshot(again);
    expect(after, `state ${i}: ${query}`).toEqual(before);
    problems.expectNone();
    await page.close();
    await again.close();
  }
  await context.close();
});

test('lecture mode keys: ←/→, [ ], Space, R, F and ? do what they say', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('present=1&mu=0.1&play=1');
  await lab.waitDone({ mu: 0.1 });
  await expect(page.locator('.app')).toHaveClass(/present/);
  await expect(page.getByTestId('lecture-caption')).toContainText('μ = 0.1: band [-4, 6] — 50 of 100 coordinates follow z0');
  const grid = [0.02, 0.0309, 0.0477, 0.0737, 0.1138, 0.1758, 0.2714, 0.4192, 0.6475, 1.0];
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await lab.waitDone();
  expect(lab.urlMu()).toBeCloseTo(0.11379620405527817, 12);
  const chartBefore = await lab.chartPixels();
  await page.keyboard.press('ArrowRight');
  await lab.waitDone();
  expect(Number(lab.urlMu().toPrecision(4))).toBe(grid[5]);
  expect(await lab.chartPixels()).not.toBe(chartBefore);
  await page.keyboard.press('ArrowLeft');
  await lab.waitDone();
  expect(Number(lab.urlMu().toPrecision(4))).toBe(grid[4]);
  const mu = lab.urlMu();
  await page.keyboard.press('[');
  await lab.waitDone();
  expect(lab.urlMu() / mu).toBeCloseTo(1.778, 2);
  await page.keyboard.press(']');
  await lab.waitDone();
  expect(lab.urlMu() / mu).toBeCloseTo(1, 3);
  // Space plays (1 s), Space pauses, Space resumes; R replays.
  await page.keyboard.press(' ');
  await expect(lab.statusEl).toHaveAttribute('data-state', 'running');
  await page.waitForTimeout(400);
  await page.keyboard.press(' ');
  await expect(lab.statusEl).toHaveAttribute('data-state', 'paused');
  const pausedAt = (await lab.status()).epoch;
  await page.waitForTimeout(300);
  expect((await lab.status()).epoch).toBe(pausedAt);
  await page.keyboard.press(' ');
  await lab.waitDone({ timeout: 5_000 });
  await page.keyboard.press('r');
  await expect(lab.statusEl).toHaveAttribute('data-state', 'running');
  await lab.waitDone({ timeout: 5_000 });
  // F asks for full screen (headless grants it), F again leaves it.
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
  await page.keyboard.press('?');
  await expect(page.getByTestId('keylist')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('keylist')).toHaveCount(0);
  await page.keyboard.press('p');
  await expect(page.locator('.app')).not.toHaveClass(/present/);
  expect(new URL(page.url()).searchParams.get('present')).toBe('0');
  problems.expectNone();
});

test('the tour walks all its steps, and each step’s link reproduces it', async ({ page, context }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await page.goto('/?present=1');
  await settle(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const steps = [];
  await page.getByTestId('tour-next').click();
  const STEPS = 7;
  for (let k = 1; k <= STEPS; k += 1) {
    await settle(page);
    const caption = await page.getByTestId('tour-caption').textContent();
    expect(caption).toContain(`Step ${k} of ${STEPS}`);
    expect(new URL(page.url()).searchParams.get('tour')).toBe(String(k));
    steps.push({ url: page.url(), caption, snap: await snapshot(page) });
    if (k < STEPS) await page.keyboard.press('ArrowRight');
  }
  expect(new URL(steps[1].url).searchParams.get('mu')).toBe('0');
  expect(new URL(steps[5].url).searchParams.get('view')).toBe('sweep');
  expect(new URL(steps[6].url).searchParams.get('w')).toBe('tournesol'); // the Tournesol story
  for (const step of steps) {
    const other = await context.newPage();
    await other.goto(step.url);
    await settle(other);
    expect(await other.getByTestId('tour-caption').textContent()).toBe(step.caption);
    expect(await snapshot(other)).toEqual(step.snap);
    await other.close();
  }
  problems.expectNone();
});

test('an older link (renamed and removed keys) opens with a notice and the right state', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('lambda=0.25&steps=20000&theme=dark');
  await lab.waitDone({ mu: 0.25 });
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('lambda=0.25');
  await expect(notice).toContainText('now called mu');
  await expect(notice).toContainText('theme=dark');
  expect((await lab.status()).epoch).toBe(20000);
  expect(await lab.band()).toMatchObject({ lo: -1, hi: 3 });
  const url = new URL(page.url()).searchParams;
  expect(url.get('mu')).toBe('0.25');
  expect(url.get('lambda')).toBeNull();
  problems.expectNone();
});

test('the subgradient explorer follows a clicked coordinate', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('mu=0.25');
  await lab.waitDone({ mu: 0.25 });
  const box = await lab.chart.boundingBox();
  await lab.chart.click({ position: { x: box.width * 0.2, y: box.height / 2 } });
  const text = await page.getByTestId('explorer-text').textContent();
  expect(text).toMatch(/Coordinate \d+: z0 = -?[0-9.]+, z\* = -1\.000/);
  expect(text).toContain('contains 0');
  await page.getByTestId('explore-coordinate').fill('50');
  await page.getByTestId('explore-coordinate').press('Enter');
  await expect(page.getByTestId('explorer-text')).toContainText('Coordinate 50: z0 = 0.101, z* = 0.101');
  problems.expectNone();
});

for (const [name, query] of [
  ['live', 'mu=0.25'],
  ['sweep', 'view=sweep'],
  ['lecture', 'present=1&mu=0.25'],
]) {
  test(`accessibility scan (axe-core): ${name} view has no serious or critical violations`, async ({ page }) => {
    await page.goto(`/?${query}`);
    await settle(page);
    // Evaluated, not added as a <script> element: the site's CSP (no inline scripts) blocks that.
    await page.evaluate(fs.readFileSync(AXE, 'utf8'));
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    console.log(`axe ${name}: ${result.violations.length} violations (${bad.length} serious/critical)${result.violations.map((v) => `\n  ${v.impact} ${v.id}: ${v.nodes.length} nodes`).join('')}`);
    expect(bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`)).toEqual([]);
  });
}

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
]) {
  test(`lecture mode screenshot ${width}x${height}: body text ≥ 24 px`, async ({ browser }, testInfo) => {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems = watchProblems(page);
    await page.goto('/?present=1&mu=0.05');
    await settle(page);
    await page.waitForTimeout(300);
    const sizes = await page.evaluate(() =>
      // The stage's parts (stage.spec.mjs checks every visible text ≥ 18 px; these ≥ 24 px).
      ['.lecture-caption', '.mu-field label', '[data-testid=mu-input]', '.panel-loss .chart-title', '.panel-z .legend li'].map((sel) => [
        sel,
        parseFloat(getComputedStyle(document.querySelector(sel)).fontSize),
      ]),
    );
    for (const [sel, px] of sizes) expect(px, sel).toBeGreaterThanOrEqual(24);
    const file = path.join(ARTIFACTS, `lecture-${width}x${height}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(`lecture-${width}x${height}`, { path: file, contentType: 'image/png' });
    problems.expectNone();
    await page.close();
  });
}
