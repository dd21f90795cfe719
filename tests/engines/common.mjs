// What every engine adapter shares: polling from Node (never a loop inside the page: code sent
// through Firefox's evaluate runs far slower than the page's own, TOOLCHAIN.md), and the page
// object's small API, described once here.
//
// An engine (firefox.mjs / webkit.mjs / chromium.mjs, each `launch(options)`) is
//   { name, browser, version, driver,        // "firefox", "Firefox ESR", "153.8.0esr", "puppeteer-core 24 …"
//     newPage({ fresh }) → Page,             // fresh: a new profile/context (no shared cache or workers)
//     readClipboard(page) → string | null,   // what the page wrote with navigator.clipboard, or null
//     download(page, testId) → { name, text, how }, // clicks testId and returns the file it saves
//     consoleNote,                           // how (or whether) console errors are seen
//     close(),                               // also removes its download directory
//     alive(), gone, pid() }                 // whether the browser process is there, a promise
//                                            // settled when it goes away, its process id (run.mjs's
//                                            // crash guard; optional, every engine here has them)
// and a Page is
//   { goto(url), reload(), url(), eval(fn, ...args), click(testId), focus(testId), press(key),
//     dragHeld(testId, fractions, pauseMs), pointerUp(), problems(), close() }
// where problems() lists the console errors, page errors and failed requests seen so far (or,
// where the driver cannot read the console, what the page itself reports: see webkit.mjs).

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The CSS selector of a data-testid. */
export const byTestId = (id) => `[data-testid="${id}"]`;

/** `promise`, or an error saying `what` gave no answer within `ms` ms. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Calls `probe` (async, returns a value) every `interval` ms until `accept(value)` is true;
 * returns that value. Throws after `timeout` ms with `message` and the last value seen, or at
 * once when `fail(value)` returns a reason (a string). A probe that never answers (a driver
 * whose browser died mid-command: WebKitWebDriver then waits for ever) is given up at the
 * timeout too, so no wait outlives its timeout by more than one `interval`.
 */
export async function waitFor(probe, accept, { timeout = 60_000, interval = 100, message = 'condition', fail = () => null } = {}) {
  const t0 = Date.now();
  let last;
  let lastError;
  for (;;) {
    try {
      const left = Math.max(timeout - (Date.now() - t0), 0) + interval;
      last = await withTimeout(Promise.resolve().then(probe), left, `a probe while waiting for ${message}`);
      lastError = undefined;
      if (accept(last)) return last;
    } catch (e) {
      lastError = e;
    }
    const reason = lastError ? null : fail(last);
    if (reason) throw new Error(`${reason} (while waiting for ${message}; seen: ${JSON.stringify(last)})`);
    if (Date.now() - t0 > timeout) {
      const seen = lastError ? `error: ${lastError.message ?? lastError}` : JSON.stringify(last);
      throw new Error(`timed out after ${timeout} ms waiting for ${message}; last seen: ${seen}`);
    }
    await sleep(interval);
  }
}

/** Whether the engine's browser is still there a moment after a failure (a crash's disconnect
 * can reach the driver after the error it caused). */
export async function stillAlive(engine) {
  for (let i = 0; i < 10 && engine.alive(); i += 1) await sleep(100);
  return engine.alive();
}

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
