// Beyond the seed (issue 7): z0 you can draw — drag a point, copy the link, open it: the same z0
// (to the link encoding's precision) and the same result — pasted values, presets, and the
// Tournesol weights with a band per coordinate.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Lab, watchProblems } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = path.join(here, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

const f32 = (s) => Math.fround(Number(s));

/** Clicks export-csv and returns the rows as objects of f32 numbers (and the header). */
async function exportRows(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const keys = header.split(',');
  return {
    header,
    text,
    rows: lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i], f32(v)]))),
  };
}

/** The z chart's plotting area and data ranges (its data-plot attribute). */
async function plotGeometry(page) {
  const g = (await page.getByTestId('chart-z').getAttribute('data-plot')).split(' ').map(Number);
  const [left, right, top, bottom, x0, x1, y0, y1] = g;
  return {
    toPx: (x, y) => ({ x: left + ((x - x0) / (x1 - x0)) * (right - left), y: bottom - ((y - y0) / (y1 - y0)) * (bottom - top) }),
    toX: (px) => x0 + ((px - left) / (right - left)) * (x1 - x0),
  };
}

test('drag a z0 point, copy the link, open it: the same z0 and the same result', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('mu=0.25&play=instant');
  await lab.waitDone({ mu: 0.25 });
  const before = await exportRows(page);
  const i = 90; // z0 ≈ 8.18, clamped to the band's top edge 3 at μ = 0.25
  const { z0: fromZ0, z: fromZ } = before.rows[i];
  expect(Math.abs(fromZ - 3)).toBeLessThan(2e-2);

  // Grab the dot (it sits at (z0ᵢ, zᵢ)) and drag it sideways to z0 = 2, inside the band [−1, 3].
  // (The export above scrolled down to the export panel at the end of the page.)
  await page.getByTestId('chart-z').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('chart-z').boundingBox();
  const geo = await plotGeometry(page);
  const start = geo.toPx(fromZ0, fromZ);
  const runBefore = (await lab.chartInfo()).run;
  await page.mouse.move(box.x + start.x, box.y + start.y);
  await page.mouse.down();
  const target = geo.toPx(2, fromZ);
  await page.mouse.move(box.x + target.x, box.y + target.y, { steps: 12 });
  await page.mouse.up();
  await expect.poll(() => lab.urlParams().get('z0')).toBe('data');
  await expect.poll(async () => (await lab.chartInfo()).run).toBeGreaterThan(runBefore);
  await lab.waitDone();
  // Let the last run of the drag land, then read it.
  await page.waitForTimeout(300);
  await lab.waitDone();
  const dragged = await exportRows(page);
  expect(dragged.rows).toHaveLength(100);
  const moved = dragged.rows[i];
  // The dot went where the pointer went (the axis may rescale while dragging: within 0.5), and
  // now inside the band, z follows its new z0.
  expect(Math.abs(moved.z0 - 2)).toBeLessThan(0.5);
  expect(Math.abs(moved.z - moved.z0)).toBeLessThan(2e-2);
  // Every other z0 is the line's, to the encoding's precision (range 20 / 131070 ≈ 1.5e-4).
  const precision = (Math.max(...dragged.rows.map((r) => r.z0)) - Math.min(...dragged.rows.map((r) => r.z0))) / 131070;
  let worst = 0;
  dragged.rows.forEach((r, k) => {
    if (k !== i) worst = Math.max(worst, Math.abs(r.z0 - before.rows[k].z0));
  });
  expect(worst).toBeLessThanOrEqual(precision * 1.001);
  console.log(`drag: z0[${i}] ${fromZ0.toFixed(3)} → ${moved.z0.toFixed(3)}, z ${fromZ.toFixed(3)} → ${moved.z.toFixed(3)}; other z0 moved ≤ ${worst.toExponential(2)} (precision ${precision.toExponential(2)}); link ${page.url().length} chars`);

  // Copy the link and open it: the same z0 bit for bit, the same learned z bit for bit.
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toContainText('copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const again = await context.newPage();
  const problemsAgain = watchProblems(again);
  const lab2 = new Lab(again);
  await again.goto(link);
  await lab2.waitDone({ mu: 0.25 });
  await expect(again.getByTestId('notice')).toHaveCount(0);
  const reopened = await exportRows(again);
  expect(reopened.text).toBe(dragged.text);
  console.log('drag: the copied link reproduces z0 and z exactly (CSV identical)');
  problems.expectNone();
  problemsAgain.expectNone();
  await context.close();
});

