// Issue 17's first load: the loader starts the page's worker at once (scripts/postbuild.mjs
// EARLY_WORKER), so on a slow link its files load beside the app's wasm instead of after it, and
// the app adopts that worker for its runs; index.html's boot shell is on screen until the app
// starts.
import { test, expect } from './fixtures.mjs';

import { Lab, watchProblems } from './helpers.mjs';

// Lecture-hall Wi-Fi, as `make bench` throttles it (scripts/bench-browser.mjs WIFI).
const WIFI = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };

/**
 * Records every worker the page's scripts start (before any of them runs): when, and which kinds
 * of message it sent (the wire format, src/protocol.rs: postcard bytes whose first byte is
 * FromWorker's variant index; 2 = Done).
 */
async function recordWorkers(page) {
  await page.addInitScript(() => {
    const log = [];
    Object.defineProperty(window, '__workersStarted', { value: log });
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(...args) {
        super(...args);
        const me = { at: performance.now(), done: 0 };
        log.push(me);
        this.addEventListener('message', (ev) => {
          if (ev.data instanceof Uint8Array && ev.data[0] === 2) me.done += 1;
        });
      }
    };
  });
}

test('on a slow link the worker loads beside the app wasm, the page runs on it, and it shows its name before the app arrives', async ({ page, context }) => {
  const problems = watchProblems(page);
  await recordWorkers(page);
  // Requests of the page and of its workers, on the test's clock (a worker's own fetches are not
  // in the page's Resource Timing). Not the service worker's: it registers after the first chart.
  const seen = [];
  const t0 = Date.now();
  context.on('request', (q) => q.serviceWorker() || seen.push({ file: new URL(q.url()).pathname.split('/').pop(), start: Date.now() - t0, q }));
  context.on('requestfinished', (q) => {
    const s = seen.find((x) => x.q === q);
    if (s) s.end = Date.now() - t0;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', WIFI);
  const lab = new Lab(page);
  await lab.open('mu=0.1');
  await lab.waitDone({ mu: 0.1, timeout: 60_000 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  const app = seen.find((x) => /^app-[0-9a-f]{1,16}_bg\.wasm$/.test(x.file));
  const workerWasm = seen.filter((x) => x.file === 'worker_bg.wasm');
  const started = await page.evaluate(() => window.__workersStarted.map((w) => ({ ...w })));
  const appWasmEnd = await page.evaluate(
    () => performance.getEntriesByType('resource').find((e) => /app-[0-9a-f]{1,16}_bg\.wasm$/.test(e.name)).responseEnd,
  );
  console.log(
    `first load: app wasm ${app.start}–${app.end} ms, worker_bg.wasm ${workerWasm.map((w) => `${w.start}–${w.end}`).join(', ')} ms (test clock); ` +
      `workers started at ${started.map((w) => `${w.at.toFixed(0)} ms (${w.done} Done)`).join(', ')}, app wasm in at ${appWasmEnd.toFixed(0)} ms (page clock)`,
  );
  // The first worker started long before the app's wasm had arrived (it takes seconds at
  // 200 000 B/s), its wasm arrived first, and the page's run was answered by it: adopted.
  expect(started.length).toBeGreaterThan(0);
  expect(started[0].at, 'the first worker started while the app wasm was still loading').toBeLessThan(appWasmEnd - 1000);
  expect(workerWasm[0].end, 'the first worker’s wasm arrived before the app’s').toBeLessThan(app.end);
  expect(started[0].done, 'the page’s run was answered by the worker the loader started').toBeGreaterThan(0);
  // Meanwhile the page was not blank: index.html's boot shell (the name, the formula, a loading
  // bar) painted long before the app wasm arrived, and the app replaced it.
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
  console.log(`first contentful paint ${fcp?.toFixed(0)} ms, app wasm in at ${appWasmEnd.toFixed(0)} ms`);
  expect(fcp, 'the first contentful paint came while the app wasm was still loading').toBeLessThan(appWasmEnd - 1000);
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('h1')).toHaveCount(1);
  problems.expectNone();
});

test('the compare worker starts with compare mode, not with the page', async ({ page }) => {
  const problems = watchProblems(page);
  await recordWorkers(page);
  const lab = new Lab(page);
  await lab.open('mu=0.1');
  await lab.waitDone({ mu: 0.1 });
  // The live view's worker and the sweep view's: two, however long the page stays.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__workersStarted.length), 'workers of a page not in compare mode').toBe(2);
  // Compare mode (a second optimizer on the same problem) starts its worker when turned on.
  await page.getByTestId('param-compare').selectOption('prox');
  await expect.poll(() => page.evaluate(() => window.__workersStarted.length)).toBe(3);
  await expect(page.getByTestId('err-inf-compare')).toContainText(/proximal/i, { timeout: 30_000 });
  // Off and on again: the same worker runs it.
  await page.getByTestId('param-compare').selectOption('none');
  await expect(page.getByTestId('err-inf-compare')).toHaveCount(0);
  await page.getByTestId('param-compare').selectOption('sgd');
  await expect(page.getByTestId('err-inf-compare')).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => window.__workersStarted.length)).toBe(3);
  problems.expectNone();
});

test('the charts far down the page draw after the first converged chart is on screen, not before it', async ({ page }) => {
  const problems = watchProblems(page);
  // When each canvas first stamps the type size it drew with (`data-font-px`, set by every
  // chart's first draw), on the page's clock.
  await page.addInitScript(() => {
    const stamped = {};
    Object.defineProperty(window, '__firstDrawn', { value: stamped });
    new MutationObserver((records) => {
      for (const r of records) {
        const id = r.target.dataset.testid ?? [...r.target.classList].join('.');
        if (r.target.tagName === 'CANVAS' && r.target.hasAttribute('data-font-px')) stamped[id] ??= performance.now();
      }
    }).observe(document, { subtree: true, attributeFilter: ['data-font-px'] });
  });
  await page.setViewportSize({ width: 1400, height: 900 });
  const lab = new Lab(page);
  await lab.open('mu=0.1');
  await lab.waitDone({ mu: 0.1 });
  const regimeMap = page.getByTestId('regime-map');
  const explorer = page.getByTestId('explorer').locator('canvas');
  // Both are drawn once without being scrolled to (their type size is then known)…
  await expect(regimeMap).toHaveAttribute('data-font-px', /\d/);
  await expect(explorer).toHaveAttribute('data-font-px', /\d/);
  const t = await page.evaluate(() => ({
    firstResult: performance.getEntriesByName('reglab:first-result')[0].startTime,
    drawn: { ...window.__firstDrawn },
    below: [...document.querySelectorAll('[data-testid=regime-map], [data-testid=explorer] canvas')].map(
      (c) => c.getBoundingClientRect().top - innerHeight,
    ),
  }));
  console.log(`first converged chart at ${t.firstResult.toFixed(0)} ms; first draws: ${JSON.stringify(t.drawn, (k, v) => (typeof v === 'number' ? Math.round(v) : v))}`);
  // …far below the fold at this size…
  for (const px of t.below) expect(px, 'a chart this test expects far below the viewport').toBeGreaterThan(1000);
  // …and only once the first converged chart is on screen: the z chart drew before it.
  expect(t.drawn['chart-z']).toBeLessThanOrEqual(t.firstResult);
  for (const id of ['regime-map', 'chart.chart-explorer']) expect(t.drawn[id], `${id} first drawn`).toBeGreaterThan(t.firstResult);
  problems.expectNone();
});
