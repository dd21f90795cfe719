// Run by tests/e2e/guard.spec.mjs through guard/playwright.config.mjs, never by the main run: the
// first test fails on purpose, the second kills its own browser process.
import { test, expect } from '../fixtures.mjs';
import { execFileSync } from 'node:child_process';

test('a plain failure is not retried into a pass', async ({ page }) => {
  await page.goto('/?mu=0.05&n=50');
  expect(test.info().retry, 'fails on its first attempt, and a second attempt would pass').toBeGreaterThan(0);
});

test('a browser crash gets a second attempt', async ({ page }) => {
  await page.goto('/?mu=0.05&n=50');
  if (test.info().retry === 0) {
    // The browser is this worker's child (Debian's /usr/bin/chromium execs the binary): SIGSEGV,
    // as the Chromium fault this guard is for.
    for (const pid of execFileSync('pgrep', ['-P', String(process.pid)], { encoding: 'utf8' }).trim().split('\n')) {
      process.kill(Number(pid), 'SIGSEGV');
    }
  }
  await page.goto('/?mu=0.1&n=50');
  await expect(page.getByTestId('mu-input')).toHaveValue('0.1');
});

test('the test after a crash runs on a live browser', async ({ page }) => {
  await page.goto('/?mu=0.2&n=50');
  await expect(page.getByTestId('mu-input')).toHaveValue('0.2');
});
