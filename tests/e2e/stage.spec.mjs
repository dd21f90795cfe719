// The stage: reglab on a projector (lecture mode), a laptop, a phone and inside someone else's
// page (embed), plus the ways a room gets the link (QR code, copy link, copy embed code).
//
// Every test prints its figures (boxes, scroll sizes, font sizes, target sizes, QR sizes) so a
// failing layout can be fixed from the log alone. Screenshots go to tests/e2e/artifacts/; with
// UPDATE_SCREENSHOTS=1 the ones the docs show are also written to docs/screenshots/, but only
// by a test that passed.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';

import { Lab, watchProblems, RUN_TIMEOUT } from './helpers.mjs';
import { decodePng } from './png.mjs';
import { startEmbedHost } from './embed-host.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const ARTIFACTS = path.join(here, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });
const DOCS_SHOTS = path.join(ROOT, 'docs', 'screenshots');
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Sub-pixel layout may put an edge a hair past the viewport; more than this is outside. */
const EPS = 0.5;

/** What the layout checks name, and where it is. */
const SEL = {
  caption: '[data-testid=lecture-caption]',
  'chart-z': '[data-testid=chart-z]',
  'chart-loss': '[data-testid=chart-loss]',
  'chart-subopt': '[data-testid=chart-subopt]',
  'mu-slider': '[data-testid=mu-slider]',
  'mu-input': '[data-testid=mu-input]',
  'embed-open': '[data-testid=embed-open]',
  'mu-bar': '.mu-bar',
};

// ----------------------------------------------------------------------------------------------
// Helpers
// ----------------------------------------------------------------------------------------------

/**
 * Waits for a finished run (status done, chart-z drawn) and then for the layout to stop moving
 * (the page measures --lab-top and redraws its canvases on resize after the first draw): the
 * canvases' boxes, bitmaps and font stamps and the page's scroll size unchanged for 10 frames.
 * `where` is a page or a frame.
 */
async function settle(where) {
  await expect(where.getByTestId('status')).toHaveAttribute('data-state', 'done', { timeout: RUN_TIMEOUT });
  await expect(where.getByTestId('chart-z')).toHaveAttribute('data-run', /^\d+$/);
  await where.evaluate(async () => {
    await document.fonts.ready;
    const sig = () =>
      JSON.stringify([
        document.scrollingElement.scrollHeight,
        document.scrollingElement.scrollWidth,
        ...[...document.querySelectorAll('canvas')].map((c) => {
          const r = c.getBoundingClientRect();
          return [r.x, r.y, r.width, r.height, c.width, c.height, c.dataset.fontPx];
        }),
      ]);
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    let last = sig();
    let still = 0;
    for (let i = 0; i < 300 && still < 10; i += 1) {
      await frame();
      const now = sig();
      if (now === last) still += 1;
      else [still, last] = [0, now];
    }
  });
}

/** The named elements' boxes (viewport coordinates) and the page's viewport and scroll sizes. */
async function measure(where, names) {
  return where.evaluate(
    ({ names, SEL }) => {
      const boxes = {};
      for (const name of names) {
        const el = document.querySelector(SEL[name]);
        if (!el) {
          boxes[name] = null;
          continue;
        }
        const r = el.getBoundingClientRect();
        boxes[name] = { x: r.x, y: r.y, w: r.width, h: r.height, right: r.right, bottom: r.bottom };
      }
      const se = document.scrollingElement;
      return {
        boxes,
        innerWidth: window.innerWidth,
        innerHeight: window.innerHeight,
        scrollWidth: se.scrollWidth,
        scrollHeight: se.scrollHeight,
        scrollX: window.scrollX,
        scrollY: window.scrollY,
        zoom: window.visualViewport?.scale ?? 1,
      };
    },
    { names, SEL },
  );
}

const r1 = (x) => Math.round(x * 10) / 10;
const fmtBox = (name, b) => (b ? `${name} [x ${r1(b.x)}, y ${r1(b.y)}, ${r1(b.w)}×${r1(b.h)}]` : `${name} MISSING`);

/** The named boxes that are missing, empty or not wholly inside the viewport, as messages. */
function boxesInside(m, names) {
  const bad = [];
  for (const name of names) {
    const b = m.boxes[name];
    if (!b) bad.push(`${name}: not in the page`);
    else if (b.w <= 0 || b.h <= 0) bad.push(`${name}: empty box ${b.w}×${b.h} (not shown)`);
    else if (b.x < -EPS || b.y < -EPS || b.right > m.innerWidth + EPS || b.bottom > m.innerHeight + EPS)
      bad.push(`${fmtBox(name, b)} (right ${r1(b.right)}, bottom ${r1(b.bottom)}) is not inside the ${m.innerWidth}×${m.innerHeight} viewport`);
  }
  return bad;
}

/**
 * Every visible text's computed font size, and each visible canvas' `data-font-px` (the
 * smallest font it drew with). Visible text: a text node with non-whitespace text that has a
 * client rect larger than 1×1, not inside a display:none / visibility:hidden element and not
 * inside a 1-px clipped (visually hidden) container. The text form controls show (an input's
 * value, a select's chosen option) counts too. Runs in the page.
 */
