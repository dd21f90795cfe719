// The three-engine suite's crash guard (tests/engines/run.mjs), checked with its drills in
// Chromium (tests/engines/crash-drill.mjs): an engine whose browser process dies mid-check gets
// one more run of its checks in a new browser and passes there; a check that fails with its
// browser alive is not run again, and fails the suite.
import { test, expect } from './fixtures.mjs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.resolve(ROOT, process.env.E2E_DIST ?? 'dist');

/** The suite run with drill `kind` in Chromium: its exit code and output. */
function drill(kind) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'tests', 'engines', 'run.mjs'), '--dist', DIST, '--engines', 'chromium', '--drill', kind],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? err.code : 0, out: `${stdout}${stderr}` }),
    );
  });
}

test('a browser process that dies mid-check gets its engine one more run in a new browser', async () => {
  test.setTimeout(120_000);
  const { code, out } = await drill('crash');
  console.log(out);
  expect(out).toContain("##### chromium's browser process is gone (during check (x)): its checks run once more in a new browser");
  expect(out).toContain('run 2: the browser is alive and this check passes');
  expect(out).toMatch(/1 of 1 checks passed, on a second run after its browser process crashed/);
  expect(out).toContain('1 passed, 0 failed');
  expect(code).toBe(0);
});

test('a check that fails with its browser alive is not run again and fails the suite', async () => {
  test.setTimeout(120_000);
  const { code, out } = await drill('fail');
  console.log(out);
  expect(out).toContain('drill failure on run 1');
  expect(out).not.toContain('run 2');
  expect(out).not.toContain('browser process is gone');
  expect(out).toContain('0 of 1 checks passed, 1 FAILED');
  expect(out).toContain('0 passed, 1 failed');
  expect(code).toBe(1);
});
