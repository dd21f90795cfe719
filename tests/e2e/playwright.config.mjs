// Playwright end-to-end tests for reglab, run by `make e2e` (and `make test`) against the
// release build in dist/. Spec files: tests/e2e/*.spec.{ts,js,mjs}.
//
// - The browser is Debian's /usr/bin/chromium (no Playwright browser download: this machine only
//   reaches package registries). Override with CHROMIUM=/path/to/chromium.
// - dist/ (or E2E_DIST=/path/to/a/build) is served by scripts/serve-dist.mjs on a free loopback
//   port, started before the tests and stopped after. The same build is served at / (baseURL) and
//   at /reglab/, so a spec can check that the site works under a sub-path: `page.goto('/reglab/')`.
//   Every response carries the site's strict Content-Security-Policy, so every spec also proves
//   the page needs nothing it forbids (a violation is a console error: watchProblems fails).
//   hosting.spec.mjs starts servers of its own (it stops them to test offline use).
// - E2E_BASE_URL=http://127.0.0.1:8080/ runs the specs against a server you started yourself
//   (e.g. `make serve`) instead.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './chromium.mjs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

// Pick the port once, in the runner process; worker processes inherit it through the environment
// and so agree on the same URL.
if (!process.env.E2E_BASE_URL && !process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s = require('net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });",
  ])
    .toString()
    .trim();
}
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${process.env.E2E_PORT}/`;

export default defineConfig({
  testDir: here,
  outputDir: path.join(root, 'test-results'),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two cores: one browser at a time keeps timings (wasm start-up, the worker's runs) predictable.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  // Only for a test whose Chromium browser process crashed (a Chromium fault, not the page's):
  // tests/e2e/fixtures.mjs fails every other second attempt at once.
  retries: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: CHROMIUM_LAUNCH,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: external
    ? undefined
    : {
        command: `node scripts/serve-dist.mjs --dir ${JSON.stringify(process.env.E2E_DIST ?? 'dist')} --host 127.0.0.1 --port ${process.env.E2E_PORT} --base /reglab/ --csp on`,
        cwd: root,
        url: baseURL,
        reuseExistingServer: false,
        timeout: 30_000,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
