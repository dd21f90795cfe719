// A page of someone else's site that embeds reglab: a temporary directory with one index.html
// holding `<iframe>`s of a reglab link, served by scripts/serve-dist.mjs on a loopback port of
// its own (another origin than reglab's) and WITHOUT a CSP of its own (`--csp off`): the host
// is a course page, reglab inside its frames still gets reglab's CSP from reglab's server.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Serves a host page with one `<iframe>` per entry of `frames` ({ id, src, width, height,
 * title }). Resolves to { url, dir, stop }: `url` is the host page, `stop()` ends the server
 * and removes the directory.
 */
export async function startEmbedHost(frames) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglab-embed-host-'));
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A course page embedding reglab</title>
<link rel="icon" href="data:,">
<style>
  body { font-family: sans-serif; margin: 16px; background: #f4f1ea; }
  .reglab-frame { border: 0; display: block; margin: 0 0 24px; background: #fff; }
</style>
</head>
<body>
<h1>Week 3: regularisation</h1>
${frames
  .map(
    (f) =>
      `<iframe id="${esc(f.id)}" class="reglab-frame" src="${esc(f.src)}" width="${f.width}" height="${f.height}" title="${esc(f.title)}"></iframe>`,
  )
  .join('\n')}
</body>
</html>
`;
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts/serve-dist.mjs'), '--dir', dir, '--host', '127.0.0.1', '--port', '0', '--csp', 'off'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.once('exit', (code) => reject(new Error(`embed host server exited (${code}): ${err}`)));
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const m = /at (http:\/\/[^ ]+\/) and .*WITHOUT the CSP/.exec(text);
      if (m) resolve(m[1]);
    });
  });
  return {
    url,
    dir,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
