#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml [[hooks]]): makes the staged build CSP-clean and offline-capable.
//
//   node scripts/postbuild.mjs [DIR]     (DIR defaults to $TRUNK_STAGING_DIR)
//
// 1. Trunk writes its wasm loader into index.html as an inline <script type="module">, which the
//    site's Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval') blocks. Every inline
//    script moves into its own content-hashed file, referenced by <script src>. The module loader
//    also registers the service worker, lets plotters measure text under the CSP (see
//    PLOTTERS_TEXT_SHIM), says so on the page when the app cannot start (STARTUP_GUARD), and
//    starts the worker at once, for the app to adopt (EARLY_WORKER).
// 2. The build gets a version: a hash over every file. index.html carries it in
//    <meta name="reglab-build">; sw.js (from scripts/sw-template.js) carries it in its cache name
//    and lists every file, so a new deploy is a new sw.js and the browser installs it.
// 3. The build fails if index.html still holds anything the CSP would block: an inline script, an
//    on* handler attribute, a style attribute or element, a javascript:/data: URL.
// 0. First, the wasm files lose the exports nothing calls (scripts/strip-exports.mjs), and the
//    notebook export's templates go in as one file the page fetches (scripts/notebook-bundle.mjs).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_FILE, notebookBundle } from './notebook-bundle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? '');
// Trunk's public URL ("./" here: relative, so the site works under any sub-path).
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? './';
const SW_FILE = 'sw.js';

function fail(message) {
  console.error(`postbuild: ${message}`);
  process.exit(1);
}

const hash16 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

/** Registers ./sw.js (next to the loader, so the scope is the site's directory: /reglab/ on Pages). */
const REGISTER_SW = `
// Offline after the first visit (scripts/postbuild.mjs, scripts/sw-template.js). Registered once
// the first converged chart is on screen (the page's \`reglab:first-result\` mark), so that its
// install, which fetches the whole build, never competes with the first load: at \`load\` the
// app's wasm is still arriving (on lecture-hall Wi-Fi, for two seconds). A page that computes
// nothing at first (a pending prediction) registers it 10 s after \`load\`.
if ('serviceWorker' in navigator) {
  let asked = false;
  const registerSw = () => {
    if (asked) return;
    asked = true;
    navigator.serviceWorker
      .register(new URL('./${SW_FILE}', import.meta.url), { scope: new URL('./', import.meta.url).pathname })
      .catch((err) => console.warn('reglab: the service worker could not be registered; no offline use:', err));
  };
  try {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('reglab:first-result').length) {
        observer.disconnect();
        registerSw();
      }
    }).observe({ type: 'mark', buffered: true });
  } catch {
    // No PerformanceObserver for marks: the fallback below registers it.
  }
  const fallback = () => setTimeout(registerSw, 10_000);
  if (document.readyState === 'complete') fallback();
  else addEventListener('load', fallback, { once: true });
}
`;

/**
 * A page whose app cannot start (its wasm failed to load or compile, or the app stopped on an
 * internal error, a Rust panic, while building the page) would stay blank. This says so on the
 * page instead, with the panic's message (the app's panic hook writes it to console.error just
 * before the wasm traps), and tells the reader that a reload keeps their link. Only errors from
 * the wasm count, and only while the app is not on the page: an unrelated script error changes
 * nothing. Plain JS in the loader, so it costs the wasm budget nothing.
 */
const STARTUP_GUARD = `
// If the app cannot start, or stops after it started, the page says why instead of staying blank
// or frozen (scripts/postbuild.mjs).
{
  let panic = '';
  const fromWasm = (e, text) =>
    e instanceof WebAssembly.RuntimeError || e instanceof WebAssembly.CompileError ||
    e instanceof WebAssembly.LinkError || /wasm|WebAssembly|panicked at/i.test(text);
  const stopped = (e, text) => {
    if (!fromWasm(e, text)) return;
    setTimeout(() => {
      if (document.getElementById('reglab-fatal')) return;
      const app = document.querySelector('.app');
      // Once the app runs, only a trap of its wasm or its panic (which aborts into a trap) stops
      // it: a Rust panic or a wasm trap leaves its state half-updated, so nothing it shows
      // would answer any more (WebKit once trapped mid-run: README "Engines").
      if (app && !(e instanceof WebAssembly.RuntimeError) && !panic) return;
      document.getElementById('boot')?.remove(); // index.html's loading shell: it is not loading
      const box = document.createElement('div');
      box.id = 'reglab-fatal';
      box.className = app ? 'notice fatal stopped' : 'notice fatal';
      box.setAttribute('role', 'alert');
      box.dataset.testid = 'fatal';
      box.textContent = (app ? 'reglab stopped: ' : 'reglab could not start: ') + (panic || text || 'unknown error') +
        '. Reload the page: the link in the address bar keeps every setting.';
      if (app) {
        // The last picture stays on screen, but nothing in it answers: say so, and offer the
        // way back (a button, not an inline handler: the CSP blocks those).
        app.inert = true;
        app.classList.add('app-stopped');
        const reload = document.createElement('button');
        reload.type = 'button';
        reload.className = 'run';
        reload.dataset.testid = 'fatal-reload';
        reload.textContent = 'Reload';
        reload.addEventListener('click', () => location.reload());
        box.append(' ', reload);
      }
      document.body.prepend(box);
    });
  };
  // The panic hook's message, kept for the notice (and for tests: \`window.reglabStartupPanic\`; not a name
  // with two underscores, which scripts/budgets.sh reads as a test hook). Not
  // every engine reports the trap that follows as an error event (a module's rejected top-level
  // await), so the message alone is enough to check.
  const consoleError = console.error;
  console.error = function (...args) {
    const text = String(args[0] ?? '');
    if (text.includes('panicked at')) {
      panic = text;
      window.reglabStartupPanic = text;
      stopped(null, text);
    }
    return consoleError.apply(this, args);
  };
  addEventListener('error', (ev) => stopped(ev.error, String(ev.error?.message ?? ev.message ?? '')));
  addEventListener('unhandledrejection', (ev) => stopped(ev.reason, String(ev.reason?.message ?? ev.reason ?? '')));
}
`;

