// The regime map (issue 15): the (μ, z0) plane shaded by where z* sits. A pointer, a finger and
// the keyboard on the map set μ through the slider's positions and the z chart follows; the
// readout names the point under the pointer; the boundary curves are where 1 ± 1/(2μ) puts them,
// checked on the canvas' own pixels; axe finds nothing; the screenshots a person looks at.
//
// The map's canvas carries its mapping: data-plot-left/top/width/height (CSS px from the canvas'
// corner), data-mu-lo/hi (log axis) and data-z-lo/hi, so (μ, z0) ↔ pixels here is independent
// of how the page lays the map out. Screenshots go to tests/e2e/artifacts/ and, with
// UPDATE_SCREENSHOTS=1 and a passing test, to docs/screenshots/.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { Lab, watchProblems, muAt, positionOf, closeRel } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const ARTIFACTS = path.join(here, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });
const DOCS_SHOTS = path.join(ROOT, 'docs', 'screenshots');
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const DESKTOP = { viewport: { width: 1366, height: 900 }, colorScheme: 'light' };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3, colorScheme: 'light' };

/** Opens the lab at `query`, waits for the run and for the map to show `mu`; the map's locator. */
async function openMap(page, query, mu) {
  const lab = new Lab(page);
  await lab.open(query);
  await lab.waitDone({ mu });
  const map = page.getByTestId('regime-map');
  await map.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(map).toHaveAttribute('data-mu', String(mu));
  return { lab, map };
}

/** The map's box (viewport CSS px), bitmap and mapping attributes. */
async function geometry(map) {
  return map.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const n = (k) => Number(el.dataset[k]);
    return {
      x: r.x, y: r.y, w: r.width, h: r.height, bw: el.width, bh: el.height,
      left: n('plotLeft'), top: n('plotTop'), width: n('plotWidth'), height: n('plotHeight'),
      muLo: n('muLo'), muHi: n('muHi'), zLo: n('zLo'), zHi: n('zHi'),
    };
  });
}

/** (μ, z0) → CSS px from the canvas' corner, by the canvas' own mapping (μ on a log axis). */
function toCanvas(g, mu, z0) {
  const t = Math.log(mu / g.muLo) / Math.log(g.muHi / g.muLo);
  return { x: g.left + g.width * t, y: g.top + (g.height * (g.zHi - z0)) / (g.zHi - g.zLo) };
}

/** (μ, z0) → viewport CSS px. */
function toViewport(g, mu, z0) {
  const p = toCanvas(g, mu, z0);
  return { x: g.x + p.x, y: g.y + p.y };
}

/** Runs axe-core in the page (evaluated: the CSP forbids inline scripts); the violations. */
async function axeScan(page) {
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const lines = result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  console.log(`axe (regime map shown): ${lines.length} violations${lines.map((l) => `\n  ${l}`).join('')}`);
  return lines;
}

/** Writes a screenshot to artifacts/ (and to docs/screenshots/ with UPDATE_SCREENSHOTS=1). */
async function shoot(testInfo, name, target) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  fs.writeFileSync(file, await target.screenshot({ animations: 'disabled' }));
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  if (process.env.UPDATE_SCREENSHOTS === '1' && testInfo.errors.length === 0) {
    fs.mkdirSync(DOCS_SHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS_SHOTS, `${name}.png`));
    console.log(`UPDATE_SCREENSHOTS: wrote docs/screenshots/${name}.png`);
  }
}

/** After μ was set to about 0.2: the slider's μ nearest 0.2, the z chart and its band follow. */
async function expectMuSetNear02(lab, map) {
  await expect.poll(() => lab.mu(), { message: 'μ input after the map set μ' }).toBe(0.1995);
  expect(await lab.sliderPosition()).toBe(positionOf(0.2));
  await lab.waitDone({ mu: 0.1995 });
  const mu = await lab.mu();
  const band = await lab.band();
  console.log(`μ set to ${mu}: band [${band.lo}, ${band.hi}]`);
  expect(closeRel(band.lo, 1 - 1 / (2 * mu), 1e-9), `band lo ${band.lo} = 1 − 1/(2·${mu})`).toBe(true);
  expect(closeRel(band.hi, 1 + 1 / (2 * mu), 1e-9), `band hi ${band.hi} = 1 + 1/(2·${mu})`).toBe(true);
  expect(Math.abs(band.lo + 1.5)).toBeLessThan(0.01);
  expect(Math.abs(band.hi - 3.5)).toBeLessThan(0.01);
  await expect(map).toHaveAttribute('data-mu', '0.1995');
}

