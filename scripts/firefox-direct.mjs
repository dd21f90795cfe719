#!/usr/bin/env node
// Firefox's worker speed as a student sees it: no WebDriver, no DevTools protocol. Starts
// firefox-esr headless on a fresh profile at a probe page that holds reglab in a same-origin
// iframe, reads the app's own `reglab:run` measures and status figures, and posts them back to
// this script's server. It measures
//   - the first page of a fresh Firefox process: the seed run at load, then μ changed in that
//     same page (its workers stay), and
//   - later pages in the same process: a fresh load of reglab for each μ.
// Why: on this machine (Intel Xeon with AVX-512) the first reglab page of a Firefox ESR 140
// process ran its workers' wasm ~100× slower for the page's whole life (seed run 1.5–2.8 s,
// every μ change as slow), while every later page ran it in 10–80 ms. Puppeteer's Firefox runs
// (tests/engines, make bench) see the slow case. `--pref javascript.options.wasm_simd_avx=false`
// made the first page fast too (README "Engines" › "Firefox's first page").
// With --top the app is the top-level page (the server adds the probe's script to its
// index.html): its seed run and two μ changes, then the same after the tab reloads itself.
//
//   node scripts/firefox-direct.mjs [--dist dist] [--pref name=value ...] [--pages 4] [--top]
// Prints one line per run and a JSON summary; exit 0 unless Firefox never reports.
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const dist = path.resolve(opt('dist', 'dist'));
const pages = Number(opt('pages', '4'));
const prefs = args.flatMap((a, i) => (a === '--pref' && args[i + 1] ? [args[i + 1]] : []));
const firefox = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const top = args.includes('--top');
const START = '/?mu=0.1&play=instant&workers=1';

// The probe runs in the page: first the seed at load and three μ changes in that page, then one
// fresh load per μ. It reads only what the app publishes for its own tests and users.
const PROBE = `
const frame = () => document.getElementById('f');
const doc = () => ${top ? 'document' : 'frame().contentDocument'};
const win = () => ${top ? 'window' : 'frame().contentWindow'};
const out = { ua: navigator.userAgent, first: [], later: [] };
const status = () => Object.assign({}, doc().querySelector('[data-testid=status]')?.dataset);
const runs = () => win().performance.getEntriesByName('reglab:run');
const until = (ok, ms) => new Promise((done, fail) => {
  const t0 = performance.now();
  const poll = setInterval(() => {
    let yes = false;
    try { yes = ok(); } catch (e) {}
    if (yes) { clearInterval(poll); done(); }
    else if (performance.now() - t0 > ms) { clearInterval(poll); fail(new Error('timeout')); }
  }, 25);
});
const row = (mu) => { const s = status(); const m = runs(); return { mu, ms: m[m.length - 1].duration, calls: Number(s.calls), longestCallMs: Number(s.longestCallMs) }; };
// The seed run at load, then μ changed in the same page: the rows of this page.
async function thisPage(changes) {
  await until(() => runs().length === 1, 120000);
  const rows = [row(0.1)];
  for (const [i, mu] of changes.entries()) {
    const input = doc().querySelector('[data-testid=mu-input]');
    input.value = String(mu);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => runs().length === i + 2, 120000);
    rows.push(row(mu));
  }
  return rows;
}
async function inFrame() {
  frame().src = '${START}';
  out.first = await thisPage([0.2, 0.3, 0.4]);
  for (let i = 0; i < ${pages}; i += 1) {
    const mu = 0.5 + i / 10;
    frame().src = 'about:blank';
    await until(() => doc()?.URL === 'about:blank', 10000);
    frame().src = '/?mu=' + mu + '&play=instant&workers=1';
    await until(() => doc()?.URL.includes('mu=' + mu) && runs().length === 1, 120000);
    out.later.push(row(mu));
  }
}
// Top level: the first load's rows wait in sessionStorage while the tab reloads itself.
async function topLevel() {
  const before = JSON.parse(sessionStorage.getItem('reglab-probe') ?? 'null');
  const rows = await thisPage([0.2, 0.3]);
  if (!before) {
    sessionStorage.setItem('reglab-probe', JSON.stringify(rows));
    location.reload();
    await new Promise(() => {});
  }
  out.first = before;
  out.later = rows;
}
(${top ? 'topLevel' : 'inFrame'})().catch((e) => { out.error = String(e); }).finally(() => fetch('/report', { method: 'POST', body: JSON.stringify(out) }));
`;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.png': 'image/png', '.txt': 'text/plain', '.json': 'application/json' };

