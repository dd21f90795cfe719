// The browser-crash guard (tests/e2e/fixtures.mjs), checked by running guard/crash.guard.mjs in a
// Playwright run of its own: a test that fails on its own is not run again, a test whose browser
// process died gets one more attempt in a new browser and passes there, and the next test does
// not inherit the dead browser.
import { test, expect } from './fixtures.mjs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');

/** The JSON report of the guard's own run (its exit code is 1: one test fails on purpose). */
function guardRun() {
  return new Promise((resolve, reject) => {
    execFile(
      path.join(ROOT, 'node_modules', '.bin', 'playwright'),
      ['test', '--config', path.join(here, 'guard', 'playwright.config.mjs')],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        try {
          resolve({ report: JSON.parse(stdout), stderr });
        } catch {
          reject(new Error(`the guard's run printed no JSON report (${err?.message ?? 'no error'}):\n${stderr}`));
        }
      },
    );
  });
}

test('a Chromium crash gets one more attempt in a new browser; any other failure does not', async () => {
  test.setTimeout(180_000);
  const { report, stderr } = await guardRun();
  const outcome = {};
  for (const suite of report.suites) {
    for (const spec of suite.specs) {
      const t = spec.tests[0];
      outcome[spec.title] = { status: t.status, attempts: t.results.map((r) => r.status), errors: t.results.map((r) => r.error?.message ?? '') };
    }
  }
  console.log(`guard: ${JSON.stringify(Object.fromEntries(Object.entries(outcome).map(([k, v]) => [k, [v.status, ...v.attempts]])))}`);
  const plain = outcome['a plain failure is not retried into a pass'];
  expect(plain.status).toBe('unexpected');
  expect(plain.attempts).toEqual(['failed', 'failed']);
  expect(plain.errors[1]).toContain('not run again');
  const crash = outcome['a browser crash gets a second attempt'];
  expect(crash.status).toBe('flaky');
  expect(crash.attempts).toEqual(['failed', 'passed']);
  expect(stderr + JSON.stringify(report)).toContain("Chromium's browser process is gone");
  expect(outcome['the test after a crash runs on a live browser'].attempts).toEqual(['passed']);
});