test('pointer: the readout names (μ = 0.2, z0 = 5) and a click there sets μ; the z chart follows', async ({ browser }) => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchProblems(page);
  const { lab, map } = await openMap(page, 'mu=0.1', 0.1);
  const readout = page.getByTestId('regime-readout');
  await expect(readout).toContainText('μ = 0.1: of 100 coordinates, 30 pinned to the lower edge');
  const g = await geometry(map);
  console.log(`map ${g.w}×${g.h} at (${g.x}, ${g.y}); plot ${JSON.stringify(g)}`);
  expect(g.bw).toBe(Math.round(g.w * (await page.evaluate(() => devicePixelRatio))));
  const p = toViewport(g, 0.2, 5);
  await page.mouse.move(p.x, p.y);
  await expect(readout).toContainText('μ = 0.2, z0 = 5: pinned to the upper edge');
  await expect(readout).toContainText('z* = 3.5');
  await expect(readout).toHaveAttribute('aria-live', 'polite');
  // Inside the band and below it, for contrast.
  const q = toViewport(g, 0.2, 1);
  await page.mouse.move(q.x, q.y);
  await expect(readout).toContainText('μ = 0.2, z0 = 1: inside the band, z* = 1');
  const r = toViewport(g, 0.2, -5);
  await page.mouse.move(r.x, r.y);
  await expect(readout).toContainText('μ = 0.2, z0 = −5: pinned to the lower edge, z* = −1.5');
  await page.mouse.click(p.x, p.y);
  await expectMuSetNear02(lab, map);
  await expect(readout).toContainText('pinned to the upper edge');
  problems.expectNone();
  await context.close();
});

test('touch: a tap at (μ = 0.2, z0 = 5) reads the same and sets μ', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const problems = watchProblems(page);
  const { lab, map } = await openMap(page, 'mu=0.1', 0.1);
  await map.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const g = await geometry(map);
  const p = toViewport(g, 0.2, 5);
  // The spot must be the map's, not the sticky μ bar's over it.
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.dataset.testid, p);
  expect(hit, `what is at (${p.x}, ${p.y})`).toBe('regime-map');
  await page.touchscreen.tap(p.x, p.y);
  const readout = page.getByTestId('regime-readout');
  await expect(readout).toContainText('μ = 0.2, z0 = 5: pinned to the upper edge');
  await expect(readout).toContainText('z* = 3.5');
  await expectMuSetNear02(lab, map);
  problems.expectNone();
  await context.close();
});

test('keyboard: arrows move μ one slider position, Page Up/Down ten, Home/End to the ends', async ({ browser }) => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchProblems(page);
  const { lab, map } = await openMap(page, 'mu=0.1', 0.1);
  const start = positionOf(0.1);
  await map.focus();
  await expect(map).toBeFocused();
  const steps = [
    ['ArrowRight', start + 1],
    ['ArrowRight', start + 2],
    ['ArrowLeft', start + 1],
    ['PageUp', start + 11],
    ['PageDown', start + 1],
    ['End', 501],
    ['Home', 1],
    ['ArrowLeft', 1],
  ];
  for (const [key, pos] of steps) {
    await map.press(key);
    await expect.poll(() => lab.mu(), { message: `μ after ${key}` }).toBe(muAt(pos));
    expect(await lab.sliderPosition(), `slider after ${key}`).toBe(pos);
    await expect(map).toHaveAttribute('aria-valuenow', String(muAt(pos)));
  }
  await map.press('ArrowRight');
  await lab.waitDone({ mu: muAt(2) });
  await expect(page.getByTestId('regime-readout')).toContainText(`μ = ${muAt(2)}: of 100 coordinates`);
  await expect(map).toBeFocused();
  problems.expectNone();
  await context.close();
});

