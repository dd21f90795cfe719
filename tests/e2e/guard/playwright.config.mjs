// The crash guard's own run (tests/e2e/guard.spec.mjs starts it): the project's settings, this
// folder's *.guard.mjs files (which the main run's pattern never picks up: one of them fails on
// purpose), the outer run's server (the same E2E_PORT), its own output folder.
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import main from '../playwright.config.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  ...main,
  testDir: here,
  testMatch: '*.guard.mjs',
  outputDir: path.join(here, '..', '..', '..', 'test-results', 'guard'),
  reporter: [['json']],
  use: { ...main.use, screenshot: 'off', trace: 'off' },
  webServer: main.webServer && { ...main.webServer, reuseExistingServer: true },
});