/**
 * The worker starts with the page, not after the app: on lecture-hall Wi-Fi the app's wasm takes
 * two seconds to arrive, and a worker started only then (its three files fetched one after the
 * other) cost the first chart another 0.85 s (issue 17). The loader starts it at once; when the
 * app asks for its first worker (\`new Worker('./worker_loader.js', { type: 'module' })\`), it
 * gets this one, and the messages the worker sent meanwhile (its Ready) go to the app's handler
 * once it is installed. A worker that failed before the app
 * asked is not handed over: the app starts its own, as without this. Plain JS in the loader, so
 * the wasm budget pays nothing.
 */
const EARLY_WORKER = `
// The worker starts now, in parallel with the app's wasm (scripts/postbuild.mjs EARLY_WORKER).
{
  const Base = window.Worker;
  const url = new URL('./worker_loader.js', import.meta.url).href;
  let early = null;
  try {
    early = new Base(url, { type: 'module' });
  } catch {
    // No module workers here: the app starts its worker itself and reports what fails.
  }
  if (early) {
    const held = [];
    const hold = (ev) => held.push(ev.data);
    const failed = () => {
      early?.terminate();
      early = null;
    };
    early.addEventListener('message', hold);
    early.addEventListener('error', failed, { once: true });
    const handOver = (worker) => {
      worker.removeEventListener('message', hold);
      worker.removeEventListener('error', failed);
      // The app sets its handler right after the constructor returns. The messages held so far
      // go to that handler (as installed, so a wrapper sees them too) in a microtask: after the
      // app's own set-up code has returned, and before any newer message, which is a task.
      Object.defineProperty(worker, 'onmessage', {
        configurable: true,
        get: () => Object.getOwnPropertyDescriptor(Base.prototype, 'onmessage').get.call(worker),
        set(handler) {
          delete worker.onmessage;
          worker.onmessage = handler;
          queueMicrotask(() => {
            for (const data of held.splice(0)) worker.onmessage?.call(worker, new MessageEvent('message', { data }));
          });
        },
      });
      return worker;
    };
    window.Worker = class extends Base {
      constructor(scriptUrl, options) {
        if (early && new URL(scriptUrl, document.baseURI).href === url && options?.type === 'module') {
          const worker = early;
          early = null;
          return handOver(worker);
        }
        super(scriptUrl, options);
      }
    };
  }
}
`;

/**
 * plotters 0.3 measures text (axis labels beside the plot, captions, legends) with a <span> whose
 * style it sets by setAttribute('style', ...) (plotters/src/style/font/web.rs). The CSP's
 * style-src 'self' blocks style attributes, which would log an error and measure with the wrong
 * font. The same declarations set through CSSOM are allowed, so on spans only, setAttribute('style')
 * goes through element.style.cssText. This opens nothing: only the site's own scripts run, and
 * they could use CSSOM anyway; style attributes in markup stay blocked.
 */
const PLOTTERS_TEXT_SHIM = `
// Under the CSP, plotters' text measuring span gets its style through CSSOM (scripts/postbuild.mjs).
{
  const setAttribute = Element.prototype.setAttribute;
  HTMLSpanElement.prototype.setAttribute = function (name, value) {
    if (String(name).toLowerCase() === 'style') this.style.cssText = String(value);
    else setAttribute.call(this, name, value);
  };
}
`;