test('paste z0 values; presets change z0 and the link', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('mu=0.5&play=instant');
  await lab.waitDone({ mu: 0.5 });
  await page.getByTestId('problem-panel').locator('summary').click();
  await page.getByTestId('z0-paste').fill('-3, 0.5\n2 40 -12.25');
  await page.getByTestId('z0-apply').click();
  await expect.poll(() => lab.urlParams().get('n')).toBe('5');
  await lab.waitDone();
  const { rows } = await exportRows(page);
  // The link carries 16-bit values between min and max: exact at the ends, within
  // (max − min)/131070 elsewhere.
  const pasted = [-3, 0.5, 2, 40, -12.25];
  const precision = (40 - -12.25) / 131070;
  rows.forEach((r, k) => expect(Math.abs(r.z0 - pasted[k])).toBeLessThanOrEqual(precision));
  expect([rows[3].z0, rows[4].z0]).toEqual([40, -12.25]);
  // μ = 0.5: band [0, 2] — each z is its z0 clamped into it.
  rows.forEach((r) => expect(Math.abs(r.z - Math.min(2, Math.max(0, r.z0)))).toBeLessThan(2e-2));

  // Bad text is refused with a message, and z0 stays.
  await page.getByTestId('z0-paste').fill('1 2 banana');
  await page.getByTestId('z0-apply').click();
  await expect(page.getByTestId('problem-panel').getByRole('alert')).toContainText('banana');
  expect(lab.urlParams().get('n')).toBe('5');

  for (const preset of ['noise', 'steps', 'sine', 'linspace']) {
    await page.getByTestId('param-z0').selectOption(preset);
    await expect.poll(() => lab.urlParams().get('z0')).toBe(preset);
    await lab.waitDone();
    const { rows: r } = await exportRows(page);
    expect(r).toHaveLength(5); // a preset keeps n (the pasted values set it to 5)
    expect(lab.urlParams().get('z0data')).toBeNull();
    if (preset === 'steps') expect(new Set(r.map((x) => x.z0)).size).toBe(5);
  }
  problems.expectNone();
});

test('the Tournesol preset: a band per coordinate, and z matches the weighted clamp', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('play=instant');
  await lab.waitDone({ mu: 0.1 });
  await page.getByTestId('problem-panel').locator('summary').click();
  await page.getByTestId('tournesol-preset').click();
  await lab.waitDone({ mu: 1 });
  const q = lab.urlParams();
  expect([q.get('w'), q.get('tlambda'), q.get('tcap'), q.get('mu'), q.get('fit')]).toEqual(['tournesol', '2', '3', '1', 'l1']);
  await expect(page.getByTestId('band')).toContainText('own band');

  const { header, rows } = await exportRows(page);
  expect(header).toBe('dim,z0,z,z_star,w');
  // Every weight is λ·n/(C + n) for a whole count n in 0…20 (the seeded draw).
  const allowed = Array.from({ length: 21 }, (_, n) => Math.fround(n === 0 ? 0 : (2 * n) / (3 + n)));
  rows.forEach((r) => expect(allowed).toContain(r.w));
  expect(new Set(rows.map((r) => r.w)).size).toBeGreaterThan(5);
  let worst = 0;
  for (const r of rows) {
    const half = r.w / 2; // w/(2μ) at μ = 1
    const clamp = Math.min(1 + half, Math.max(1 - half, r.z0));
    worst = Math.max(worst, Math.abs(r.z - clamp));
  }
  expect(worst).toBeLessThanOrEqual(2e-2);
  console.log(`tournesol: ${new Set(rows.map((r) => r.w)).size} distinct weights, max |z − clamp(z0, 1 ± w/2)| = ${worst.toExponential(2)}`);
  await page.getByTestId('chart-z').screenshot({ path: path.join(ARTIFACTS, 'tournesol-z.png') });
  problems.expectNone();
});

test('pseudo-Huber and L2 fits draw their exact optimum; old links are unchanged', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new Lab(page);
  for (const [query, label] of [['fit=huber&delta=0.5&mu=0.2', 'pseudo-Huber'], ['fit=l2&mu=0.2&c=-2', 'L2 fit']]) {
    await lab.open(`${query}&play=instant`);
    await lab.waitDone({ mu: 0.2 });
    await expect(page.getByTestId('band')).toContainText(label);
    const { rows } = await exportRows(page);
    const worst = Math.max(...rows.map((r) => Math.abs(r.z - r.z_star)));
    expect(worst).toBeLessThanOrEqual(2e-2);
    console.log(`${label}: max |z − z*| = ${worst.toExponential(2)}`);
  }
  // A link from before these keys: the seed's problem exactly (L1, band [−1, 3] at μ = 0.25).
  await lab.open('mu=0.25&play=instant');
  await lab.waitDone({ mu: 0.25 });
  expect(await lab.band()).toMatchObject({ lo: -1, hi: 3 });
  await expect(page.getByTestId('notice')).toHaveCount(0);
  problems.expectNone();
});
