// The problem watcher itself (helpers.mjs › watchProblems): every other spec trusts it to fail on a
// request the page could not load, and to stay quiet about requests that a navigation cancelled
// on the document it left (the language menu reloads the page; specs navigate). Both halves are
// provoked here on purpose, with the favicon held or aborted by a route.
import { test, expect } from './fixtures.mjs';

import { Lab, watchProblems } from './helpers.mjs';

const ICON = '**/icon-*.png';

test('the watcher counts an aborted request of the page it is on as a problem', async ({ page }) => {
  const problems = watchProblems(page);
  await page.route(ICON, (route) => route.abort('aborted'));
  const lab = new Lab(page);
  await lab.open('mu=0.05&n=50');
  await expect.poll(() => problems.list.length, { timeout: 15_000 }).toBeGreaterThan(0);
  expect(problems.list.join('\n')).toMatch(/requestfailed: GET .*icon-[0-9a-f]+\.png — net::ERR_ABORTED/);
  expect(problems.abandoned).toEqual([]);
});

test('the watcher leaves out a request that a navigation cancelled on the page it left', async ({ page }) => {
  const problems = watchProblems(page);
  // The first document's favicon never arrives; the second document's does.
  let held = 0;
  await page.route(ICON, (route) => {
    held += 1;
    if (held === 1) return; // neither fulfilled nor aborted: still in flight when the page is left
    return route.continue();
  });
  const lab = new Lab(page);
  await lab.open('mu=0.05&n=50');
  await expect.poll(() => held, { timeout: 15_000 }).toBeGreaterThan(0);
  await lab.open('mu=0.1&n=50');
  await expect.poll(() => problems.abandoned.length, { timeout: 15_000 }).toBeGreaterThan(0);
  expect(problems.abandoned.join('\n')).toMatch(/icon-[0-9a-f]+\.png — net::ERR_ABORTED/);
  problems.expectNone();
});