async function visibleTextSizes(where) {
  return where.evaluate(() => {
    const clipped = (el) => {
      for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
        const r = e.getBoundingClientRect();
        if (r.width > 1 && r.height > 1) continue;
        const cs = getComputedStyle(e);
        if (cs.overflow !== 'visible' || cs.clip !== 'auto' || cs.clipPath !== 'none') return true;
      }
      return false;
    };
    const visible = (el) => el.checkVisibility({ visibilityProperty: true }) && !clipped(el);
    const where = (el, text) => {
      const name = (e) =>
        e.tagName.toLowerCase() +
        (e.dataset?.testid ? `[data-testid=${e.dataset.testid}]` : e.id ? `#${e.id}` : e.classList?.length ? `.${[...e.classList].join('.')}` : '');
      const outer = el.parentElement?.closest('[data-testid], [class]');
      const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${outer ? `${name(outer)} > ` : ''}${name(el)} “${snippet}”`;
    };
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!/\S/.test(n.nodeValue)) continue;
      const el = n.parentElement;
      // An <option>'s text shows through its <select> (below); a textarea's through its value.
      if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'TEXTAREA', 'TITLE'].includes(el.tagName)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      if (![...range.getClientRects()].some((r) => r.width > 1 && r.height > 1)) continue;
      if (!visible(el)) continue;
      texts.push({ px: parseFloat(getComputedStyle(el).fontSize), where: where(el, n.nodeValue) });
    }
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (['range', 'radio', 'checkbox', 'hidden', 'color'].includes(el.type)) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || !visible(el)) continue;
      const text = el.tagName === 'SELECT' ? el.selectedOptions[0]?.textContent ?? '' : el.value || el.placeholder || '';
      if (!/\S/.test(text)) continue;
      texts.push({ px: parseFloat(getComputedStyle(el).fontSize), where: where(el, `${text} (control)`) });
    }
    const canvases = [];
    for (const c of document.querySelectorAll('canvas')) {
      const r = c.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || !visible(c)) continue;
      const id = c.dataset.testid ?? `canvas.${[...c.classList].join('.')}`;
      canvases.push({ id, px: c.dataset.fontPx === undefined ? null : Number(c.dataset.fontPx) });
    }
    return { texts, canvases };
  });
}

/** Summarises visibleTextSizes against `min`: the smallest, the offenders, a printable line. */
function judgeText(label, sizes, min) {
  const all = [
    ...sizes.texts,
    ...sizes.canvases.map((c) => ({ px: c.px ?? NaN, where: `canvas ${c.id} data-font-px=${c.px ?? 'MISSING'}` })),
  ];
  const sorted = [...all].sort((a, b) => (Number.isNaN(a.px) ? -1 : Number.isNaN(b.px) ? 1 : a.px - b.px));
  const offenders = sorted.filter((t) => !(t.px >= min));
  const smallest = sorted[0];
  const canv = sizes.canvases.map((c) => `${c.id} ${c.px ?? 'MISSING'}`).join(', ');
  console.log(
    `${label}: smallest text ${smallest ? `${smallest.px} px at ${smallest.where}` : '(no text!)'} over ${sizes.texts.length} texts; canvases ${canv || '(none visible)'}` +
      (offenders.length ? `\n  under ${min} px (${offenders.length}):${offenders.slice(0, 12).map((o) => `\n    ${o.px} px ${o.where}`).join('')}` : ''),
  );
  return { smallest, offenders };
}

/**
 * Every visible touch target — button, input, select, summary, a[href] — with its box. Skipped:
 * a zero-size box, display:none ancestors (checkVisibility), visibility other than visible. Not
 * skipped for opacity: a radio styled opacity:0 and stretched over its label is the real target.
 */
async function touchTargets(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('button, input, select, summary, a[href]')) {
      if (el.type === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (!el.checkVisibility()) continue;
      if (getComputedStyle(el).visibility !== 'visible') continue;
      const label =
        el.tagName.toLowerCase() +
        (el.type && el.tagName === 'INPUT' ? `[type=${el.type}]` : '') +
        (el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : el.id ? `#${el.id}` : '') +
        ` “${(el.textContent || el.getAttribute('aria-label') || el.value || '').replace(/\s+/g, ' ').trim().slice(0, 30)}”`;
      out.push({ label, w: r.width, h: r.height });
    }
    return out;
  });
}

/** Decodes the QR code in a PNG screenshot; the jsQR result (null if none was found). */
function decodeQr(png) {
  const { width, height, data } = decodePng(png);
  const code = jsQR(data, width, height, { inversionAttempts: 'attemptBoth' });
  return { width, height, code };
}

/** Runs axe-core in `where` (evaluated, not a <script>: the CSP forbids inline scripts). */
async function axeScan(where, label) {
  await where.evaluate(fs.readFileSync(AXE, 'utf8'));
  const result = await where.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(
    `axe ${label}: ${result.violations.length} violations (${bad.length} serious/critical)${result.violations
      .map((v) => `\n  ${v.impact} ${v.id}: ${v.nodes.length} nodes — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`)
      .join('')}`,
  );
  // Every mode is held to no violation at all, of any impact (the stage and the embed are what
  // a whole room or another site's readers see).
  return result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
}

/**
 * Screenshots: written to tests/e2e/artifacts/ at once (also for a failing test: that is when
 * they are looked at); `publish()` copies them to docs/screenshots/ when UPDATE_SCREENSHOTS=1
 * and the test has passed so far.
 */
