// Hosting (issue 8): the release build (dist/, or E2E_DIST) served under /reglab/ with the strict
// Content-Security-Policy works in every view with no CSP violation; after one visit it works with
// the server stopped (service worker); a new deploy takes over without touching a running page.
//
// Each test starts and stops its own server (scripts/serve-dist.mjs on a free port): stopping it
// is the point. Fresh browser contexts per test: no service worker leaks into other specs.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Lab, watchProblems, bandFor } from './helpers.mjs';
import { freePort } from '../shared/net.mjs';
import { serve } from '../engines/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const DIST = path.resolve(process.env.E2E_DIST ?? path.join(ROOT, 'dist'));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const BASE = '/reglab/';

/**
 * Records CSP violations of the page (the securitypolicyviolation event, before any page script
 * runs). Chromium also logs each violation, of the page and of its workers, as a console error,
 * which watchProblems catches.
 */
async function watchCsp(context) {
  await context.addInitScript(() => {
    const seen = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} @ ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}
const cspViolations = (page) => page.evaluate(() => window.__cspViolations.slice());

/** Whether a canvas has anything but one flat colour on it (read from a copy). */
async function drawn(page, testId) {
  return page.getByTestId(testId).evaluate((el) => {
    if (el.width === 0 || el.height === 0) return false;
    const copy = document.createElement('canvas');
    copy.width = el.width;
    copy.height = el.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(el, 0, 0);
    const d = ctx.getImageData(0, 0, el.width, el.height).data;
    for (let i = 4; i < d.length; i += 4) {
      if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3]) return true;
    }
    return false;
  });
}

const buildOf = (page) => page.locator('meta[name=reglab-build]').getAttribute('content');

/** Waits until a service worker controls the page; returns the build version it serves. */
async function controllingVersion(page, timeout = 30_000) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout });
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        navigator.serviceWorker.addEventListener('message', (e) => resolve(e.data?.version ?? null), { once: true });
        navigator.serviceWorker.startMessages();
        navigator.serviceWorker.controller.postMessage('version');
        setTimeout(() => resolve(null), 5_000);
      }),
  );
}

/** Opens the live view at `query` and checks it ran and drew; returns ms until the worker was ready. */
async function liveWorks(page, url, mu) {
  const lab = new Lab(page);
  const t0 = Date.now();
  await page.goto(url);
  await lab.waitReady();
  const readyMs = Date.now() - t0;
  await lab.waitDone({ mu });
  const band = await lab.band();
  expect([band.lo, band.hi]).toEqual([bandFor(mu).lo, bandFor(mu).hi]);
  expect(await drawn(page, 'chart-z')).toBe(true);
  return readyMs;
}

test.beforeAll(() => {
  expect(fs.existsSync(path.join(DIST, 'index.html')), `${DIST}/index.html: build first (make build)`).toBe(true);
});

