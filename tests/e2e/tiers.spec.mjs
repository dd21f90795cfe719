// Issue 17's two tiers: a μ move shows the new band, z* and counts in the frame of the input —
// before the worker can answer (tests/shared/two-tiers.mjs lets only microtasks run after the
// input) — and the learned z follows with the worker's answer. `reglab:input-to-analytic` is
// measured once per move, `reglab:input-to-frame` when the converged frame is drawn.
import { test, expect } from './fixtures.mjs';

import { Lab, RUN_TIMEOUT, bandFor, closeRel, muAt, positionOf, watchProblems } from './helpers.mjs';
import { moveSlider } from '../shared/two-tiers.mjs';

/** Coordinates of the seed's z0 = linspace(−10, 10, 100) outside [lo, hi]. */
function clampedCount({ lo, hi }) {
  return Array.from({ length: 100 }, (_, i) => -10 + (20 * i) / 99).filter((z) => z < lo || z > hi).length;
}

test('a slider move draws the new μ’s band, z* and counts before the worker answers; the learned z follows', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('mu=0.1');
  await lab.waitDone({ mu: 0.1, timeout: RUN_TIMEOUT });
  for (const target of [0.05, 0.5, 0.02]) {
    const pos = positionOf(target);
    const mu = muAt(pos);
    const band = bandFor(mu);
    const k = clampedCount(band);
    const { before, after } = await page.evaluate(moveSlider, pos);
    console.log(`tiers: μ ${before.bandMu} → ${mu}: before the worker answers, ${JSON.stringify(after)}`);
    // The worker has not answered: the run on the chart is the old one…
    expect(after.runMu).toBe(before.runMu);
    expect(after.run).toBe(before.run);
    expect(after.frames).toBe(before.frames);
    // …but the band, z*, caption and counts are the new μ's, drawn in this frame.
    expect(closeRel(Number(after.bandMu), mu), `band drawn for μ ${after.bandMu}, not ${mu}`).toBe(true);
    expect(closeRel(Number(after.bandLo), band.lo), `band readout lo ${after.bandLo}, not ${band.lo}`).toBe(true);
    expect(Number(after.clampedK)).toBe(k);
    expect(after.caption).toContain(`${100 - k} of 100 coordinates follow z0`);
    expect(after.caption).not.toBe(before.caption);
    expect(after.analytic).toBe(before.analytic + 1);
    // The learned z follows: the converged frame for μ, measured once.
    await lab.waitDone({ mu, timeout: RUN_TIMEOUT });
    const done = await page.evaluate(() => ({
      frames: performance.getEntriesByName('reglab:input-to-frame').length,
      analytic: performance.getEntriesByName('reglab:input-to-analytic').length,
      bandMu: document.querySelector('[data-testid="chart-z"]').getAttribute('data-band-mu'),
      caption: document.querySelector('[data-testid="lecture-caption"]').textContent.trim(),
    }));
    expect(done.frames).toBe(before.frames + 1);
    expect(done.analytic).toBe(after.analytic);
    expect(done.caption).toBe(after.caption);
    expect(closeRel(Number(done.bandMu), mu)).toBe(true);
  }
  problems.expectNone();
});