function screenshots(testInfo) {
  const taken = [];
  return {
    async take(name, target, options = {}) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      const buffer = await target.screenshot({ animations: 'disabled', ...options });
      fs.writeFileSync(file, buffer);
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
      taken.push(name);
      return buffer;
    },
    publish(names = taken) {
      if (!UPDATE_SCREENSHOTS) return;
      if (testInfo.errors.length > 0) {
        console.log(`UPDATE_SCREENSHOTS: not publishing ${names.join(', ')}: the test failed`);
        return;
      }
      fs.mkdirSync(DOCS_SHOTS, { recursive: true });
      for (const name of names) fs.copyFileSync(path.join(ARTIFACTS, `${name}.png`), path.join(DOCS_SHOTS, `${name}.png`));
      console.log(`UPDATE_SCREENSHOTS: wrote ${names.map((n) => `docs/screenshots/${n}.png`).join(', ')}`);
    },
  };
}

// z0 in a link: a port of src/link/z0_code.rs (version byte 1, lo and hi as little-endian f32,
// one little-endian u16 per value, base64url without padding).
function encodeZ0(values) {
  const xs = values.map(Math.fround);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const span = hi - lo;
  const bytes = Buffer.alloc(9 + 2 * xs.length);
  bytes[0] = 1;
  bytes.writeFloatLE(lo, 1);
  bytes.writeFloatLE(hi, 5);
  xs.forEach((x, i) => {
    const k = span > 0 ? Math.round(((x - lo) / span) * 65535) : 0;
    bytes.writeUInt16LE(Math.min(Math.max(k, 0), 65535), 9 + 2 * i);
  });
  return bytes.toString('base64url');
}

function decodeZ0(text) {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes[0] !== 1 || bytes.length < 11 || (bytes.length - 9) % 2 !== 0) throw new Error(`not a z0data text: ${text.slice(0, 40)}…`);
  const lo = bytes.readFloatLE(1);
  const hi = bytes.readFloatLE(5);
  const values = [];
  for (let at = 9; at < bytes.length; at += 2) {
    const k = bytes.readUInt16LE(at);
    values.push(k === 0 ? lo : k === 65535 ? hi : Math.fround(lo + ((hi - lo) * k) / 65535));
  }
  return values;
}

/**
 * The attributes of `<iframe ...></iframe>` (and nothing else around it) as { name: value }, the
 * values' character references undone; throws if the text is anything else.
 */
function parseIframe(code) {
  const m = /^<iframe(\s[^<>]*)?><\/iframe>$/i.exec(code.trim());
  if (!m) throw new Error(`not one <iframe …></iframe> element: ${code}`);
  const attrs = {};
  const unescape = (v) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const rest = (m[1] ?? '').replace(/\s([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g, (_, name, dq, sq, bare) => {
    attrs[name.toLowerCase()] = unescape(dq ?? sq ?? bare ?? '');
    return '';
  });
  if (rest.trim() !== '') throw new Error(`unparsed text in the <iframe> tag: ${rest}`);
  return attrs;
}

/** The seed's z0: linspace(−10, 10, 100). */
const SEED_Z0 = Array.from({ length: 100 }, (_, i) => -10 + (20 * i) / 99);

/** The plotting area of chart-z: { left, right, top, bottom, x0, x1, y0, y1 } (CSS px, data). */
async function plotOf(chart) {
  const text = await chart.getAttribute('data-plot');
  expect(text, 'chart-z has data-plot').toMatch(/^(\S+ ){7}\S+$/);
  const [left, right, top, bottom, x0, x1, y0, y1] = text.split(' ').map(Number);
  return { left, right, top, bottom, x0, x1, y0, y1 };
}

/** Where (viewport CSS px) chart-z draws the point (z0, z). */
async function pointPx(chart, z0, z) {
  const p = await plotOf(chart);
  const box = await chart.boundingBox();
  return {
    x: box.x + p.left + ((z0 - p.x0) / (p.x1 - p.x0)) * (p.right - p.left),
    y: box.y + p.bottom - ((z - p.y0) / (p.y1 - p.y0)) * (p.bottom - p.top),
    plot: p,
  };
}

/** A touch drag through CDP: touchStart at `from`, `steps` touchMoves to `to`, touchEnd. */
async function touchDrag(page, cdp, from, to, steps = 10) {
  const point = (t) => ({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t, id: 1, radiusX: 4, radiusY: 4, force: 1 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point(0)] });
  for (let i = 1; i <= steps; i += 1) {
    await page.waitForTimeout(16);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point(i / steps)] });
  }
  await page.waitForTimeout(16);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/**
 * Opens `/?query` and waits until the app has mounted (the status line exists: attached, not
 * visible — an embed shows no status line).
 */
async function open(page, query) {
  await page.goto(query ? `/?${query}` : '/');
  await expect(page.getByTestId('status')).toBeAttached();
  return new Lab(page);
}

const PHONE = { isMobile: true, hasTouch: true, deviceScaleFactor: 3, colorScheme: 'light' };

// ----------------------------------------------------------------------------------------------
// 1. Layout at every viewport (and 6. the screenshots)
// ----------------------------------------------------------------------------------------------