// Ends the browser and removes its profile (set once it is started).
let stop = async () => {};
// Its own server, not scripts/serve-dist.mjs: the probe page must share the app's origin (to read
// the iframe) and post its figures back to the same origin, which a static server cannot take.
const report = new Promise((resolve) => {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'POST' && url.pathname === '/report') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => { res.end('ok'); resolve({ server, body }); });
      return;
    }
    if (url.pathname === '/probe.html') {
      res.setHeader('Content-Type', 'text/html');
      res.end('<!doctype html><iframe id="f" width="1280" height="720"></iframe><script src="/probe.js"></script>');
      return;
    }
    if (url.pathname === '/probe.js') {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(PROBE);
      return;
    }
    if (top && url.pathname === '/') {
      res.setHeader('Content-Type', 'text/html');
      res.setHeader('Cache-Control', 'no-store');
      res.end(fs.readFileSync(path.join(dist, 'index.html'), 'utf8').replace('</body>', '<script src="/probe.js"></script></body>'));
      return;
    }
    const file = path.join(dist, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-store');
    fs.createReadStream(file).pipe(res);
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'reglab-ff-'));
    const userJs = prefs.map((p) => {
      const [name, value] = p.split('=');
      const v = /^(true|false|-?\d+)$/.test(value) ? value : JSON.stringify(value);
      return `user_pref(${JSON.stringify(name)}, ${v});`;
    });
    fs.writeFileSync(path.join(profile, 'user.js'), `${userJs.join('\n')}\n`);
    const browser = spawn(firefox, ['--headless', '--no-remote', '--profile', profile, `http://127.0.0.1:${port}${top ? START : '/probe.html'}`], { stdio: 'ignore' });
    // Firefox can ignore a SIGTERM that arrives mid-shutdown of a page (a headless process was
    // left behind once): SIGKILL if it has not exited 5 s later, then drop the profile.
    const exited = new Promise((done) => browser.once('exit', done));
    stop = async () => {
      browser.kill('SIGTERM');
      const late = setTimeout(() => browser.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(late);
      fs.rmSync(profile, { recursive: true, force: true });
    };
    const timer = setTimeout(async () => {
      console.error('firefox-direct: no report within 300 s');
      await stop();
      process.exit(1);
    }, 300_000);
    report.then(() => clearTimeout(timer));
  });
});

const { server, body } = await report;
server.close();
await stop();
const out = JSON.parse(body);
console.log(`${out.ua}${prefs.length ? `, prefs ${prefs.join(' ')}` : ''}`);
const [firstLabel, laterLabel] = top ? ['top-level page', 'after a reload'] : ['first page  ', 'a later page'];
for (const r of out.first ?? []) console.log(`  ${firstLabel} μ = ${r.mu}: seed-size run ${r.ms.toFixed(0)} ms (${r.calls} calls, longest ${r.longestCallMs} ms)`);
for (const r of out.later) console.log(`  ${laterLabel} μ = ${r.mu}: ${r.ms.toFixed(0)} ms (${r.calls} calls, longest ${r.longestCallMs} ms)`);
if (out.error) console.log(`  stopped: ${out.error}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({ firstPageMedianMs: median((out.first ?? []).map((r) => r.ms)), laterPagesMedianMs: median(out.later.map((r) => r.ms)) }));
process.exit(out.first?.length ? 0 : 1);
