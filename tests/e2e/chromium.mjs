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
