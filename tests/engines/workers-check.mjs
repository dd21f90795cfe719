// Check (o) of the engines smoke suite (tests/engines/run.mjs): a run shared among two workers
// (`workers=2`: the page's worker starts a helper worker from inside itself, src/worker/split.rs)
// learns the one-worker z bit for bit in this engine: its Run CSV equals a one-worker page's.
// And a sweep shared among three workers by μ (`view=sweep&workers=3`: the page starts three
// sweep workers, src/view/sweep_parts.rs) has the one-worker rows: the same Sweep CSV.
import { waitFor } from './common.mjs';

/**
 * The Run CSV a page saves, read from the Blob it hands to `URL.createObjectURL` (the file the
 * browser then writes has the same name for both runs, which the engines' download helpers,
 * waiting for a new file, cannot tell apart).
 */
async function savedCsv(page, testId = 'export-csv') {
  await page.eval(() => {
    if (window.__csvBlobs) return;
    const seen = [];
    Object.defineProperty(window, '__csvBlobs', { value: seen });
    const create = URL.createObjectURL;
    URL.createObjectURL = function (obj) {
      if (obj instanceof Blob) seen.push(obj);
      return create.call(this, obj);
    };
  });
  const n = await page.eval(() => window.__csvBlobs.length);
  await page.click(testId);
  await waitFor(() => page.eval(() => window.__csvBlobs.length), (k) => k > n, { timeout: 15_000, message: testId });
  return page.eval((k) => window.__csvBlobs[k].text(), n);
}

/** The Sweep CSV of the link's sweep on a fresh page with `workers` workers, and the workers
 * its status says shared it. */
async function sweepOn(open, site, query, workers) {
  const page = await open();
  await page.goto(`${site.root}?${query}&view=sweep&workers=${workers}`);
  const status = (name) =>
    page.eval((a) => document.querySelector('[data-testid="sweep-status"]')?.getAttribute(a), name);
  await waitFor(() => status('data-state'), (s) => s === 'done', { timeout: 120_000, message: 'the sweep' });
  return { csv: await savedCsv(page, 'export-sweep-csv'), workers: await status('data-workers') };
}

/** The check, given the suite's `open` (a new page), the site, `check`, `waitDone`, and the
 * link (a) opened. */
export function workersCheck({ open, site, check, waitDone, link }) {
  return {
    id: 'o',
    name: 'a run shared among 2 workers (workers=2, a nested helper worker) learns the one-worker z bit for bit; a sweep shared among 3 by μ has the one-worker rows',
    async run() {
      // Both runs on fresh pages of their own: the pages of the earlier checks have been driven
      // (the slider, exports, lecture mode) and their state is not this check's.
      const single = await open();
      await single.goto(`${site.root}?${link.query}&workers=1`);
      await waitDone(single, link.mu);
      const one = await savedCsv(single);
      const page = await open();
      await page.goto(`${site.root}?${link.query}&workers=2`);
      await waitDone(page, link.mu);
      const workers = () => page.eval(() => document.querySelector('[data-testid="status"]')?.getAttribute('data-workers'));
      // A fresh page's first run goes ahead while the helper loads: Run again until it is shared.
      let shared = await workers();
      for (let i = 0; i < 30 && shared !== '2'; i += 1) {
        await new Promise((r) => setTimeout(r, 300));
        await page.click('run');
        await waitDone(page, link.mu);
        shared = await workers();
      }
      check(shared === '2', `the run was computed by ${shared} worker(s), not 2`);
      const two = await savedCsv(page);
      check(two === one, 'the Run CSV of the shared run differs from the one-worker CSV');
      const ms = await page.eval(() => document.querySelector('[data-testid="status"]')?.getAttribute('data-elapsed-ms'));
      const sweepOne = await sweepOn(open, site, link.query, 1);
      const sweepThree = await sweepOn(open, site, link.query, 3);
      check(sweepThree.workers === '3', `the sweep was shared among ${sweepThree.workers} worker(s), not 3`);
      check(sweepThree.csv === sweepOne.csv, 'the Sweep CSV of the shared sweep differs from the one-worker CSV');
      const rows = sweepOne.csv.trim().split('\n').length - 1;
      return (
        `${one.trim().split('\n').length - 1} coordinates, the same CSV on 1 and 2 workers (${ms} ms on 2); ` +
        `sweep: ${rows} rows, the same CSV on 1 and 3 workers`
      );
    },
  };
}