const LAYOUTS = [
  ...[
    [1024, 768],
    [1280, 720],
    [1366, 768],
    [1920, 1080],
  ].map(([w, h]) => ({ mode: 'lecture', w, h, query: 'present=1&mu=0.05', mu: 0.05, shot: `stage-${w}x${h}` })),
  { mode: 'lab', w: 1366, h: 768, query: '', mu: 0.1, shot: 'lab-1366x768' },
  { mode: 'lab', w: 1920, h: 1080, query: '', mu: 0.1, shot: 'lab-1920x1080-light' },
  // Opened directly at the frame's size; the docs' embed screenshots come from the host page.
  { mode: 'embed', w: 560, h: 315, query: 'embed=1&mu=0.3', mu: 0.3, shot: 'embed-direct-560x315', artifactOnly: true },
  { mode: 'embed', w: 800, h: 450, query: 'embed=1&mu=0.3', mu: 0.3, shot: 'embed-direct-800x450', artifactOnly: true },
  { mode: 'phone', w: 390, h: 844, query: '', mu: 0.1, shot: 'phone-390x844', scrolledShot: 'phone-390x844-scrolled' },
  { mode: 'phone', w: 360, h: 740, query: '', mu: 0.1, shot: 'phone-360x740' },
];

/** What must be on screen at once, per mode. */
const MUST_SHOW = {
  lecture: ['caption', 'chart-z', 'mu-slider', 'mu-input', 'chart-loss'],
  lab: ['mu-slider', 'chart-z'],
  embed: ['caption', 'chart-z', 'mu-slider', 'embed-open'],
  phone: ['caption', 'chart-z', 'mu-slider'],
};

for (const L of LAYOUTS) {
  test(`layout ${L.mode} ${L.w}x${L.h}: ${MUST_SHOW[L.mode].join(', ')} on the first screen${L.mode === 'lecture' || L.mode === 'embed' ? ', no scrolling' : ''}, no horizontal overflow`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({
      viewport: { width: L.w, height: L.h },
      ...(L.mode === 'phone' ? PHONE : { colorScheme: 'light' }),
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const shots = screenshots(testInfo);
    const lab = await open(page, L.query);
    await lab.waitDone({ mu: L.mu });
    await settle(page);
    const rootClass = await page.locator('.app').getAttribute('class');

    // Printed, not judged: the μ bar, and the lecture stage's hidden third chart.
    const names = [...new Set([...MUST_SHOW[L.mode], 'chart-z', 'mu-bar', ...(L.mode === 'lecture' ? ['chart-subopt'] : [])])];
    const m = await measure(page, names);
    const zRatio = m.boxes['chart-z'] ? m.boxes['chart-z'].h / m.innerHeight : NaN;
    console.log(
      `layout ${L.mode} ${L.w}x${L.h} (.app class "${rootClass}"): inner ${m.innerWidth}×${m.innerHeight}, scroll ${m.scrollWidth}×${m.scrollHeight}, zoom ${m.zoom}; ` +
        `chart-z height / viewport height = ${zRatio.toFixed(3)}\n  ${names.map((n) => fmtBox(n, m.boxes[n])).join('\n  ')}`,
    );
    await shots.take(L.shot, page);

    expect.soft(boxesInside(m, MUST_SHOW[L.mode]), 'elements that must be on the first screen').toEqual([]);
    expect.soft(m.scrollWidth, `no horizontal overflow: scrollWidth ${m.scrollWidth} ≤ innerWidth ${m.innerWidth}`).toBeLessThanOrEqual(m.innerWidth);
    if (L.mode === 'lecture' || L.mode === 'embed') {
      expect.soft(m.scrollHeight, `no vertical scrolling: scrollHeight ${m.scrollHeight} ≤ innerHeight ${m.innerHeight}`).toBeLessThanOrEqual(m.innerHeight);
    }
    if (L.mode === 'lecture') {
      expect.soft(zRatio, `chart-z fills ≥ 50 % of the viewport height (${zRatio.toFixed(3)})`).toBeGreaterThanOrEqual(0.5);
    }
    if (L.mode === 'phone') {
      // A phone page that overflows is zoomed out: the layout viewport must stay the device's.
      expect.soft(m.innerWidth, 'the phone is not zoomed out (innerWidth = device width)').toBe(L.w);
      const z = m.boxes['chart-z'];
      const bar = m.boxes['mu-bar'];
      expect.soft(bar, 'the μ bar (.mu-bar) exists').not.toBeNull();
      if (z && bar) {
        console.log(`  phone: chart-z bottom ${r1(z.bottom)} vs μ bar top ${r1(bar.y)} (gap ${r1(bar.y - z.bottom)} px)`);
        expect.soft(z.bottom, `chart-z's bottom (${r1(z.bottom)}) is above the top of the sticky μ bar (${r1(bar.y)})`).toBeLessThanOrEqual(bar.y + EPS);
      }
      // Scrolled: the μ bar sticks (halfway — the screenshot — and at the very bottom).
      for (const [label, fraction] of [
        ['halfway', 0.5],
        ['to the bottom', 1],
      ]) {
        await page.evaluate((f) => window.scrollTo(0, (document.scrollingElement.scrollHeight - window.innerHeight) * f), fraction);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const s = await measure(page, ['mu-slider', 'mu-bar']);
        console.log(`  phone scrolled ${label}: scrollY ${r1(s.scrollY)} of ${s.scrollHeight - s.innerHeight}; ${fmtBox('mu-slider', s.boxes['mu-slider'])}, ${fmtBox('mu-bar', s.boxes['mu-bar'])}`);
        expect.soft(s.scrollY, `the phone page scrolls (${label})`).toBeGreaterThan(0);
        expect.soft(boxesInside(s, ['mu-slider']), `mu-slider stays on screen scrolled ${label} (sticky μ bar)`).toEqual([]);
        if (fraction === 0.5 && L.scrolledShot) await shots.take(L.scrolledShot, page);
      }
    }
    problems.expectNone();
    if (!L.artifactOnly) shots.publish();
    await context.close();
  });
}

// ----------------------------------------------------------------------------------------------
// 2. Type sizes (lecture ≥ 18 px; phones ≥ 14 px) and touch targets (phones ≥ 44×44)
// ----------------------------------------------------------------------------------------------

test('lecture type: every visible text and chart label ≥ 18 px at 1280×720 (and at 1024×768, 1366×768, 1920×1080)', async ({ browser }) => {
  test.setTimeout(120_000);
  const results = [];
  for (const [w, h] of [
    [1280, 720],
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ]) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: 'light' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const lab = await open(page, 'present=1&mu=0.05');
    await lab.waitDone({ mu: 0.05 });
    await settle(page);
    const { smallest, offenders } = judgeText(`lecture ${w}x${h}`, await visibleTextSizes(page), 18);
    results.push({ size: `${w}x${h}`, smallest: smallest?.px, offenders: offenders.map((o) => `${o.px} px ${o.where}`) });
    problems.expectNone();
    await context.close();
  }
  console.log(`lecture minimum font px: ${results.map((r) => `${r.size} ${r.smallest}`).join(', ')}`);
  for (const r of results) expect.soft(r.offenders, `lecture ${r.size}: texts under 18 px`).toEqual([]);
});

