// A WebDriver server that is up (GET /status answers ready) but never answers anything else: what
// WebKitWebDriver looks like when the MiniBrowser it launched for a new session died at start.
// webkit.mjs starts it in place of the first driver when REGLAB_WEBKIT_DRILL=hung-session, so
// that tests/e2e/engines-guard.spec.mjs can check that such a session is given up and opened
// again on a new driver.
import http from 'node:http';

const port = Number(process.argv.find((a) => a.startsWith('--port='))?.slice(7));
http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/status') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ value: { ready: true, message: 'hung-driver: up, and answers nothing else' } }));
    }
    // Anything else stays open, unanswered, until the process is ended.
  })
  .listen(port, '127.0.0.1');
