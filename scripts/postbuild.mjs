#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml [[hooks]]): makes the staged build CSP-clean and offline-capable.
//
//   node scripts/postbuild.mjs [DIR]     (DIR defaults to $TRUNK_STAGING_DIR)
//
// 1. Trunk writes its wasm loader into index.html as an inline <script type="module">, which the
//    site's Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval') blocks. Every inline
//    script moves into its own content-hashed file, referenced by <script src>. The module loader
//    also registers the service worker, and lets plotters measure text under the CSP (see
//    PLOTTERS_TEXT_SHIM).
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
    const code = isModule && modules++ === 0 ? `${PLOTTERS_TEXT_SHIM}${REGISTER_SW}\n${body.trim()}\n` : `${body.trim()}\n`;
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