for (const [w, h] of [
  [390, 844],
  [360, 740],
]) {
  test(`phone ${w}x${h}: every visible text ≥ 14 px, every touch target ≥ 44×44 px`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: w, height: h }, ...PHONE });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const lab = await open(page, '');
    await lab.waitDone({ mu: 0.1 });
    await settle(page);
    const { offenders: small } = judgeText(`phone ${w}x${h}`, await visibleTextSizes(page), 14);

    const targets = await touchTargets(page);
    const sorted = [...targets].sort((a, b) => Math.min(a.w, a.h) - Math.min(b.w, b.h));
    const tooSmall = sorted.filter((t) => t.w < 44 || t.h < 44);
    console.log(
      `phone ${w}x${h}: ${targets.length} touch targets; smallest ${sorted[0] ? `${r1(sorted[0].w)}×${r1(sorted[0].h)} ${sorted[0].label}` : '(none!)'}` +
        (tooSmall.length ? `\n  under 44×44 (${tooSmall.length}):${tooSmall.map((t) => `\n    ${r1(t.w)}×${r1(t.h)} ${t.label}`).join('')}` : ''),
    );
    expect(targets.length, 'the page has touch targets').toBeGreaterThan(0);
    expect.soft(small.map((o) => `${o.px} px ${o.where}`), 'texts under 14 px').toEqual([]);
    expect.soft(tooSmall.map((t) => `${r1(t.w)}×${r1(t.h)} ${t.label}`), 'touch targets under 44×44 CSS px').toEqual([]);
    problems.expectNone();
    await context.close();
  });
}

// ----------------------------------------------------------------------------------------------
// 3. The QR code of the link
// ----------------------------------------------------------------------------------------------

/** 200 values no preset makes (deterministic), as a z0data text. */
const Z0_200 = Array.from({ length: 200 }, (_, i) => Math.round((-12 + (24 * i) / 199 + 3 * Math.sin(i * 1.7)) * 1000) / 1000);
const Z0_200_TEXT = encodeZ0(Z0_200);

const QR_STATES = [
  { name: 'the default state', query: '', shot: 'qr-1920x1080' },
  { name: 'a z0data link of 200 values', query: `z0=data&z0data=${Z0_200_TEXT}` },
  { name: 'a Tournesol state', query: 'w=tournesol&mu=0.5' },
];