/**
 * For each column, the centres (device rows) of the runs of pixels within `tol` of `rgb`, read
 * in the page from the canvas' own bitmap.
 */
async function colourRuns(map, cols, rgb, tol = 60) {
  return map.evaluate(
    (el, { cols, rgb, tol }) => {
      const data = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
      return cols.map((col) => {
        const runs = [];
        let start = -1;
        for (let y = 0; y <= el.height; y += 1) {
          const i = (y * el.width + col) * 4;
          const on = y < el.height && Math.hypot(data[i] - rgb[0], data[i + 1] - rgb[1], data[i + 2] - rgb[2]) <= tol;
          if (on && start < 0) start = y;
          if (!on && start >= 0) {
            runs.push((start + y - 1) / 2);
            start = -1;
          }
        }
        return runs;
      });
    },
    { cols, rgb, tol },
  );
}

test('the boundary curves are at 1 ± 1/(2μ) to a pixel at 20 μ, and not at 1 ± 1/μ', async ({ browser }) => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchProblems(page);
  // μ = 0: no current-μ line or dots on the map, only the regions and their curves.
  const { map } = await openMap(page, 'mu=0', 0);
  await expect(page.getByTestId('regime-sentence')).toContainText('the whole plane is inside');
  const g = await geometry(map);
  const scale = g.bh / g.h; // device px per CSS px
  // The curves' colour: the page's foreground (--fg, the palette's foreground).
  const fg = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--fg').trim());
  const rgb = [1, 3, 5].map((i) => parseInt(fg.slice(i, i + 2), 16));
  // 20 μ from 0.05 to 3 (beyond, the two curves are under 7 px apart and merge into one line), each moved to the centre of its device-pixel column: the curve is
  // expected where it crosses the column's middle. Canvas coordinates put pixel r's centre at
  // r + 0.5, so a row index is the canvas y − 0.5.
  const cols = Array.from({ length: 20 }, (_, k) => Math.floor(toCanvas(g, 0.05 * 60 ** (k / 19), 0).x * scale));
  const mus = cols.map((col) => g.muLo * (g.muHi / g.muLo) ** (((col + 0.5) / scale - g.left) / g.width));
  const rowOf = (mu, z0) => toCanvas(g, mu, z0).y * scale - 0.5;
  const runs = await colourRuns(map, cols, rgb);
  const nearest = (list, row) => list.reduce((best, r) => (Math.abs(r - row) < Math.abs(best - row) ? r : best), Infinity);
  let discriminated = 0;
  mus.forEach((mu, k) => {
    for (const sign of [-1, 1]) {
      const want = rowOf(mu, 1 + sign / (2 * mu));
      const got = nearest(runs[k], want);
      const off = Math.abs(got - want) / scale;
      console.log(`μ = ${mu.toPrecision(4)} ${sign > 0 ? 'upper' : 'lower'}: expected row ${want.toFixed(1)}, drawn ${got} (${off.toFixed(2)} CSS px off)`);
      expect.soft(off, `μ = ${mu}: curve 1 ${sign > 0 ? '+' : '−'} 1/(2μ) within 1 px`).toBeLessThanOrEqual(1);
      // The detector can fail: where 1 ± 1/μ is more than 4 px away, nothing is drawn there.
      const wrong = rowOf(mu, 1 + sign / mu);
      if (Math.abs(wrong - want) > 4 * scale && wrong > g.top * scale && wrong < (g.top + g.height) * scale) {
        expect(Math.abs(nearest(runs[k], wrong) - wrong) / scale, `μ = ${mu}: nothing at 1 ± 1/μ`).toBeGreaterThan(1);
        discriminated += 1;
      }
    }
  });
  console.log(`the wrong curve 1 ± 1/μ was checked absent at ${discriminated} places`);
  expect(discriminated).toBeGreaterThanOrEqual(10);
  problems.expectNone();
  await context.close();
});

