// The three-engine suite's crash guard (tests/engines/run.mjs), checked with its drills
// (tests/engines/crash-drill.mjs) in Chromium and WebKit: an engine whose browser process dies
// mid-check gets one more run of its checks in a new browser and passes there; a check that fails
// with its browser alive is not run again, and fails the suite. A Chromium that dies as it starts
// (tests/e2e/guard/chromium-crashes-at-start.sh) is launched once more. And WebKit's launcher: a
// driver that never opens a session (tests/engines/hung-driver.mjs) is replaced by a new one.
import { test, expect } from './fixtures.mjs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { crashAtStart } from './guard/crash-at-start.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.resolve(ROOT, process.env.E2E_DIST ?? 'dist');

/** The suite run with drill `kind` in `engine` (Chromium unless said), with `env` added: its
 * exit code and output. The output is not printed whole (its `#####` and `FAIL` lines are the
 * drill's, not the suite's): each assertion carries it instead, and one summary line is printed. */
function drill(kind, { engine = 'chromium', env = {} } = {}) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'tests', 'engines', 'run.mjs'), '--dist', DIST, '--engines', engine, '--drill', kind],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20, env: { ...process.env, ...env } },
      (err, stdout, stderr) => resolve({ code: err ? err.code : 0, out: `${stdout}${stderr}` }),
    );
  });
}

test('a browser process that dies mid-check gets its engine one more run in a new browser', async () => {
  test.setTimeout(120_000);
  const { code, out } = await drill('crash');
  const say = (what) => `${what}; the drill printed:\n${out}`;
  expect(out, say('the guard announces the second run')).toContain("##### chromium's browser process is gone (during check (x)): its checks run once more in a new browser");
  expect(out, say('the check ran again')).toContain('run 2: the browser is alive and this check passes');
  expect(out, say("the engine's line")).toMatch(/1 of 1 checks passed, on a second run after its browser process crashed/);
  expect(out, say('the total')).toContain('1 passed, 0 failed');
  expect(code, say('the exit code')).toBe(0);
  console.log(`engines guard: the crash drill passed on its engine's second run, exit ${code}`);
});

test('a Chromium that crashes while it starts is launched once more', async () => {
  test.setTimeout(120_000);
  const launch = crashAtStart();
  // The crash drill on top: the launch, the check's crash and the second run's launch.
  const { code, out } = await drill('crash', { env: launch.env });
  const say = (what) => `${what}; the drill printed:\n${out}`;
  expect(launch.crashed(), say('the stand-in crashed the first launch')).toBe(true);
  expect(out, say('the guard announces the second launch')).toContain("##### chromium's browser process crashed while it started (killed by a signal): it is launched once more");
  expect(out, say('no "could not start"')).not.toContain('could not start');
  expect(out, say("the engine's line")).toMatch(/1 of 1 checks passed, on a second run after its browser process crashed/);
  expect(code, say('the exit code')).toBe(0);
  console.log(`engines guard: a Chromium that crashed at launch was launched once more and its check passed, exit ${code}`);
});

test('a check that fails with its browser alive is not run again and fails the suite', async () => {
  test.setTimeout(120_000);
  const { code, out } = await drill('fail');
  const say = (what) => `${what}; the drill printed:\n${out}`;
  expect(out, say('the check failed')).toContain('drill failure on run 1');
  expect(out, say('no second run')).not.toContain('run 2');
  expect(out, say('no crash announced')).not.toContain('browser process is gone');
  expect(out, say("the engine's line")).toContain('0 of 1 checks passed, 1 FAILED');
  expect(out, say('the total')).toContain('0 passed, 1 failed');
  expect(code, say('the exit code')).toBe(1);
  console.log(`engines guard: the fail drill failed once, as it must, with no second run, exit ${code}`);
});

test("a WebKit MiniBrowser that dies mid-check gets WebKit one more run in a new browser", async () => {
  test.setTimeout(120_000);
  const { code, out } = await drill('crash', { engine: 'webkit' });
  const say = (what) => `${what}; the drill printed:\n${out}`;
  // Before the guard knew WebKit's browser process, the drill slept its 60 s and failed.
  expect(out, say('the check ended at once')).toContain("webkit's browser process went away during the check");
  expect(out, say('the guard announces the second run')).toContain("##### webkit's browser process is gone (during check (x)): its checks run once more in a new browser");
  expect(out, say('the check ran again')).toContain('run 2: the browser is alive and this check passes');
  expect(out, say("the engine's line")).toMatch(/engine webkit, .*1 of 1 checks passed, on a second run after its browser process crashed/);
  expect(code, say('the exit code')).toBe(0);
  console.log(`engines guard: the WebKit crash drill passed on its engine's second run, exit ${code}`);
});

test('a WebKit driver that never opens a session is replaced by a new one', async () => {
  test.setTimeout(120_000);
  // Each launch's first driver answers /status and nothing else; the wait for its session is
  // cut to 3 s (30 s in the suite).
  const env = { REGLAB_WEBKIT_DRILL: 'hung-session', REGLAB_WEBKIT_SESSION_MS: '3000' };
  const { code, out } = await drill('fail', { engine: 'webkit', env });
  const say = (what) => `${what}; the drill printed:\n${out}`;
  expect(out, say('the hung session given up')).toContain('##### WebKit: WebKitWebDriver opening a session: no answer within 3000 ms: a new WebKitWebDriver and one more try');
  // The new driver's MiniBrowser ran the check: the drill's own failure, not "could not start".
  expect(out, say('the check ran')).toContain('drill failure on run 1');
  expect(out, say("the engine's line")).toMatch(/engine webkit, WebKitGTK MiniBrowser [\d.]+: 0 of 1 checks passed, 1 FAILED/);
  expect(out, say('no crash announced')).not.toContain('browser process is gone');
  expect(code, say('the exit code')).toBe(1);
  console.log(`engines guard: WebKit's hung first driver was replaced and its check ran, exit ${code}`);
});
