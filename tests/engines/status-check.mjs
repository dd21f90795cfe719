// Check (r) of the engines smoke suite (tests/engines/run.mjs): the status line's words
// (src/view/run_state.rs, RunState::Updating). A run asked for while a finished answer is shown
// keeps that answer's words until the worker reports progress (after 100 ms of compute), while
// the status's data-state says `running` at once: quick runs never flash "Computing", and a long
// one says it once its progress comes. The e2e test of the same name is Chromium's.
import { observeStatus, summariseStatus } from '../shared/status-words.mjs';
import { waitFor } from './common.mjs';

/** The check, given the suite's `open` (a new page), the served site, `check` and
 * `waitDone(page, mu)`. */
export function statusCheck({ open, site, check, waitDone }) {
  return {
    id: 'r',
    name: 'quick runs keep the shown answer’s words (data-state says running at once); a long run says Computing after its progress',
    async run() {
      const page = await open();
      // 3 000 epochs on 20 coordinates: well under a millisecond of compute in any engine.
      await page.goto(`${site.root}?lang=en&mu=0.3&epochs=3000&n=20&play=instant`);
      await waitDone(page, 0.3);
      await page.eval(observeStatus);
      const runs = 5;
      for (let i = 0; i < runs; i += 1) {
        const before = await page.eval(() => window.__seen.length);
        await page.click('run');
        await waitFor(
          () => page.eval((k) => window.__seen.slice(k).map((s) => s.state), before),
          (states) => states.includes('running') && states.at(-1) === 'done',
          { timeout: 30_000, message: `Run ${i + 1} said running, then done` },
        );
      }
      const { starts, words } = summariseStatus(await page.eval(() => window.__seen));
      check(starts === runs, `data-state went to running ${starts} times for ${runs} runs`);
      check(words.length === 1 && words[0] === 'Done', `the words of quick runs were ${words.join(', ')}, not only Done`);

      // 10 million epochs (about a second in Chromium): the first run answers, then a new μ.
      await page.goto(`${site.root}?lang=en&mu=0.3&epochs=10000000&n=20&play=instant`);
      await waitDone(page, 0.3);
      await page.eval(observeStatus);
      await page.focus('mu-slider');
      await page.press('ArrowRight');
      await waitFor(
        () => page.eval(() => window.__seen.map((s) => s.words)),
        (w) => w.includes('Computing'),
        { timeout: 60_000, message: 'the long run says Computing' },
      );
      const long = await waitFor(
        () => page.eval(() => window.__seen),
        (seen) => seen.at(-1).state === 'done',
        { timeout: 180_000, message: 'the long run for the new μ is done' },
      );
      const firstRunning = long.find((s) => s.state === 'running');
      check(firstRunning?.words === 'Done', `the long run began with the words ${firstRunning?.words}, not the answer's (Done)`);
      return `${runs} quick runs: data-state running ${starts} times, the words always Done; a 10 000 000-epoch run: ${summariseStatus(long).words.join(' → ')}`;
    },
  };
}