for (const S of QR_STATES) {
  test(`QR at 1920×1080 for ${S.name}: Q shows it ≥ 60 % of the screen high, it decodes to the copied link; Esc closes it`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      deviceScaleFactor: 2,
      colorScheme: 'light',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const shots = screenshots(testInfo);
    const lab = await open(page, S.query);
    await settle(page);
    const params = lab.urlParams();
    if (S.query.includes('z0data')) {
      // The page keeps the link's values: the same text back, 200 of them.
      expect(params.get('z0'), 'the page runs the link’s z0 values').toBe('data');
      expect(params.get('z0data'), 'the page writes back the same z0data').toBe(Z0_200_TEXT);
      expect(decodeZ0(params.get('z0data')).length).toBe(200);
      expect(params.get('n')).toBe('200');
    }
    if (S.query.includes('tournesol')) {
      expect(params.get('w'), 'the page keeps the Tournesol weights').toBe('tournesol');
      expect(params.get('mu')).toBe('0.5');
    }

    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('copy-status')).toContainText('copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const href = await page.evaluate(() => location.href);
    console.log(`QR ${S.name}: copied link (${copied.length} chars) ${copied}`);
    expect(copied, 'Copy link copies location.href').toBe(href);

    // Q from the page itself (nothing focused).
    await page.evaluate(() => document.activeElement?.blur());
    const qr = page.getByTestId('qr');
    await expect(qr).toBeHidden();
    await page.keyboard.press('q');
    await expect(qr).toBeVisible();
    const svg = qr.locator('svg').first();
    await expect(svg).toBeVisible();
    const svgBox = await svg.boundingBox();
    const inner = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
    const linkText = await page.getByTestId('qr-link').textContent();
    const viewBox = await svg.getAttribute('viewBox');
    const modules = viewBox ? Number(viewBox.split(/[\s,]+/)[2]) : NaN;
    const png = await svg.screenshot({ animations: 'disabled' });
    const { width, height, code } = decodeQr(png);
    console.log(
      `QR ${S.name}: svg ${r1(svgBox.width)}×${r1(svgBox.height)} CSS px = ${((100 * svgBox.height) / inner.h).toFixed(1)} % of the ${inner.h}-px viewport height; ` +
        `viewBox "${viewBox}" → ${modules} modules → ${r1((svgBox.width * 2) / modules)} device px a module; screenshot ${width}×${height}; ` +
        `jsQR: ${code ? `version ${code.version}, ${code.data.length} chars` : 'NO CODE FOUND'}; qr-link text ${linkText === copied ? 'equals' : 'DIFFERS FROM'} the copied link`,
    );
    if (S.shot) await shots.take(S.shot, page);
    expect.soft(svgBox.height / inner.h, 'the QR code is ≥ 60 % of the viewport height').toBeGreaterThanOrEqual(0.6);
    expect.soft(code?.data, 'the QR code decodes to the copied link').toBe(copied);
    expect.soft(linkText, 'the overlay’s link text is the copied link').toBe(copied);

    await page.keyboard.press('Escape');
    await expect(qr).toBeHidden();
    const afterEsc = await page.evaluate(() => document.activeElement?.tagName);
    console.log(`QR ${S.name}: after Esc the focus is on <${afterEsc?.toLowerCase()}>`);
    expect.soft(afterEsc, 'Esc gives focus back to where it was (the page body)').toBe('BODY');

    if (S.shot) {
      // From the button: Esc returns the focus to it.
      await expect(page.getByTestId('qr-toggle'), 'a QR button').toBeVisible();
      await page.getByTestId('qr-toggle').click();
      await expect(qr).toBeVisible();
      const inside = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
      await page.keyboard.press('Escape');
      await expect(qr).toBeHidden();
      const back = await page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);
      console.log(`QR focus: open from qr-toggle → focus on ${inside}; after Esc → ${back}`);
      expect.soft(back, 'Esc returns the focus to qr-toggle').toBe('qr-toggle');
      // Shift+Q opens, q closes (a toggle).
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('Shift+Q');
      await expect(qr).toBeVisible();
      await page.keyboard.press('q');
      await expect(qr).toBeHidden();
    }
    problems.expectNone();
    shots.publish();
    await context.close();
  });
}

// ----------------------------------------------------------------------------------------------
// 4. Embeds: in a host page on another origin, and the copied embed code
// ----------------------------------------------------------------------------------------------

test('embed: two iframes on another origin draw, scroll nothing, follow the μ slider, link out to the same state, no console error', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const reglab = new URL(baseURL);
  const src = new URL('/?embed=1&mu=0.3', reglab).href;
  const host = await startEmbedHost([
    { id: 'embed-560', src, width: 560, height: 315, title: 'reglab embed' },
    { id: 'embed-800', src, width: 800, height: 450, title: 'reglab embed (slide size)' },
  ]);
  const context = await browser.newContext({ viewport: { width: 1000, height: 1000 }, colorScheme: 'light' });
  const page = await context.newPage();
  const shots = screenshots(testInfo);
  try {
    expect(new URL(host.url).port, 'the host page is on another port (origin) than reglab').not.toBe(reglab.port);
    const problems = watchProblems(page);
    const documents = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'document') documents.push({ url: res.url(), csp: res.headers()['content-security-policy'] ?? null });
    });
    await page.goto(host.url);
    for (const [id, w, h] of [
      ['embed-560', 560, 315],
      ['embed-800', 800, 450],
    ]) {
      const frame = await (await page.locator(`#${id}`).elementHandle()).contentFrame();
      await settle(frame);
      const chart = frame.getByTestId('chart-z');
      const run = await chart.getAttribute('data-run');
      await shots.take(`embed-${w}x${h}`, page.locator(`#${id}`));
      const m = await measure(frame, MUST_SHOW.embed);
      const appClass = await frame.locator('.app').getAttribute('class');
      console.log(
        `embed ${w}x${h} in ${host.url}: .app "${appClass}", chart-z data-run ${run}; inner ${m.innerWidth}×${m.innerHeight}, scroll ${m.scrollWidth}×${m.scrollHeight}\n  ${MUST_SHOW.embed.map((n) => fmtBox(n, m.boxes[n])).join('\n  ')}`,
      );
      expect.soft(m.innerWidth, 'the frame is as wide as its iframe').toBe(w);
      expect.soft(m.scrollHeight, `${id}: no vertical scrollbar`).toBeLessThanOrEqual(m.innerHeight);
      expect.soft(m.scrollWidth, `${id}: no horizontal scrollbar`).toBeLessThanOrEqual(m.innerWidth);
      expect.soft(boxesInside(m, MUST_SHOW.embed), `${id}: on screen`).toEqual([]);

      // The μ slider works inside the frame.
      const muBefore = await chart.getAttribute('data-mu');
      const slider = frame.getByTestId('mu-slider');
      await slider.focus();
      for (let i = 0; i < 5; i += 1) await slider.press('ArrowRight');
      await expect.poll(() => chart.getAttribute('data-mu'), { message: `${id}: chart-z data-mu follows the slider` }).not.toBe(muBefore);
      await settle(frame);
      const muAfter = await chart.getAttribute('data-mu');
      const frameHref = await frame.evaluate(() => location.href);
      console.log(`embed ${w}x${h}: μ slider ArrowRight ×5 → data-mu ${muBefore} → ${muAfter}; frame location ${frameHref}`);
      expect.soft(Number(new URL(frameHref).searchParams.get('mu')), 'the frame’s own URL follows μ').toBe(Number(muAfter));

      // Open in reglab: the same state without embed, in a new tab.
      const open = frame.getByTestId('embed-open');
      await expect(open, `${id}: an “Open in reglab” link`).toBeVisible();
      const openHref = new URL(await open.getAttribute('href'), frameHref);
      const target = await open.getAttribute('target');
      console.log(`embed ${w}x${h}: embed-open href ${openHref.href} target ${target} text “${await open.textContent()}”`);
      const here = new URL(frameHref);
      expect.soft(here.searchParams.get('embed'), 'the frame’s own URL carries embed=1').toBe('1');
      expect.soft(['', '0'].includes(openHref.searchParams.get('embed') ?? ''), `embed-open drops embed (embed=${openHref.searchParams.get('embed')})`).toBe(true);
      expect.soft(`${openHref.origin}${openHref.pathname}`, 'embed-open goes to the same page').toBe(`${here.origin}${here.pathname}`);
      const rest = (u) => Object.fromEntries([...u.searchParams].filter(([k]) => k !== 'embed').sort(([a], [b]) => a.localeCompare(b)));
      expect.soft(rest(openHref), 'embed-open carries every other key of the frame’s state').toEqual(rest(here));
      expect.soft(target, 'embed-open opens a new tab').toBe('_blank');
    }
    console.log(`embed: documents ${documents.map((d) => `${d.url} CSP ${d.csp ? `"${d.csp}"` : 'none'}`).join('; ')}`);
    const reglabDocs = documents.filter((d) => d.url.startsWith(reglab.origin));
    expect(reglabDocs.length, 'both frames loaded from reglab’s server').toBeGreaterThanOrEqual(1);
    for (const d of reglabDocs) expect.soft(d.csp, `${d.url} carries reglab's CSP`).toBe(CSP);
    problems.expectNone();
    shots.publish();
  } finally {
    await context.close();
    await host.stop();
  }
});

