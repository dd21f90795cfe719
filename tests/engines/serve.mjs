// Serving a built site for the engine suite and the per-engine bench: scripts/serve-dist.mjs (the
// site's CSP on every response) on a free loopback port, started and stopped by the caller.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Serves `dir` (under / and under `base`); resolves to { root, url, stop } where `url` is the
 * sub-path URL (e.g. http://127.0.0.1:PORT/reglab/) and `root` the site at /. `stop()` resolves
 * once the server has exited. Each call is its own origin (its own port): a service worker
 * registered on one never answers for another. Pass `port` to serve on a given one instead of a
 * free one the OS picks (e.g. to restart a site on the same origin).
 */
export function serve(dir, { base = '/reglab/', port = 0 } = {}) {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts/serve-dist.mjs'), '--dir', path.resolve(dir), '--host', '127.0.0.1', '--port', String(port), '--base', base, '--csp', 'on'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let text = '';
    child.once('exit', (code) => reject(new Error(`serve-dist for ${dir} exited (${code}): ${err}`)));
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const m = /at (http:\/\/[^ ]+\/) and (http:\/\/[^ ]+\/) \(with the CSP/.exec(text);
      if (m) {
        resolve({
          root: m[1],
          url: m[2],
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
  });
}
