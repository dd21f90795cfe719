// After the app started, a trap of its wasm (WebKit once trapped mid-run: README "Engines") stops
// it: the loader's guard (scripts/postbuild.mjs STARTUP_GUARD) says so on the page, leaves the
// last picture inert and offers Reload. Any other error leaves the running app alone. The trap is
// raised as an engine raises one, an uncaught WebAssembly.RuntimeError (faults.spec provokes a
// real panic in a test-hooks build).
import { test, expect } from './fixtures.mjs';

import { Lab, watchProblems } from './helpers.mjs';

const TRAP = /Out of bounds memory access \(reglab e2e\)/;

test('a wasm trap after start: the page says reglab stopped, keeps the link, and Reload brings it back', async ({ page }) => {
  const problems = watchProblems(page, { allow: [TRAP] });
  const lab = new Lab(page);
  await lab.open('mu=0.25&epochs=3000&n=20');
  await lab.waitDone();
  await page.evaluate(() => setTimeout(() => {
    throw new WebAssembly.RuntimeError('Out of bounds memory access (reglab e2e)');
  }));
  const fatal = page.getByTestId('fatal');
  await expect(fatal).toBeVisible({ timeout: 10_000 });
  expect(await fatal.textContent()).toBe(
    'reglab stopped: Out of bounds memory access (reglab e2e). Reload the page: the link in the address bar keeps every setting. Reload',
  );
  expect(await page.evaluate(() => document.querySelector('.app').inert)).toBe(true);
  expect(problems.allowed.length, 'the trap was seen once').toBe(1);
  problems.expectNone();
  await page.getByTestId('fatal-reload').click();
  await lab.waitDone();
  await expect(fatal).toHaveCount(0);
  expect(await lab.urlMu()).toBe(0.25);
});

test('an error that is not a wasm trap leaves the running app alone', async ({ page }) => {
  const problems = watchProblems(page, { allow: [/not a trap \(reglab e2e\)/] });
  const lab = new Lab(page);
  await lab.open('mu=0.25&epochs=3000&n=20');
  await lab.waitDone();
  await page.evaluate(() => {
    setTimeout(() => {
      throw new TypeError('not a trap (reglab e2e)');
    });
    setTimeout(() => Promise.reject(new Error('wasm-looking text, not a trap (reglab e2e)')));
  });
  await expect.poll(() => problems.allowed.length).toBe(2);
  await page.waitForTimeout(300); // the guard answers on the next task: give it that and more
  await expect(page.getByTestId('fatal')).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelector('.app').inert)).toBe(false);
  // Still alive: a new μ runs.
  await lab.page.getByTestId('mu-input').fill('0.5');
  await lab.page.getByTestId('mu-input').press('Enter');
  await lab.waitDone({ mu: 0.5 });
  problems.expectNone();
});
