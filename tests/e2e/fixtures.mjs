// The `test` every spec imports: Playwright's, plus one automatic fixture for a fault that is
// Chromium's, not reglab's.
//
// Debian's Chromium 148 sometimes dies in its browser process (SIGSEGV reading address 0x1b0,
// always at the same instruction) while a test closes its context or navigates on a loaded
// machine: CI's run of 46ce81a lost `french.spec` to it, and locally it came back in 1 to 4 of 90
// fresh loads closed at random moments. No page can cause that (the page runs in a renderer
// process), but every test after it in the same Playwright worker finds the shared browser gone
// ("browser.newContext: Target page, context or browser has been closed").
//
// So a test that failed while the browser process was gone runs once more (`retries: 1` in
// playwright.config.mjs), in a new worker with a new browser, and the report counts it as flaky.
// Any other failure is not retried: its second attempt fails at once and says why. The crash is
// written to the log with the test's name and the crash dump's folder.
//
// The same crash can come while Playwright launches the browser (a clean clone of df52019 lost
// `compare.spec` to it: "browserType.launch: Target page, context or browser has been closed",
// the log ending in `signal=SIGSEGV`). No test has run then, so the worker's browser is
// launched once more; a launch that fails any other way (no Chromium, bad flags) is not retried.
import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { launchOnceMoreAfterCrash } from './chromium.mjs';

// One folder per run (the config picks the port once per run), shared by its workers.
const CRASHED = path.join(os.tmpdir(), `reglab-e2e-browser-crashes-${process.env.E2E_PORT ?? 'external'}`);
const DUMPS = path.join(os.homedir(), '.config', 'chromium', 'Crash Reports', 'pending');

export const test = base.extend({
  // Playwright's own `browser` fixture (playwright/lib/index.js) with one more launch after a
  // crash. It depends on `_browserOptions`, Playwright's fixture that sets the launch options
  // (the config's `launchOptions`, headless, the trace folders) as the browser type's defaults,
  // so `launch()` takes them, as in Playwright's.
  browser: [
    async ({ playwright, browserName, _browserOptions }, use) => {
      const browser = await launchOnceMoreAfterCrash(() => playwright[browserName].launch(), 'Chromium');
      await use(browser);
      await browser.close({ reason: 'Test ended.' });
    },
    { scope: 'worker', timeout: 0 },
  ],
  browserCrashGuard: [
    async ({ browser }, use, testInfo) => {
      const mark = path.join(CRASHED, testInfo.testId);
      if (testInfo.retry > 0 && !fs.existsSync(mark)) {
        throw new Error(
          'not run again: only a test whose browser process crashed gets a second attempt (tests/e2e/fixtures.mjs); see the first attempt above',
        );
      }
      await use();
      if (testInfo.status !== testInfo.expectedStatus && !browser.isConnected()) {
        fs.mkdirSync(CRASHED, { recursive: true });
        fs.writeFileSync(mark, testInfo.errors.map((e) => e.message ?? String(e)).join('\n'));
        console.error(
          `##### Chromium's browser process is gone: "${testInfo.title}" failed on a dead browser ` +
            `(crash dumps: ${DUMPS}); it runs once more in a new browser`,
        );
      }
    },
    { auto: true },
  ],
});

export { expect };
