// Check (q) of the engines smoke suite (tests/engines/run.mjs): a wasm trap after the app started
// (WebKit once trapped mid-run in this suite: README "Engines") makes the loader's guard
// (scripts/postbuild.mjs STARTUP_GUARD) say that reglab stopped, leave the app inert, and offer a
// Reload that brings the same link back. The trap is a real one, of a tiny module of the check's
// own (faults.spec provokes a panic in the app's wasm itself, in a test-hooks build, in Chromium).
import { waitFor } from './common.mjs';

// (module (func (export "trap") unreachable)), in binary.
const TRAP_MODULE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 8, 1, 4, 116, 114, 97, 112, 0, 0, 10, 5, 1, 3, 0, 0, 11];
// Each engine words the trap its own way ("unreachable", "unreachable executed", "Unreachable
// code should not be executed").
const EXPECTED = /^reglab stopped: (.*unreachable.*)\. Reload the page: the link in the address bar keeps every setting\. Reload$/is;

/** The check, given the suite's `open`, `forget(page)` (its problems were provoked: (h) skips
 * them), the served site, `check` and `waitDone(page, mu)`. */
export function stoppedCheck({ open, forget, site, check, waitDone }) {
  return {
    id: 'q',
    name: 'a wasm trap after start: the page says reglab stopped, the app goes inert, Reload brings the same link back',
    async run() {
      const page = await open();
      await page.goto(`${site.root}?mu=0.3&epochs=3000&n=20&play=instant`);
      await waitDone(page, 0.3);
      // A real trap, from a module of two instructions whose function runs `unreachable`, called
      // by a timer with no script around it: an error thrown by the driver's injected script
      // would do in Firefox and WebKit, but Chromium mutes errors of scripts it did not load
      // from the page's origin ("Script error.", no error object), as it would a real trap's not.
      await page.eval((bytes) => {
        const trap = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports.trap;
        setTimeout(trap, 0);
      }, TRAP_MODULE);
      const seen = await waitFor(
        () => page.eval(() => ({
          text: document.querySelector('[data-testid="fatal"]')?.textContent ?? null,
          inert: document.querySelector('.app')?.inert ?? null,
          reload: !!document.querySelector('[data-testid="fatal-reload"]'),
          top: document.querySelector('[data-testid="fatal"]')?.getBoundingClientRect().top ?? null,
        })),
        (s) => s.text !== null,
        { timeout: 15_000, message: 'the notice that reglab stopped' },
      );
      check(EXPECTED.test(seen.text ?? ''), `the notice says "${seen.text}", not ${EXPECTED}`);
      check(seen.inert === true, `the stopped app is not inert (${seen.inert})`);
      check(seen.reload, 'no Reload button');
      check(seen.top >= 0 && seen.top < 100, `the notice is not at the top of the window (top ${seen.top})`);
      // The trap's error reaches the suite by an event of its own (Firefox: WebDriver BiDi's
      // log.entryAdded), which can come after the notice is drawn: a clean clone's Firefox read
      // no problem here, and (h) then saw the error arrive. Wait for it, then judge what came.
      const problems = await waitFor(() => page.problems(), (p) => p.length >= 1, {
        timeout: 10_000,
        message: "the trap's error in the page's log",
      });
      check(problems.length >= 1 && problems.every((p) => /unreachable/i.test(p)), `the page logged other problems: ${problems.join(' | ')}`);
      forget(page);
      await page.click('fatal-reload');
      await waitFor(
        () => page.eval(() => document.readyState === 'complete' && !document.querySelector('[data-testid="fatal"]') && !!document.querySelector('.app')),
        (ok) => ok === true,
        { timeout: 30_000, message: 'the reloaded page without the notice' },
      );
      const r = await waitDone(page, 0.3);
      const inert = await page.eval(() => document.querySelector('.app').inert);
      check(inert === false, 'the reloaded app is inert');
      await page.close();
      return `"${seen.text}"; .app inert; Reload → μ ${r.chart.mu} done again (${new URL(r.href).search.slice(0, 40)}…)`;
    },
  };
}