test('Copy embed code: an <iframe> of this state in embed mode, with a title, a size, lazy loading and no border', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const lab = await open(page, 'mu=0.3');
  await lab.waitDone({ mu: 0.3 });
  await expect(page.getByTestId('copy-embed'), 'a Copy embed code button').toBeVisible();
  await page.getByTestId('copy-embed').click();
  await expect(page.getByTestId('copy-status')).toContainText('copied');
  const code = await page.evaluate(() => navigator.clipboard.readText());
  console.log(`copy-embed: ${code}`);
  // Parsed here, not with DOMParser in the page: the page's CSP reports the parsed style
  // attribute as a violation (a console error) even in an inert document.
  const a = parseIframe(code);
  console.log(`copy-embed attributes: ${JSON.stringify(a)}`);
  const src = new URL(a.src);
  expect(src.origin, 'src is an absolute link to this site').toBe(new URL(page.url()).origin);
  expect(src.searchParams.get('embed')).toBe('1');
  expect(src.searchParams.get('mu')).toBe('0.3');
  expect((a.title ?? '').trim().length, 'a non-empty title').toBeGreaterThan(0);
  expect(a.width).toMatch(/^[1-9]\d*$/);
  expect(a.height).toMatch(/^[1-9]\d*$/);
  expect(a.loading).toBe('lazy');
  const borderless = /(^|;)\s*border\s*:\s*(0|none)(px)?\s*(;|$)/i.test(a.style ?? '') || a.frameborder === '0';
  expect(borderless, `no border (style="${a.style}", frameborder=${a.frameborder})`).toBe(true);
  // The src opens that state in embed mode.
  const other = await context.newPage();
  const otherProblems = watchProblems(other);
  await other.goto(a.src);
  await settle(other);
  await expect(other.locator('.app')).toHaveClass(/\bembed\b/);
  await expect(other.getByTestId('chart-z')).toHaveAttribute('data-mu', '0.3');
  otherProblems.expectNone();
  problems.expectNone();
  await context.close();
});

// ----------------------------------------------------------------------------------------------
// 5. Touch: the μ slider and a z0 point, dragged with a finger
// ----------------------------------------------------------------------------------------------

/** The seed state on a 390×844 touch phone, converged: its context, page, problems and Lab. */
async function openSeedOnPhone(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...PHONE });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const lab = await open(page, '');
  await lab.waitDone({ mu: 0.1 });
  await settle(page);
  return { context, page, problems, lab };
}

