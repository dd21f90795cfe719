// The browser-crash guard (tests/e2e/fixtures.mjs), checked by running guard/crash.guard.mjs in a
// Playwright run of its own: a test that fails on its own is not run again, a test whose browser
// process died gets one more attempt in a new browser and passes there, and the next test does
// not inherit the dead browser. A second run, with a Chromium that dies as it starts
// (guard/chromium-crashes-at-start.sh), checks that such a launch is made once more.
import { test, expect } from './fixtures.mjs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { crashAtStart } from './guard/crash-at-start.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');

/** Each test's { status, attempts, errors } in a JSON report, by title. */
function outcomes(report) {
  const outcome = {};
  for (const suite of report.suites) {
    for (const spec of suite.specs) {
      const t = spec.tests[0];
      outcome[spec.title] = { status: t.status, attempts: t.results.map((r) => r.status), errors: t.results.map((r) => r.error?.message ?? '') };
    }
  }
  return outcome;
}

/** The JSON report of the guard's own run, with `args` and `env` added to the command and the
 * environment (its exit code is 1 when a test fails, as one does on purpose). */
function guardRun(args = [], env = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      path.join(ROOT, 'node_modules', '.bin', 'playwright'),
      ['test', '--config', path.join(here, 'guard', 'playwright.config.mjs'), ...args],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...env } },
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
  const outcome = outcomes(report);
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

test('a Chromium that crashes while it starts is launched once more, and the test runs', async () => {
  test.setTimeout(120_000);
  const drill = crashAtStart();
  const title = 'the test after a crash runs on a live browser';
  const { report, stderr } = await guardRun(['--grep', title], drill.env);
  const outcome = outcomes(report);
  console.log(`guard, launch drill: ${JSON.stringify(outcome[title])}`);
  // The drill did crash a launch (the stand-in made its mark), and the guard said so.
  expect(drill.crashed()).toBe(true);
  // (A worker's output is written into the JSON report, with the test it ran for.)
  expect(stderr + JSON.stringify(report)).toContain("##### Chromium's browser process crashed while it started (killed by SIGSEGV): it is launched once more");
  expect(outcome[title].attempts).toEqual(['passed']);
  expect(Object.keys(outcome)).toEqual([title]);
});
