// Firefox ESR (Debian's firefox-esr), driven over WebDriver BiDi by puppeteer-core. Playwright's
// own Firefox build is a download and cannot be installed here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

import { puppeteerEngine } from './puppeteer.mjs';

const require = createRequire(import.meta.url);
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

export async function launch({ downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'reglab-firefox-dl-')) } = {}) {
  if (!fs.existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX}: run \`scripts/setup.sh engines\``);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocolTimeout: 180_000,
    extraPrefsFirefox: {
      // Downloads go to `downloads` without a dialog.
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.manager.showWhenStarting': false,
      'browser.helperApps.neverAsk.saveToDisk': 'text/csv,image/png,application/octet-stream',
      // The test can read back what the page wrote to the clipboard (no paste prompt): Firefox's
      // own switch for automated tests of the async Clipboard API.
      'dom.events.testing.asyncClipboard': true,
    },
  });
  // BiDi says "firefox/153.8.0"; the binary's own --version adds the channel ("153.8.0esr").
  let version = (await browser.version()).replace(/^[^/\d]*\/?/, '');
  try {
    version = /([\d.]+\S*)\s*$/.exec(execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).trim())?.[1] ?? version;
  } catch {
    // keep what the driver said
  }
  const engine = puppeteerEngine({
    name: 'firefox',
    browserName: 'Firefox ESR',
    browser,
    driver: `puppeteer-core ${require('puppeteer-core/package.json').version} over WebDriver BiDi`,
    downloads,
    consoleNote: 'console and page errors read over WebDriver BiDi (page.on console/pageerror), plus failed requests and HTTP ≥ 400',
    readClipboard: (page) => page.eval(() => navigator.clipboard.readText()),
  });
  return { ...engine, version, executable: FIREFOX };
}
