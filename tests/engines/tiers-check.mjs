// Check (n) of the engines smoke suite (tests/engines/run.mjs): issue 17's two tiers in this
// engine. A slider move shows the new μ's band, z* and counts before the worker can answer
// (tests/shared/two-tiers.mjs lets only microtasks run after the input); the worker's answer
// then brings the learned z for that μ.
import { bandFor, closeRel, muAt, positionOf } from '../e2e/helpers.mjs';
import { moveSlider } from '../shared/two-tiers.mjs';
import { waitFor } from './common.mjs';

/** The check, given the suite's `open` (a new page), the served site and `waitDone(page, mu)`. */
export function tiersCheck({ open, site, waitDone }) {
  return {
    id: 'n',
    name: 'two tiers: a slider move draws the new band, z* and counts before the worker answers; the learned z follows',
    async run() {
      const page = await open();
      await page.goto(`${site.root}?mu=0.1&play=instant`);
      await waitDone(page, 0.1);
      const pos = positionOf(0.05);
      const mu = muAt(pos);
      const { before, after } = await page.eval(moveSlider, pos);
      const fail = (why) => {
        throw new Error(`${why}: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
      };
      if (after.runMu !== before.runMu || after.run !== before.run) fail('the run changed before the worker could answer');
      if (!closeRel(Number(after.bandMu), mu)) fail(`the chart's band is for μ ${after.bandMu}, not ${mu}`);
      if (!closeRel(Number(after.bandLo), bandFor(mu).lo)) fail(`the band readout is ${after.bandLo}, not ${bandFor(mu).lo}`);
      if (after.caption === before.caption) fail('the caption did not change');
      if (after.analytic !== before.analytic + 1) fail('no reglab:input-to-analytic measure');
      const done = await waitFor(
        () => page.eval(() => document.querySelector('[data-testid="chart-z"]')?.getAttribute('data-mu')),
        (m) => closeRel(Number(m), mu),
        { timeout: 60_000, message: `the learned z for μ ${mu}` },
      );
      return `before the worker: band μ ${after.bandMu}, band lo ${after.bandLo}, k ${after.clampedK}, run still μ ${after.runMu}; then the run for μ ${done}`;
    },
  };
}
