// WebKit: Debian's webkit2gtk-driver (WebKitWebDriver, classic WebDriver) launching the
// MiniBrowser that libwebkit2gtk-4.1-0 ships, with --automation, under Xvfb (xvfb-run -a, unless
// DISPLAY is already set); selenium-webdriver is the client. Playwright's WebKit build is a
// download and cannot be installed here.
//
// Classic WebDriver cannot read the console. So after every navigation the page object installs,
// through one evaluate, a recorder of console.error/console.warn calls, uncaught errors, unhandled
// rejections, resource load errors and CSP violations (the page's own code calls console.* at call
// time, so it is recorded), and problems() also reads what the page itself reports: any visible
// role=alert element (link notices, the worker-restart notice, run errors), a status in state
// error, and resources answered with HTTP ≥ 400 (Resource Timing). What happens before that
// recorder is installed (during the load) is seen only through the page's own reports.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Builder, By, Key } from 'selenium-webdriver';

import { byTestId, sleep, waitFor, withTimeout } from './common.mjs';
import { newFileIn } from './puppeteer.mjs';
import { freePort } from '../shared/net.mjs';

const require = createRequire(import.meta.url);

/** The MiniBrowser that Debian's libwebkit2gtk-4.1-0 ships (WEBKIT_MINIBROWSER overrides it). */
export function miniBrowser() {
  if (process.env.WEBKIT_MINIBROWSER) return process.env.WEBKIT_MINIBROWSER;
  try {
    const listed = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' })
      .split('\n')
      .find((l) => /\/MiniBrowser$/.test(l));
    if (listed) return listed;
  } catch {
    // not installed: the check below says so
  }
  return '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
}

const WEBDRIVER = process.env.WEBKIT_WEBDRIVER ?? 'WebKitWebDriver';
// The drill of tests/e2e/engines-guard.spec.mjs: the first driver of each launch never opens a
// session (hung-driver.mjs), and REGLAB_WEBKIT_SESSION_MS shortens the wait for it.
const HUNG_DRIVER = path.join(path.dirname(new URL(import.meta.url).pathname), 'hung-driver.mjs');
const DRILL_HUNG_SESSION = process.env.REGLAB_WEBKIT_DRILL === 'hung-session';

/**
 * Starts WebKitWebDriver (under xvfb-run -a when there is no display); resolves to { url, stop }.
 * MiniBrowser saves downloads without asking, into the XDG download directory (else the home
 * directory): the driver and its browsers get a config directory of their own whose
 * user-dirs.dirs points that at `downloads`.
 */
async function startDriver(downloads, { hung = false } = {}) {
  const port = await freePort();
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'reglab-webkit-config-'));
  fs.writeFileSync(path.join(config, 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
  const [cmd, argv] = hung
    ? [process.execPath, [HUNG_DRIVER, `--port=${port}`]]
    : process.env.DISPLAY
      ? [WEBDRIVER, [`--port=${port}`]]
      : ['xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', WEBDRIVER, `--port=${port}`]];
  // A process group of its own, so that stop() ends xvfb-run, Xvfb, the driver and its browsers.
  const child = spawn(cmd, argv, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: config },
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.once('error', (e) => (log += String(e)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      () => fetch(`${url}/status`).then((r) => r.ok),
      (ok) => ok === true,
      { timeout: 30_000, interval: 200, message: `${WEBDRIVER} on port ${port}`, fail: () => (child.exitCode !== null ? `${cmd} exited: ${log}` : null) },
    );
  } catch (e) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    throw e;
  }
  return {
    url,
    /** The process group of xvfb-run, Xvfb, the driver and its browsers (spawned detached). */
    group: child.pid,
    /** What the driver and its browsers printed about processes that crashed or were killed. */
    crashes: () => log.split('\n').filter((l) => /crash|terminat|signal|killed|abort/i.test(l)),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
          await Promise.race([exited, sleep(5_000)]);
        } catch {
          // already gone
        }
      }
      fs.rmSync(config, { recursive: true, force: true });
    },
  };
}