test('the three regions are shaded in three distinct colours, light and dark', async ({ browser }) => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ ...DESKTOP, colorScheme });
    const page = await context.newPage();
    const { map } = await openMap(page, 'mu=0', 0);
    const g = await geometry(map);
    const scale = g.bh / g.h;
    const spots = { lower: [1, -8], inside: [0.01, 3], upper: [1, 8] };
    const colours = {};
    for (const [name, [mu, z0]] of Object.entries(spots)) {
      const p = toCanvas(g, mu, z0);
      colours[name] = await map.evaluate(
        (el, { x, y }) => [...el.getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3)],
        { x: Math.round(p.x * scale), y: Math.round(p.y * scale) },
      );
    }
    console.log(`${colorScheme}: ${JSON.stringify(colours)}`);
    const d = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    expect(d(colours.lower, colours.inside)).toBeGreaterThan(40);
    expect(d(colours.upper, colours.inside)).toBeGreaterThan(40);
    expect(d(colours.lower, colours.upper)).toBeGreaterThan(40);
    // The legend names each region beside its swatch.
    const legend = page.locator('.regime-legend');
    for (const text of ['pinned to the lower edge', 'inside the band', 'pinned to the upper edge']) {
      await expect(legend).toContainText(text);
    }
    await context.close();
  }
});

test('accessibility (axe-core): the page with the regime map shown has no violations', async ({ browser }) => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchProblems(page);
  const { map } = await openMap(page, 'mu=0.1', 0.1);
  await expect(map).toBeVisible();
  const g = await geometry(map);
  const p = toViewport(g, 0.2, 5);
  await page.mouse.move(p.x, p.y);
  await expect(page.getByTestId('regime-readout')).toContainText('pinned to the upper edge');
  expect(await axeScan(page)).toEqual([]);
  problems.expectNone();
  await context.close();
});

test('variants: Tournesol weights, pseudo-Huber and L2 say what the map shows', async ({ browser }) => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchProblems(page);
  const sentence = page.getByTestId('regime-sentence');
  await openMap(page, 'mu=0.2&w=tournesol', 0.2);
  await expect(sentence).toContainText("the boundary depends on the coordinate's weight");
  await openMap(page, 'mu=0.2&fit=huber', 0.2);
  await expect(sentence).toContainText('has no pinned region');
  await expect(page.locator('.regime-legend')).not.toContainText('pinned to the upper edge');
  await openMap(page, 'mu=0.2&fit=l2', 0.2);
  await expect(sentence).toContainText('The L2 fit has no pinned region');
  problems.expectNone();
  await context.close();
});

const SHOTS = [
  { name: 'regime-1366x900-light', options: DESKTOP, query: 'mu=0.1' },
  { name: 'regime-1366x900-dark', options: { ...DESKTOP, colorScheme: 'dark' }, query: 'mu=0.1' },
  { name: 'regime-390x844-phone', options: PHONE, query: 'mu=0.1' },
  { name: 'regime-1920x1080-tournesol', options: { viewport: { width: 1920, height: 1080 }, colorScheme: 'light' }, query: 'mu=0.2&w=tournesol' },
];

for (const S of SHOTS) {
  test(`screenshot ${S.name}`, async ({ browser }, testInfo) => {
    const context = await browser.newContext(S.options);
    const page = await context.newPage();
    const problems = watchProblems(page);
    const mu = Number(new URLSearchParams(S.query).get('mu'));
    const { map } = await openMap(page, S.query, mu);
    const section = page.locator('section.regime');
    await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const g = await geometry(map);
    const p = toViewport(g, 0.2, 5);
    await page.mouse.move(p.x, p.y);
    await expect(page.getByTestId('regime-readout')).toContainText('μ = 0.2, z0 = 5');
    const box = await section.boundingBox();
    expect(box.width, 'the map fits the viewport').toBeLessThanOrEqual(S.options.viewport.width);
    await shoot(testInfo, S.name, section);
    problems.expectNone();
    await context.close();
  });
}

test('lecture mode (present=1): the stage keeps to one screen, so the map is not on it', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('present=1&mu=0.1');
  await lab.waitDone({ mu: 0.1 });
  await expect(page.getByTestId('regime-map')).toBeHidden();
  const m = await page.evaluate(() => ({ sh: document.scrollingElement.scrollHeight, ih: innerHeight }));
  expect(m.sh, 'no vertical scrolling on the stage').toBeLessThanOrEqual(m.ih);
  await shoot(testInfo, 'regime-lecture-1280x720', page);
  problems.expectNone();
  await context.close();
});
