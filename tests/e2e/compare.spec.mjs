// Beyond the seed (issue 7): two optimizers side by side on the same problem.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Lab, watchProblems } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = path.join(here, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

/** How many pixels of a canvas are close to an RGB colour. */
async function colourCount(page, testId, [r, g, b], tol = 24) {
  return page.getByTestId(testId).evaluate(
    (el, [r, g, b, tol]) => {
      // Read a copy, so the page's own canvas is never flagged for repeated readbacks.
      const copy = document.createElement('canvas');
      copy.width = el.width;
      copy.height = el.height;
      const ctx = copy.getContext('2d', { willReadFrequently: true });
      ctx.drawImage(el, 0, 0);
      const d = ctx.getImageData(0, 0, el.width, el.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - r) <= tol && Math.abs(d[i + 1] - g) <= tol && Math.abs(d[i + 2] - b) <= tol) n += 1;
      }
      return n;
    },
    [r, g, b, tol],
  );
}

test('compare mode: Adam against the proximal method on the seed problem', async ({ page }, testInfo) => {
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('opt=adam&compare=prox');
  await lab.waitDone({ mu: 0.1 });
  const other = page.getByTestId('err-inf-compare');
  await expect(other).toBeVisible();
  await expect(other).toContainText(/proximal/i);
  const prox = Number(await other.getAttribute('data-value'));
  const adam = await lab.errInf();
  console.log(`compare: ‖z − z*‖∞ Adam ${adam.toExponential(2)}, proximal ${prox.toExponential(2)} (lr = 1e-3)`);
  expect(prox).toBeLessThanOrEqual(1e-6);
  // Adam's jitter does not go away: it stays on the scale of the learning rate.
  expect(adam).toBeGreaterThanOrEqual(1e-4);
  expect(adam).toBeLessThanOrEqual(2e-2);
  // Both are drawn: the compared optimizer is bluish green in the z chart and the distance chart.
  expect(await colourCount(page, 'chart-z', [0, 158, 115])).toBeGreaterThan(200);
  expect(await colourCount(page, 'chart-subopt', [0, 158, 115])).toBeGreaterThan(100);
  expect(await colourCount(page, 'chart-subopt', [0, 114, 178])).toBeGreaterThan(100);
  await expect(page.getByTestId('param-compare')).toHaveValue('prox');
  const file = path.join(ARTIFACTS, 'compare-adam-prox.png');
  await page.screenshot({ path: file });
  await testInfo.attach('compare', { path: file, contentType: 'image/png' });
  // Turning compare off removes the second run.
  await page.getByTestId('param-compare').selectOption('none');
  await expect(other).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('compare')).toBe('none');
  problems.expectNone();
});
