// Issue 17: a run shared among k workers (`workers=2`: the page's worker and one helper it
// starts, src/worker/split.rs) learns the same z as one worker, bit for bit: the Run CSV (each
// f32 in its shortest round-trip form) of a shared run equals the one-worker CSV, for the seed,
// a z0data link and a Tournesol state. A sweep shared by μ (`workers=3`: three sweep workers,
// src/view/sweep_parts.rs) has the one-worker rows: its Sweep CSV equals the one-worker CSV.
import fs from 'node:fs';

import { test, expect } from './fixtures.mjs';

import { Lab, watchProblems } from './helpers.mjs';

// 60 values (a sine with a slope), 16-bit quantised as the page's z0 codec writes them (the
// same link as tests/e2e/notebook.spec.mjs).
const Z0DATA =
  'AU0wNcDw9H1A8UREXbJ0XoqAnWethLluwejE4sN6vvm01KellyOFH3F4XBVI2DSZIxwVBwrfAgAAmgGxBxkSfCBaMg9H3F3rdVmOQqbDvArRXeIc8M_5J____2P8ivTY6NjZNci3tDmgnYvLd59l5lVUSX1AzTuIO8Q_aEgwVa1l';

const STATES = [
  { name: 'seed', query: 'mu=0.1' },
  { name: 'z0data', query: `z0=data&z0data=${Z0DATA}&lr=0.003&epochs=4000&mu=0.1` },
  { name: 'tournesol-prox', query: 'w=tournesol&tlambda=2&tcap=3&mu=5&c=0&fit=huber&delta=1&opt=prox' },
];

async function runCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  return fs.readFileSync(await download.path(), 'utf8');
}

const workersOf = (page) => page.getByTestId('status').getAttribute('data-workers');

/** Opens `query` with `workers` workers and returns the Run CSV of a run computed by that many. */
async function runOn(page, query, workers) {
  const lab = new Lab(page);
  await lab.open(`${query}&workers=${workers}`);
  await lab.waitDone({ timeout: 60_000 });
  // A fresh page's first run goes ahead while the helper loads; Run again until it is shared.
  await expect
    .poll(
      async () => {
        if ((await workersOf(page)) === String(workers)) return workers;
        await page.getByTestId('run').click();
        await lab.waitDone({ timeout: 60_000 });
        return Number(await workersOf(page));
      },
      { timeout: 60_000, intervals: [200] },
    )
    .toBe(workers);
  const status = await lab.status();
  return { csv: await runCsv(page), status };
}

for (const state of STATES) {
  test(`${state.name}: a run shared among 2 workers learns the one-worker z bit for bit`, async ({ page }) => {
    const problems = watchProblems(page);
    const one = await runOn(page, state.query, 1);
    const two = await runOn(page, state.query, 2);
    expect(two.status.text).toContain('shared among 2 workers');
    const rows = one.csv.trim().split('\n').length - 1;
    expect(rows).toBeGreaterThanOrEqual(60);
    expect(two.csv, 'the Run CSV of the shared run').toBe(one.csv);
    console.log(
      `workers ${state.name}: ${rows} coordinates, the same CSV on 1 and 2 workers; ` +
        `${one.status.elapsedMsText} ms on 1, ${two.status.elapsedMsText} ms on 2`,
    );
    problems.expectNone();
  });
}

/** Opens the sweep view of `query` with `workers` workers and returns its Sweep CSV. */
async function sweepOn(page, query, workers) {
  await page.goto(`/?view=sweep&${query}&workers=${workers}`);
  const status = page.getByTestId('sweep-status');
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(status).toHaveAttribute('data-workers', String(workers));
  const text = await status.textContent();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-sweep-csv').click(),
  ]);
  return { csv: fs.readFileSync(await download.path(), 'utf8'), text };
}

for (const state of STATES) {
  test(`${state.name}: a sweep shared among 3 workers by μ has the one-worker rows bit for bit`, async ({ page }) => {
    const problems = watchProblems(page);
    const one = await sweepOn(page, state.query, 1);
    const three = await sweepOn(page, state.query, 3);
    expect(one.text).not.toContain('shared among');
    expect(three.text).toContain('shared among 3 workers');
    const rows = one.csv.trim().split('\n').length - 1;
    expect(rows).toBeGreaterThanOrEqual(10);
    expect(three.csv, 'the Sweep CSV of the shared sweep').toBe(one.csv);
    console.log(`workers sweep ${state.name}: ${rows} rows, the same CSV on 1 and 3 workers`);
    problems.expectNone();
  });
}

// Without a `workers` key the page shares a run among cores − 1 workers, but no more than gives
// each 4 M coordinate-steps (src/worker/split.rs, auto_workers): WebKit reports 4 cores on a
// 2-core machine, and the seed (100 × 25 000 = 2.5 M) split 3 ways there ran 2–10× slower than on
// one worker.
test('without a workers key, the seed stays on one worker and a wide run is shared', async ({ page }) => {
  const problems = watchProblems(page);
  // What WebKit reports on this 2-core machine.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 4 }));
  const lab = new Lab(page);
  await lab.open('mu=0.1');
  await lab.waitDone({ timeout: 60_000 });
  expect(await page.evaluate(() => navigator.hardwareConcurrency)).toBe(4);
  // Run again while the helpers load: the seed must never be shared.
  for (let i = 0; i < 5; i += 1) {
    await page.getByTestId('run').click();
    await lab.waitDone({ timeout: 60_000 });
    expect(await workersOf(page), `seed run ${i + 1}`).toBe('1');
  }
  await lab.open('mu=0.1&n=2000&epochs=6000');
  await lab.waitDone({ timeout: 60_000 });
  // 2 000 × 6 000 = 12 M steps are worth 3 workers (the page's and 2 helpers, cores − 1 = 3).
  await expect
    .poll(
      async () => {
        if ((await workersOf(page)) === '3') return 3;
        await page.getByTestId('run').click();
        await lab.waitDone({ timeout: 60_000 });
        return Number(await workersOf(page));
      },
      { timeout: 60_000, intervals: [200] },
    )
    .toBe(3);
  problems.expectNone();
});