test('the build has no inline script and serves every file with the CSP header', async () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/\bsrc="\.\/loader-[0-9a-f]{16}\.js"/);
    expect(body.trim()).toBe('');
  }
  expect(html).not.toMatch(/\sstyle=|\son[a-z]+=|<style|data:|javascript:/i);
  // The same policy travels in the page, for hosts that send no headers (GitHub Pages).
  expect(html).toContain(`http-equiv="Content-Security-Policy" content="${CSP}"`);
  // The service worker caches every file of the build; only the un-hashed ones go network first.
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  const list = (name) => JSON.parse(sw.match(new RegExp(`^const ${name} = (\\[.*\\]);$`, 'm'))[1]);
  const [immutable, mutable] = [list('IMMUTABLE'), list('MUTABLE')];
  // Every file of the build, sub-directories included (wasm-bindgen's JS snippets).
  const files = fs.readdirSync(DIST, { recursive: true }).filter((f) => fs.statSync(path.join(DIST, f)).isFile()).map((f) => f.split(path.sep).join('/'));
  // notebook-templates.txt: the notebook export's templates, fetched on export (scripts/notebook-bundle.mjs).
  // snippets/<crate>-<hash>/inlineN.js: the crate's inline JS (the page's canvas boxes,
  // src/ui/canvas.rs; the worker's vector-state reset, src/worker/upper_state.rs); the directory's
  // hash names the crate, not the content, so they go network first like worker.js.
  const snippets = files.filter((f) => f.startsWith('snippets/')).sort();
  expect(snippets.length).toBe(2);
  for (const f of snippets) expect(f).toMatch(/^snippets\/reglab-[0-9a-f]{16}\/inline\d+\.js$/);
  expect(mutable.sort()).toEqual(['./index.html', './notebook-templates.txt', ...snippets.map((f) => `./${f}`), './worker.js', './worker_bg.wasm', './worker_loader.js'].sort());
  expect([...immutable, ...mutable].sort()).toEqual(files.filter((f) => f !== 'sw.js').map((f) => `./${f}`).sort());

  const server = await serve(DIST);
  try {
    for (const file of ['', ...files]) {
      const res = await fetch(`${server.url}${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-security-policy'), file).toBe(CSP);
    }
    console.log(`hosting: ${files.length} files under ${BASE}, each with the CSP header; no inline script`);
  } finally {
    await server.stop();
  }
});

test('under /reglab/ with the CSP: the live, sweep, lecture and compare views all draw, 0 CSP violations', async ({ context, page }) => {
  const server = await serve(DIST);
  try {
    await watchCsp(context);
    const problems = watchProblems(page);
    const lab = new Lab(page);

    const response = await page.goto(server.url);
    expect(response.headers()['content-security-policy']).toBe(CSP);
    await lab.waitDone({ mu: 0.1 });
    expect(await drawn(page, 'chart-z')).toBe(true);
    expect(await drawn(page, 'chart-loss')).toBe(true);

    await page.goto(`${server.url}?view=sweep`);
    await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    expect(await drawn(page, 'heatmap-learned')).toBe(true);
    expect(await drawn(page, 'chart-overlay')).toBe(true);
    // The legend's colour chips are coloured through CSSOM (style:background), which the CSP allows.
    const chips = await page.locator('.chip').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(chips.length).toBeGreaterThan(1);
    for (const c of chips) expect(c).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
    // Exports are downloads of blob: URLs; the annotated PNG has plotters measure its caption and
    // legend text (a span styled through CSSOM under the CSP, see scripts/postbuild.mjs).
    await page.getByTestId('png-chart').selectOption('overlay');
    for (const id of ['export-png', 'export-sweep-csv']) {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
      expect(fs.statSync(await file.path()).size, id).toBeGreaterThan(1000);
    }

    await page.goto(`${server.url}?present=1`);
    await lab.waitDone({ mu: 0.1 });
    await expect(page.getByTestId('lecture-caption')).toBeVisible();
    expect(await drawn(page, 'chart-z')).toBe(true);

    await page.goto(`${server.url}?compare=prox`);
    await lab.waitDone({ mu: 0.1 });
    await expect(page.getByTestId('err-inf-compare')).toBeVisible();
    expect(await drawn(page, 'chart-subopt')).toBe(true);

    const violations = await cspViolations(page);
    console.log(`hosting: live, sweep, lecture, compare under ${BASE} with the CSP: ${violations.length} CSP violations, ${problems.list.length} console problems`);
    expect(violations).toEqual([]);
    await page.waitForTimeout(300);
    problems.expectNone();

    // The watch can fail: an inline style attribute, which the policy forbids, is seen both ways
    // (once per copy of the policy: the header and the <meta>).
    await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
    await expect.poll(async () => (await cspViolations(page)).length).toBeGreaterThanOrEqual(1);
    for (const v of await cspViolations(page)) expect(v).toContain('style-src');
    expect(problems.list.join('\n')).toContain('Content Security Policy');
  } finally {
    await server.stop();
  }
});

test('offline after one visit: with the server stopped, a reload and a new ?mu= link still work', async ({ context, page }) => {
  const server = await serve(DIST);
  try {
    await watchCsp(context);
    const problems = watchProblems(page);
    await liveWorks(page, `${server.url}?mu=0.25`, 0.25);
    const build = await buildOf(page);
    expect(build).toMatch(/^[0-9a-f]{16}$/);
    const version = await controllingVersion(page);
    expect(version, 'the service worker serves this build').toBe(build);
    await server.stop();

    // Server stopped: the page, its wasm and the worker come from the service worker's cache.
    const probe = await fetch(server.url).then(() => 'up', () => 'down');
    expect(probe, 'the server is really down').toBe('down');
    await page.reload();
    const t0 = Date.now();
    await new Lab(page).waitReady();
    const reloadReadyMs = Date.now() - t0;
    await new Lab(page).waitDone({ mu: 0.25 });
    expect(await drawn(page, 'chart-z')).toBe(true);
    expect(await buildOf(page)).toBe(build);

    const linkReadyMs = await liveWorks(page, `${server.url}?mu=0.5&epochs=20000`, 0.5);
    await page.goto(`${server.url}?view=sweep`);
    await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    expect(await drawn(page, 'heatmap-learned')).toBe(true);

    const violations = await cspViolations(page);
    console.log(
      `offline (server stopped): reload — worker ready in ${reloadReadyMs} ms; ?mu=0.5 link — ready in ${linkReadyMs} ms; sweep drawn; ${violations.length} CSP violations; build ${build}`,
    );
    expect(violations).toEqual([]);
    problems.expectNone();
  } finally {
    await server.stop();
  }
});

test('a new deploy: its service worker takes over, the running page is left alone, a reload gets it (also offline)', async ({ context, page }) => {
  // The "new deploy": the same build with another version (new sw.js bytes and index.html).
  const next = fs.mkdtempSync(path.join(os.tmpdir(), 'reglab-next-'));
  fs.cpSync(DIST, next, { recursive: true });
  const v1 = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').match(/name="reglab-build" content="([0-9a-f]{16})"/)[1];
  const v2 = [...v1].reverse().join('');
  for (const file of ['index.html', 'sw.js']) {
    const text = fs.readFileSync(path.join(next, file), 'utf8');
    expect(text).toContain(v1);
    fs.writeFileSync(path.join(next, file), text.replaceAll(v1, v2));
  }

  const port = await freePort();
  let server = await serve(DIST, { port });
  try {
    await watchCsp(context);
    const problems = watchProblems(page);
    await liveWorks(page, `${server.url}?mu=0.25`, 0.25);
    expect(await controllingVersion(page)).toBe(v1);

    // Deploy v2 on the same origin; the browser's update check (here asked for at once) finds it.
    await server.stop();
    server = await serve(next, { port });
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const takeOverMs = await page.evaluate(async () => {
      const t0 = performance.now();
      const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      await (await navigator.serviceWorker.getRegistration()).update();
      await changed;
      return Math.round(performance.now() - t0);
    });
    expect(await controllingVersion(page)).toBe(v2);
    // The running page was not reloaded or changed: same document, still v1, still done.
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    expect(await buildOf(page)).toBe(v1);
    await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done');
    // On activation (the controller changes first, then the activate handler runs) v1's cache goes.
    const cached = () => page.evaluate(() => caches.keys().then((ks) => ks.filter((k) => k.startsWith('reglab ')).map((k) => k.split(' ').pop())));
    await expect.poll(cached).toEqual([v2]);

    // A reload gets v2; and with the server stopped, v2 comes from the cache.
    await liveWorks(page, `${server.url}?mu=0.25`, 0.25);
    expect(await buildOf(page)).toBe(v2);
    await server.stop();
    const offlineReadyMs = await liveWorks(page, `${server.url}?mu=1`, 1);
    expect(await buildOf(page)).toBe(v2);

    expect(await cspViolations(page)).toEqual([]);
    console.log(
      `update: ${v1} → ${v2}: the new service worker took over in ${takeOverMs} ms, the running page kept ${v1}; reload → ${v2}; offline reload → ${v2} (worker ready in ${offlineReadyMs} ms); old cache deleted`,
    );
    problems.expectNone();
  } finally {
    await server.stop();
    fs.rmSync(next, { recursive: true, force: true });
  }
});

test('an app that cannot start says so on the page (its wasm broken in transit), instead of a blank page', async ({ context, page }) => {
  const server = await serve(DIST);
  try {
    // Every copy of the app's wasm arrives as garbage (a broken proxy, a half-written deploy).
    await context.route(/app-[0-9a-f]{1,16}_bg\.wasm$/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm at all') }),
    );
    await page.goto(`${server.url}?mu=0.25`);
    const fatal = page.getByTestId('fatal');
    await expect(fatal).toBeVisible({ timeout: 30_000 });
    await expect(fatal).toHaveAttribute('role', 'alert');
    const text = await fatal.textContent();
    expect(text).toMatch(/^reglab could not start: .+\. Reload the page: the link in the address bar keeps every setting\.$/);
    expect(await page.locator('.app').count(), 'no app on the page').toBe(0);
    expect(await page.locator('#boot').count(), 'no loading bar for an app that stopped').toBe(0);
    expect(page.url(), 'the link is kept').toContain('mu=0.25');
    console.log(`hosting: a broken app wasm → "${text}"`);
  } finally {
    await server.stop();
  }
});