async function listFiles(root, sub = '') {
  const out = [];
  for (const entry of await fs.readdir(path.join(root, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, rel)));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * `trunk serve` adds an inline live-reload script whose server address and base path it fills in
 * when it serves index.html, i.e. only inside the HTML. Moved into a file it must find them itself:
 * the page's host, and the directory the script was loaded from.
 */
function devReloader(body) {
  if (!body.includes('{{__TRUNK_ADDRESS__}}')) return body;
  return body
    .replace("'{{__TRUNK_ADDRESS__}}'", 'window.location.host')
    .replace("'{{__TRUNK_WS_BASE__}}'", "new URL('./', document.currentScript.src).pathname");
}

/** Moves every inline <script> into a hashed file; returns the new HTML. */
async function externaliseScripts(html) {
  let modules = 0;
  const pieces = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  let at = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const [whole, attrs] = m;
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const body = devReloader(m[2]);
    const isModule = /\btype\s*=\s*["']?module\b/i.test(attrs);
    // The first module script is Trunk's wasm loader: it also registers the service worker.
    const code = isModule && modules++ === 0 ? `${STARTUP_GUARD}${EARLY_WORKER}${PLOTTERS_TEXT_SHIM}${REGISTER_SW}\n${body.trim()}\n` : `${body.trim()}\n`;
    const name = `${isModule ? 'loader' : 'script'}-${hash16(code)}.js`;
    await fs.writeFile(path.join(dir, name), code);
    pieces.push(html.slice(at, m.index), `<script${attrs} src="${publicUrl}${name}"></script>`);
    at = m.index + whole.length;
    console.log(`postbuild: inline script (${body.length} B) -> ${name}`);
  }
  pieces.push(html.slice(at));
  if (modules === 0) fail('found no inline <script type="module"> (Trunk\'s loader) in index.html: did Trunk change its output?');
  return pieces.join('');
}

/** What a strict CSP (no 'unsafe-inline', default-src 'self') would block in the HTML. */
function cspProblems(html) {
  const problems = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1]) || m[2].trim() !== '') problems.push(`inline script: ${m[0].slice(0, 80)}`);
  }
  for (const m of html.matchAll(/<[^>]*\s(on[a-z]+|style)\s*=[^>]*>/gi)) problems.push(`${m[1]}= attribute: ${m[0].slice(0, 80)}`);
  if (/<style\b/i.test(html)) problems.push('a <style> element');
  for (const m of html.matchAll(/\s(?:href|src)\s*=\s*["']?\s*(data:|javascript:)/gi)) problems.push(`a ${m[1]} URL`);
  return problems;
}

if (!process.argv[2] && !process.env.TRUNK_STAGING_DIR) fail('no directory: run from Trunk (TRUNK_STAGING_DIR) or pass one');
const indexPath = path.join(dir, 'index.html');
let html = await fs.readFile(indexPath, 'utf8').catch(() => fail(`${indexPath} does not exist`));

const wasmFiles = (await fs.readdir(dir)).filter((f) => f.endsWith('.wasm')).map((f) => path.join(dir, f));
// Release builds only: a debug build keeps its names and debug info, and rebuilds in seconds.
if (wasmFiles.length && process.env.TRUNK_PROFILE !== 'debug') execFileSync(process.execPath, [path.join(here, 'strip-exports.mjs'), ...wasmFiles], { stdio: 'inherit' });

await fs.writeFile(path.join(dir, BUNDLE_FILE), await notebookBundle().catch((e) => fail(e.message)));
html = await externaliseScripts(html);
const problems = cspProblems(html);
if (problems.length) fail(`index.html would break the Content-Security-Policy:\n  ${problems.join('\n  ')}`);

// The version covers every file but sw.js (the one it is written into) and the meta tag below.
await fs.writeFile(indexPath, html);
const files = (await listFiles(dir)).filter((f) => f !== SW_FILE);
const contents = await Promise.all(files.map((f) => fs.readFile(path.join(dir, f))));
const version = hash16(...files.flatMap((f, i) => [f, '\0', contents[i], '\0']));

html = html.replace(/(<meta charset[^>]*>)/i, `$1\n    <meta name="reglab-build" content="${version}" />`);
if (!html.includes(version)) fail('index.html has no <meta charset> to put the build version after');
await fs.writeFile(indexPath, html);

// Trunk names hashed files NAME-<hash>.EXT (and NAME-<hash>_bg.wasm for wasm-bindgen output),
// the hash a u64 in hex without leading zeros: up to 16 digits, sometimes fewer.
const isHashed = (f) => /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/.test(path.basename(f));
const rel = (f) => `./${f}`;
const template = await fs.readFile(path.join(here, 'sw-template.js'), 'utf8');
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__IMMUTABLE__', JSON.stringify(files.filter(isHashed).map(rel)))
  .replace('__MUTABLE__', JSON.stringify(files.filter((f) => !isHashed(f)).map(rel)));
if (sw.includes('__VERSION__') || sw.includes('__IMMUTABLE__') || sw.includes('__MUTABLE__')) fail('sw-template.js: a placeholder was not replaced');
await fs.writeFile(path.join(dir, SW_FILE), sw);
console.log(
  `postbuild: build ${version}; ${SW_FILE} caches ${files.length} files (${files.filter(isHashed).length} hashed: cache first; ${files
    .filter((f) => !isHashed(f))
    .join(', ')}: network first)`,
);