test('touch (390×844): dragging the μ slider’s thumb changes μ, redraws and rewrites the URL', async ({ browser }) => {
  const { context, page, problems, lab } = await openSeedOnPhone(browser);
  const before = { chartMu: await lab.chart.getAttribute('data-mu'), run: await lab.chart.getAttribute('data-run'), urlMu: lab.urlMu(), pos: await lab.sliderPosition() };
  const box = await lab.slider.boundingBox();
  const { min, max } = await lab.slider.evaluate((el) => ({ min: Number(el.min), max: Number(el.max) }));
  // The thumb's centre (a thumb about 1.2 rem wide: it travels width − thumb).
  const thumb = 20;
  const start = { x: box.x + thumb / 2 + ((before.pos - min) / (max - min)) * (box.width - thumb), y: box.y + box.height / 2 };
  const dx = 80;
  const expectedSteps = (dx / (box.width - thumb)) * (max - min);
  const cdp = await context.newCDPSession(page);
  await touchDrag(page, cdp, start, { x: start.x + dx, y: start.y });
  await expect.poll(() => lab.chart.getAttribute('data-mu'), { message: 'chart-z data-mu changes after the touch drag' }).not.toBe(before.chartMu);
  await lab.waitDone();
  const after = { chartMu: await lab.chart.getAttribute('data-mu'), run: await lab.chart.getAttribute('data-run'), urlMu: lab.urlMu(), pos: await lab.sliderPosition() };
  console.log(
    `touch μ: slider ${r1(box.width)}×${r1(box.height)} at (${r1(box.x)}, ${r1(box.y)}); touch from (${r1(start.x)}, ${r1(start.y)}) by +${dx} px ≈ +${r1(expectedSteps)} positions; ` +
      `position ${before.pos} → ${after.pos}, chart data-mu ${before.chartMu} → ${after.chartMu}, run ${before.run} → ${after.run}, URL mu ${before.urlMu} → ${after.urlMu}`,
  );
  expect(after.urlMu, 'the URL’s mu changed').not.toBe(before.urlMu);
  expect(Number(after.chartMu), 'the chart shows the URL’s μ').toBe(after.urlMu);
  expect(after.run, 'a new run was drawn').not.toBe(before.run);
  // A drag, not a tap on the track: the thumb travelled with the finger (at least half the way).
  expect(after.pos - before.pos, 'the thumb followed the finger').toBeGreaterThanOrEqual(0.5 * expectedSteps);
  problems.expectNone();
  await context.close();
});

test('touch (390×844): dragging z0 point 50 of the seed sideways by 40 px moves its z0, and the page does not scroll', async ({ browser }) => {
  const { context, page, problems, lab } = await openSeedOnPhone(browser);
  expect(lab.urlParams().get('z0')).not.toBe('data');
  // Coordinate 50 of the seed: z0 ≈ 0.101, inside the band [−4, 6], so learned z ≈ z0. (The
  // layout tests check the chart is on a phone's first screen; this one only checks the drag, so
  // it brings the chart into view if it is not.)
  const z0 = SEED_Z0[50];
  await lab.chart.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const at = await pointPx(lab.chart, z0, z0);
  const dx = 40;
  const expectedShift = (dx / (at.plot.right - at.plot.left)) * (at.plot.x1 - at.plot.x0);
  const scrollBefore = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  const inView = at.x >= 0 && at.x + dx <= 390 && at.y >= 0 && at.y <= 844;
  console.log(
    `touch z0: data-plot ${JSON.stringify(at.plot)}; point 50 (z0 ${z0.toFixed(4)}) at (${r1(at.x)}, ${r1(at.y)}) ${inView ? 'on screen' : 'OFF SCREEN'}; ` +
      `+${dx} px ≈ Δz0 ${expectedShift.toFixed(4)}; scroll before (${scrollBefore.x}, ${scrollBefore.y})`,
  );
  expect(inView, 'point 50 is on the first screen').toBe(true);
  const cdp = await context.newCDPSession(page);
  await touchDrag(page, cdp, { x: at.x, y: at.y }, { x: at.x + dx, y: at.y });
  await expect.poll(() => lab.urlParams().get('z0'), { message: 'the URL gains z0=data' }).toBe('data');
  await lab.waitDone();
  const scrollAfter = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  const values = decodeZ0(lab.urlParams().get('z0data'));
  const moved = values[50] - z0;
  const others = values.map((v, i) => (i === 50 ? 0 : Math.abs(v - SEED_Z0[i]))).reduce((a, b) => Math.max(a, b), 0);
  console.log(
    `touch z0: z0data holds ${values.length} values; z0[50] ${z0.toFixed(4)} → ${values[50].toFixed(4)} (moved ${moved.toFixed(4)}, expected ≈ ${expectedShift.toFixed(4)}); ` +
      `largest change of another value ${others.toExponential(2)}; scroll after (${scrollAfter.x}, ${scrollAfter.y})`,
  );
  expect(values.length).toBe(100);
  expect(moved, 'point 50 moved right with the finger (at least half the way)').toBeGreaterThanOrEqual(0.5 * expectedShift);
  expect(moved, 'and not much further than the finger').toBeLessThanOrEqual(1.5 * expectedShift);
  expect(others, 'the other points stay (within the link’s quantisation)').toBeLessThanOrEqual(2e-3);
  expect(scrollAfter, 'the drag does not scroll the page').toEqual(scrollBefore);
  problems.expectNone();
  await context.close();
});

// ----------------------------------------------------------------------------------------------
// 7. Accessibility in every mode
// ----------------------------------------------------------------------------------------------

const AXE_CASES = [
  { name: 'lecture 1280x720', options: { viewport: { width: 1280, height: 720 } }, query: 'present=1&mu=0.05' },
  { name: 'embed 800x450', options: { viewport: { width: 800, height: 450 } }, query: 'embed=1&mu=0.3' },
  { name: 'phone 390x844', options: { viewport: { width: 390, height: 844 }, ...PHONE }, query: '' },
  { name: 'QR overlay open 1920x1080', options: { viewport: { width: 1920, height: 1080 } }, query: '', qr: true },
];

for (const C of AXE_CASES) {
  test(`accessibility (axe-core): ${C.name} has no violations`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'light', ...C.options });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const lab = await open(page, C.query);
    await settle(page);
    if (C.qr) {
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('q');
      await expect(page.getByTestId('qr')).toBeVisible();
    }
    expect(await axeScan(page, C.name)).toEqual([]);
    problems.expectNone();
    await context.close();
  });
}