// Installed into the page after each navigation (see the top of this file).
function installRecorder() {
  if (window.__engineProblems) return;
  const list = [];
  Object.defineProperty(window, '__engineProblems', { value: list });
  const text = (a) => (a instanceof Error ? `${a.message}` : typeof a === 'object' ? JSON.stringify(a) : String(a));
  for (const kind of ['error', 'warn']) {
    const original = console[kind];
    console[kind] = function (...a) {
      list.push(`console.${kind} ${a.map(text).join(' ')}`);
      return original.apply(this, a);
    };
  }
  window.addEventListener(
    'error',
    (e) => {
      if (e.target && e.target !== window) list.push(`failed to load ${e.target.src || e.target.href || e.target.tagName}`);
      else list.push(`pageerror: ${e.message} @ ${e.filename}:${e.lineno}${e.error?.stack ? `\n${e.error.stack}` : ''}`);
    },
    true,
  );
  window.addEventListener('unhandledrejection', (e) => list.push(`unhandledrejection: ${text(e.reason)}`));
  document.addEventListener('securitypolicyviolation', (e) =>
    list.push(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} @ ${e.sourceFile}:${e.lineNumber}`),
  );
}

// What the page itself reports, plus what the recorder caught (then cleared).
function harvest() {
  const out = [...(window.__engineProblems ?? [])];
  if (window.__engineProblems) window.__engineProblems.length = 0;
  for (const el of document.querySelectorAll('[role=alert]')) {
    if (el.getClientRects().length) out.push(`the page shows an alert: ${el.textContent.trim()}`);
  }
  const status = document.querySelector('[data-testid=status]');
  if (status?.dataset.state === 'error') out.push(`the run is in state error: ${status.textContent}`);
  for (const e of performance.getEntriesByType('resource')) {
    if (e.responseStatus >= 400) out.push(`HTTP ${e.responseStatus} for ${e.name}`);
  }
  return out;
}

const KEYS = { ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, Enter: Key.ENTER, Escape: Key.ESCAPE, Space: ' ' };

class WebKitPage {
  constructor(session, handle) {
    this.session = session;
    this.handle = handle;
    this.seen = [];
    this.closed = false;
  }

  get driver() {
    return this.session.driver;
  }

  async activate() {
    if (this.session.current !== this.handle) {
      await this.driver.switchTo().window(this.handle);
      this.session.current = this.handle;
    }
  }

  async harvest() {
    try {
      await this.activate();
      for (const p of await this.driver.executeScript(harvest)) if (!this.seen.includes(p)) this.seen.push(p);
    } catch {
      // no document yet (or it is gone): nothing to read
    }
  }

  async goto(url) {
    await this.harvest();
    await this.driver.get(url);
    await this.driver.executeScript(installRecorder);
  }

  async reload() {
    await this.harvest();
    await this.driver.navigate().refresh();
    await this.driver.executeScript(installRecorder);
  }

  async url() {
    await this.activate();
    return this.driver.executeScript(() => location.href);
  }

  async eval(fn, ...args) {
    await this.activate();
    return this.driver.executeScript(fn, ...args);
  }

  async click(testId) {
    await this.activate();
    const el = await this.driver.findElement(By.css(byTestId(testId)));
    await el.click();
  }

  async focus(testId) {
    await this.eval((sel) => document.querySelector(sel).focus(), byTestId(testId));
  }

  /** A key press to the focused element (W3C key actions). */
  async press(key) {
    await this.activate();
    await this.driver.actions().sendKeys(KEYS[key] ?? key).perform();
  }

  /** A trusted mouse drag along the element, held (W3C pointer actions; see puppeteer.mjs). */
  async dragHeld(testId, fractions, pause) {
    await this.activate();
    const el = await this.driver.findElement(By.css(byTestId(testId)));
    const { width } = await el.getRect();
    // Pointer offsets are from the element's centre, in whole CSS px.
    const x = (f) => Math.round(2 + (width - 4) * f - width / 2);
    let actions = this.driver.actions({ async: true }).move({ origin: el, x: x(fractions[0]), y: 0 }).press();
    for (const f of fractions.slice(1)) actions = actions.move({ origin: el, x: x(f), y: 0, duration: pause });
    await actions.perform();
  }

  async pointerUp() {
    await this.activate();
    await this.driver.actions({ async: true }).release().perform();
  }

  async problems() {
    if (!this.closed) await this.harvest();
    return [...this.seen];
  }

  async close() {
    if (this.closed) return;
    await this.harvest();
    this.closed = true;
    const handles = await this.driver.getAllWindowHandles().catch(() => []);
    if (handles.length > 1) {
      await this.activate();
      await this.driver.close();
      // Closing leaves the driver in no window, and WebKitWebDriver answers "new window" from
      // there with NoSuchWindowError (check r, opened after q closed its page): it goes on in a
      // window that is still open.
      const next = handles.find((h) => h !== this.handle);
      await this.driver.switchTo().window(next);
      this.session.current = next;
    }
  }
}

/** How long a new WebDriver session may take: MiniBrowser starts in ≈ 1 s here. */
const SESSION_MS = Number(process.env.REGLAB_WEBKIT_SESSION_MS ?? 30_000);

/** Process `pid`'s name, state letter (R, S, Z…) and process group from /proc, or null when
 * there is no such process. Linux only, as Debian's WebKit is. */
function procStat(pid) {
  let stat;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const close = stat.lastIndexOf(')');
  const [state, , group] = stat.slice(close + 2).split(' ');
  return { name: stat.slice(stat.indexOf('(') + 1, close), state, group: Number(group) };
}

/** Whether process `pid` runs (a zombie has ended). */
const running = (pid) => pid !== null && !['Z', 'X', undefined].includes(procStat(pid)?.state);

/**
 * The MiniBrowser (WebKit's UI process, the browser itself) that the driver of process group
 * `group` launched, or null. A crashed or aborted MiniBrowser leaves no trace the driver tells:
 * WebKitWebDriver then waits for ever on the command in flight (seen once in `make bench`: no
 * MiniBrowser left, the driver asleep, a request open).
 */
function miniBrowserIn(group) {
  const pid = fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .find((entry) => {
      const p = procStat(entry);
      return p?.name === 'MiniBrowser' && p.group === group && p.state !== 'Z';
    });
  return pid === undefined ? null : Number(pid);
}

export async function launch({ downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'reglab-webkit-dl-')) } = {}) {
  const binary = miniBrowser();
  if (!fs.existsSync(binary)) throw new Error(`no MiniBrowser at ${binary}: run \`scripts/setup.sh engines\` (webkit2gtk-driver)`);
  let server = await startDriver(downloads, { hung: DRILL_HUNG_SESSION });
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary, args: ['--automation'] },
  };
  // `browser`: the pid of the session's MiniBrowser; `opening` while a session is being replaced
  // (its MiniBrowser quits on purpose then, which is no crash).
  const session = { driver: null, current: null, pages: 0, browser: null, opening: false };
  const build = async () => {
    session.driver = await withTimeout(
      new Builder().disableEnvironmentOverrides().usingServer(server.url).withCapabilities(capabilities).build(),
      SESSION_MS,
      'WebKitWebDriver opening a session',
    );
    session.current = await withTimeout(session.driver.getWindowHandle(), SESSION_MS, 'WebKitWebDriver naming its window');
    session.browser = miniBrowserIn(server.group);
    session.pages = 0;
    await session.driver.manage().window().setRect({ width: 1400, height: 900 }).catch(() => {});
  };
  // A session that does not open in SESSION_MS gets one more try on a new driver (the old one
  // and whatever it launched are ended with its process group).
  const open = async () => {
    session.opening = true;
    try {
      await build();
    } catch (e) {
      console.log(`##### WebKit: ${e.message}: a new WebKitWebDriver and one more try`);
      await server.stop();
      server = await startDriver(downloads);
      await build();
    } finally {
      session.opening = false;
    }
  };
  try {
    await open();
  } catch (e) {
    await server.stop();
    throw e;
  }
  // Without a MiniBrowser found (another process layout), no crash can be told: alive then.
  const alive = () => session.browser === null || running(session.browser);
  // Settles when the session's MiniBrowser goes away other than by opening a new session
  // (polled: the driver gives no sign), or at close(): run.mjs's crash guard.
  let closing = false;
  const gone = new Promise((resolve) => {
    const poll = setInterval(() => {
      if (closing || (!session.opening && !alive())) {
        clearInterval(poll);
        resolve();
      }
    }, 250);
    poll.unref();
  });
  const caps = await session.driver.getCapabilities();
  const version = caps.get('browserVersion') ?? '?';
  return {
    name: 'webkit',
    browser: 'WebKitGTK MiniBrowser',
    // Printed with a failed check: an engine process that crashed leaves a blank page behind.
    crashes: () => server.crashes(),
    alive,
    gone,
    pid: () => session.browser,
    version,
    executable: binary,
    driver: `WebKitWebDriver (classic WebDriver) + selenium-webdriver ${require('selenium-webdriver/package.json').version}${process.env.DISPLAY ? '' : ', under xvfb-run'}`,
    consoleNote:
      'classic WebDriver cannot read the console: read from a recorder the page object installs after each load (console.error/warn, uncaught errors, CSP violations) and from what the page reports (role=alert notices, a status in state error, HTTP ≥ 400 in Resource Timing)',
    /**
     * A page. The first of a session is its window; later ones are new windows (a tab in the background gets no animation frames, and the page sends its runs from one). `fresh`: a new
     * session (a new MiniBrowser, nothing shared with earlier pages), which ends the old one.
     */
    async newPage({ fresh = false } = {}) {
      if (fresh && session.pages > 0) {
        session.opening = true;
        await withTimeout(session.driver.quit(), SESSION_MS, 'WebKitWebDriver ending a session').catch(() => {});
        await open();
      }
      session.pages += 1;
      if (session.pages === 1) return new WebKitPage(session, session.current);
      await session.driver.switchTo().newWindow('window');
      session.current = await session.driver.getWindowHandle();
      return new WebKitPage(session, session.current);
    },
    /** What the page wrote to the clipboard: pasted (Ctrl+V) into a field added for it, then removed. */
    async readClipboard(page) {
      await page.eval(() => {
        const field = document.createElement('input');
        field.id = '__paste';
        document.body.append(field);
        field.focus();
      });
      await page.driver.actions().keyDown(Key.CONTROL).sendKeys('v').keyUp(Key.CONTROL).perform();
      await sleep(200);
      return page.eval(() => {
        const field = document.getElementById('__paste');
        const v = field.value;
        field.remove();
        return v;
      });
    },
    async download(page, testId) {
      // A real download into `downloads`; and, to compare, the Blob the page saves and the name
      // it gives it (src/ui/download.rs: a Blob, an object URL, an <a download> clicked).
      await page.eval(() => {
        if (window.__downloads) return;
        const seen = [];
        Object.defineProperty(window, '__downloads', { value: seen });
        const blobs = new Map();
        const create = URL.createObjectURL;
        URL.createObjectURL = function (obj) {
          const url = create.call(this, obj);
          blobs.set(url, obj);
          return url;
        };
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
          if (this.hasAttribute('download')) seen.push({ name: this.download, blob: blobs.get(this.href) ?? null });
          return click.call(this);
        };
      });
      const n = await page.eval(() => window.__downloads.length);
      const before = new Set(fs.readdirSync(downloads));
      await page.click(testId);
      await waitFor(() => page.eval(() => window.__downloads.length), (k) => k > n, { timeout: 15_000, message: 'the page to save a file' });
      const got = await page.eval(async (k) => {
        const d = window.__downloads[k];
        return { name: d.name, type: d.blob?.type ?? null, text: d.blob ? await d.blob.text() : null };
      }, n);
      if (got.text === null) throw new Error(`the page clicked a download link (${got.name}) without a Blob from URL.createObjectURL`);
      const file = await newFileIn(downloads, before, { timeout: 15_000 });
      const text = fs.readFileSync(path.join(downloads, file), 'utf8');
      if (text !== got.text) throw new Error(`the saved ${file} differs from the Blob the page made (${text.length} vs ${got.text.length} characters)`);
      return {
        name: file,
        text,
        how: `a real download, saved to ${path.join(downloads, file)} (MiniBrowser saves to the XDG download directory; equal to the page's Blob, ${got.type})`,
      };
    },
    async close() {
      closing = true;
      // A driver whose MiniBrowser is gone may never answer quit: its process group ends anyway.
      if (alive()) await withTimeout(session.driver.quit(), 10_000, 'WebKitWebDriver ending its session').catch(() => {});
      await server.stop();
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
}
