// How every headless Chromium of the project is launched (the Playwright config and
// scripts/bench-browser.mjs): Debian's Chromium (CHROMIUM overrides it), no sandbox (we run as
// root), no network look-ups.
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

/**
 * Why a browser launch failed, when the browser process was killed by a signal while it started
 * (Debian Chromium 148's browser-process SIGSEGV, README "Engines"), or null for any other
 * failure. Reads both launchers' errors: Playwright ends its message with the browser's log,
 * `<process did exit: exitCode=null, signal=SIGSEGV>`; puppeteer says `Failed to launch the
 * browser process: Code: null` (a process ended by a signal has no exit code).
 */
function crashedAtLaunch(error) {
  const text = String(error?.message ?? error);
  const signal = /exitCode=null, signal=(SIG[A-Z]+)/.exec(text);
  if (signal) return `killed by ${signal[1]}`;
  if (/Failed to launch the browser process: +Code: null\b/.test(text)) return 'killed by a signal';
  return null;
}

/**
 * `launch()`'s browser, launched once more when the first launch crashed (crashedAtLaunch): no
 * test or check has run then, so nothing is retried but the start. Any other failure is thrown.
 * `who` names the browser in the `#####` line written with `log`.
 */
export async function launchOnceMoreAfterCrash(launch, who, log = console.error) {
  try {
    return await launch();
  } catch (e) {
    const why = crashedAtLaunch(e);
    if (!why) throw e;
    log(`##### ${who}'s browser process crashed while it started (${why}): it is launched once more`);
    return launch();
  }
}
