// Chromium (Debian's /usr/bin/chromium, launched as tests/e2e/chromium.mjs says), driven over the
// DevTools protocol by puppeteer-core: the same page object as Firefox, so the engine suite and
// the per-engine bench can run Chromium alongside (Playwright's suite covers it in depth).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

import { CHROMIUM_LAUNCH } from '../e2e/chromium.mjs';
import { puppeteerEngine } from './puppeteer.mjs';

const require = createRequire(import.meta.url);

export async function launch({ downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'reglab-chromium-dl-')) } = {}) {
  const executablePath = CHROMIUM_LAUNCH.executablePath;
  if (!fs.existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: run \`scripts/setup.sh chromium\``);
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath,
    headless: true, // puppeteer adds its own --headless
    args: CHROMIUM_LAUNCH.args.filter((a) => a !== '--headless'),
    protocolTimeout: 180_000,
  });
  const version = (await browser.version()).replace(/^[^/]*\//, '');
  const engine = puppeteerEngine({
    name: 'chromium',
    browserName: 'Chromium',
    browser,
    driver: `puppeteer-core ${require('puppeteer-core/package.json').version} over the DevTools protocol`,
    downloads,
    contextOptions: { downloadBehavior: { policy: 'allow', downloadPath: downloads } },
    consoleNote: 'console and page errors read over the DevTools protocol (page.on console/pageerror), plus failed requests and HTTP ≥ 400',
    async readClipboard(page) {
      const origin = new URL(await page.url()).origin;
      await page.page.browserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-write']);
      await page.page.bringToFront();
      return page.eval(() => navigator.clipboard.readText());
    },
  });
  return { ...engine, version, executable: executablePath };
}
