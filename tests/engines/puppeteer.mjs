// The page object over puppeteer-core, for Firefox ESR (WebDriver BiDi) and Chromium (DevTools
// protocol). The API is the one described in common.mjs.
import fs from 'node:fs';
import path from 'node:path';

import { byTestId, sleep, waitFor } from './common.mjs';

const NAV_TIMEOUT = 60_000;
/** How long after a navigation the old document's aborted loads may still be reported. */
const ABORT_GRACE_MS = 3_000;

export class PuppeteerPage {
  /** @param {import('puppeteer-core').Page} page */
  constructor(page, { ownContext = null } = {}) {
    this.page = page;
    this.ownContext = ownContext;
    this.seen = [];
    const add = (text) => {
      if (!this.seen.includes(text)) this.seen.push(text);
    };
    page.on('console', (msg) => {
      const type = msg.type();
      if (type === 'error' || type === 'warn' || type === 'warning' || type === 'assert') {
        const loc = msg.location();
        add(`console.${type} ${msg.text()}${loc?.url ? ` @ ${loc.url}:${loc.lineNumber}` : ''}`);
      }
    });
    // When this page last started and ended a navigation the test asked for (see `aborted`).
    this.navigating = { from: -Infinity, to: -Infinity };
    page.on('pageerror', (err) => {
      if (this.aborted(String(err?.message ?? err))) return;
      add(`pageerror: ${err?.stack ?? err}`);
    });
    page.on('requestfailed', (req) => {
      // A navigation that a later navigation replaced is not a failure of the page.
      const why = req.failure()?.errorText ?? '?';
      if (/NS_BINDING_ABORTED|net::ERR_ABORTED/.test(why)) return;
      add(`requestfailed: ${req.method()} ${req.url()} — ${why}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) add(`HTTP ${res.status()} for ${res.url()}`);
    });
  }

  /** Whether `message` is Firefox's report of a load that a navigation of the test's cut short,
   * seen through the service worker: a request the worker was answering when the document that
   * made it went away. Without a service worker the same abort is a `requestfailed` with
   * NS_BINDING_ABORTED, which is not a failure of the page either (above). Only within
   * `ABORT_GRACE_MS` of such a navigation. Measured (target/probe, Firefox ESR 140): a page that
   * starts three workers and is navigated at once logs it for 1 to 4 of 8 navigations; the same
   * workers terminated instead of navigated away from, never. */
  aborted(message) {
    const now = Date.now();
    const near = now >= this.navigating.from && now <= this.navigating.to + ABORT_GRACE_MS;
    return near && /^(Error: )?Failed to load ‘[^’]+’\. A ServiceWorker intercepted the request and encountered an unexpected error\.$/.test(message.trim());
  }

  async navigate(go) {
    this.navigating = { from: Date.now(), to: Infinity };
    try {
      await go();
    } finally {
      this.navigating.to = Date.now();
    }
  }

  async goto(url) {
    await this.navigate(() => this.page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT }));
  }

  async reload() {
    await this.navigate(() => this.page.reload({ waitUntil: 'load', timeout: NAV_TIMEOUT }));
  }

  /** The page's current URL (read from the page: it rewrites it with history.replaceState). */
  url() {
    return this.page.evaluate(() => location.href);
  }

  eval(fn, ...args) {
    return this.page.evaluate(fn, ...args);
  }

  /** A real (trusted) mouse click in the middle of the element. */
  async click(testId) {
    const el = await waitFor(() => this.page.$(byTestId(testId)), (h) => h !== null, {
      timeout: 15_000,
      message: `[data-testid=${testId}]`,
    });
    await el.click();
  }

  async focus(testId) {
    await this.page.focus(byTestId(testId));
  }

  /** A trusted key press (to the focused element), with Playwright/Puppeteer key names. */
  async press(key) {
    await this.page.keyboard.press(key);
  }

  /** A trusted mouse drag along the element, held: the button goes down at each fraction's
   * point of its width in turn (on its middle line), `pause` ms apart, and stays down until
   * `pointerUp`. */
  async dragHeld(testId, fractions, pause) {
    const box = await (await this.page.$(byTestId(testId))).boundingBox();
    const at = (f) => [box.x + 2 + (box.width - 4) * f, box.y + box.height / 2];
    await this.page.mouse.move(...at(fractions[0]));
    await this.page.mouse.down();
    for (const f of fractions.slice(1)) {
      await this.page.mouse.move(...at(f));
      await sleep(pause);
    }
  }

  async pointerUp() {
    await this.page.mouse.up();
  }

  async problems() {
    return [...this.seen];
  }

  async close() {
    await this.page.close().catch(() => {});
    if (this.ownContext) await this.ownContext.close().catch(() => {});
  }
}

/** Waits for one new, complete file in `dir` (none of the browsers' partial names); returns it. */
export async function newFileIn(dir, before, { timeout = 30_000 } = {}) {
  const partial = /\.(part|crdownload|download|tmp)$/i;
  const file = await waitFor(
    () => fs.readdirSync(dir).filter((f) => !before.has(f) && !partial.test(f)),
    (files) => files.length > 0,
    { timeout, message: `a downloaded file in ${dir}` },
  ).then((files) => files[0]);
  // Let the browser finish writing (its partial file is renamed when done; size stable anyway).
  let size = -1;
  for (;;) {
    const s = fs.statSync(path.join(dir, file)).size;
    if (s === size && s > 0) break;
    size = s;
    await sleep(100);
  }
  return file;
}

/** The engine object (common.mjs) around a launched puppeteer browser. */
export function puppeteerEngine({ name, browserName, browser, driver, downloads, contextOptions = {}, consoleNote, readClipboard }) {
  let shared = null;
  // Settles when the browser process goes away (a crash, or close()): run.mjs's crash guard.
  const gone = new Promise((resolve) => browser.once('disconnected', resolve));
  return {
    name,
    browser: browserName,
    driver,
    consoleNote,
    puppeteer: browser,
    alive: () => browser.connected,
    gone,
    pid: () => browser.process()?.pid ?? null,
    async newPage({ fresh = false } = {}) {
      if (fresh) {
        const ctx = await browser.createBrowserContext(contextOptions);
        return new PuppeteerPage(await ctx.newPage(), { ownContext: ctx });
      }
      shared ??= await browser.createBrowserContext(contextOptions);
      return new PuppeteerPage(await shared.newPage());
    },
    readClipboard: (page) => readClipboard(page),
    async download(page, testId) {
      fs.mkdirSync(downloads, { recursive: true });
      const before = new Set(fs.readdirSync(downloads));
      await page.click(testId);
      const file = await newFileIn(downloads, before);
      const text = fs.readFileSync(path.join(downloads, file), 'utf8');
      return { name: file, text, how: `a real download, saved to ${path.join(downloads, file)}` };
    },
    async close() {
      await browser.close().catch(() => {});
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
}
