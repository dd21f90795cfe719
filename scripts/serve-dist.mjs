#!/usr/bin/env node
// A tiny static file server for the built site (dist/), for the end-to-end tests and for a quick
// look at a release build. No dependencies: Node's http module only.
//
//   node scripts/serve-dist.mjs [--dir dist] [--host 127.0.0.1] [--port 0] [--base /reglab/]
//                               [--csp on|off] [--pages on|off]
//
// Serves DIR at / and, to prove the build works under a sub-path, also at BASE (default
// /reglab/). Port 0 picks a free port; the URL is printed once listening. .wasm is served as
// application/wasm (needed for WebAssembly.instantiateStreaming). Stops on SIGINT/SIGTERM.
// Every response carries the site's strict Content-Security-Policy (CSP below; --csp off leaves
// it out), so every page the end-to-end tests open proves the site needs nothing it forbids.
// --pages on answers as a static host such as GitHub Pages does: text and wasm gzipped (zlib level
// 9, as scripts/wasm-size.mjs measures) when the browser accepts it, and `Cache-Control:
// max-age=600` in place of no-store (so the page's three workers fetch worker_bg.wasm once).
// `make bench` uses it for the first load on a throttled network.
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
function opt(name, fallback) {
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < args.length) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

const root = path.resolve(opt('dir', 'dist'));
const host = opt('host', '127.0.0.1');
const port = Number(opt('port', process.env.PORT ?? '0'));
let base = opt('base', '/reglab/');
if (!base.startsWith('/')) base = `/${base}`;
if (!base.endsWith('/')) base = `${base}/`;
const cspOpt = opt('csp', 'on');
if (cspOpt !== 'on' && cspOpt !== 'off') {
  console.error(`serve-dist: --csp must be on or off, not ${cspOpt}`);
  process.exit(2);
}

// The policy reglab is built for (README "Hosting"): scripts, styles and everything else only from
// the site itself; 'wasm-unsafe-eval' lets it compile its WebAssembly, and nothing else.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const SECURITY = cspOpt === 'on' ? { 'Content-Security-Policy': CSP } : {};
const pages = opt('pages', 'off');
if (pages !== 'on' && pages !== 'off') {
  console.error(`serve-dist: --pages must be on or off, not ${pages}`);
  process.exit(2);
}
const CACHE = pages === 'on' ? 'max-age=600' : 'no-store';

// What --pages on compresses, and the compressed files (by path and modification time).
const COMPRESSIBLE = /^(text\/|application\/(wasm|json)|image\/svg)/;
const gzipCache = new Map();
async function gzipped(file, stat) {
  const key = `${file}:${stat.mtimeMs}`;
  if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(await fs.readFile(file), { level: 9 }));
  return gzipCache.get(key);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY });
  res.end(text);
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    return send(res, 400, 'bad request\n');
  }
  // The sub-path mount: /reglab/x -> x; /reglab -> redirect so relative URLs resolve inside it.
  if (`${pathname}/` === base) {
    res.writeHead(301, { Location: base, ...SECURITY });
    return res.end();
  }
  if (pathname.startsWith(base)) pathname = `/${pathname.slice(base.length)}`;

  let file = path.join(root, path.normalize(pathname));
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'forbidden\n');
  let stat;
  try {
    stat = await fs.stat(file);
    if (stat.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${req.url.split('?')[0]}/`, ...SECURITY });
        return res.end();
      }
      file = path.join(file, 'index.html');
      stat = await fs.stat(file);
    }
  } catch {
    return send(res, 404, `not found: ${pathname}\n`);
  }
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (pages === 'on' && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    const body = await gzipped(file, stat);
    const headers = { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': body.length, Vary: 'Accept-Encoding' };
    res.writeHead(200, { ...headers, 'Cache-Control': CACHE, ...SECURITY });
    return res.end(req.method === 'HEAD' ? undefined : body);
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': stat.size, 'Cache-Control': CACHE, ...SECURITY });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

try {
  await fs.access(path.join(root, 'index.html'));
} catch {
  console.error(`serve-dist: ${root}/index.html does not exist: build first (make build)`);
  process.exit(1);
}

const server = createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) send(res, 500, 'internal error\n');
    else res.destroy();
  });
});
server.listen(port, host, () => {
  const { port: actual } = server.address();
  const csp = cspOpt === 'on' ? 'with' : 'WITHOUT';
  console.log(`serving ${root} at http://${host}:${actual}/ and http://${host}:${actual}${base} (${csp} the CSP header)`);
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  });
}
