// The drills that check the engine suite's crash guard (run.mjs `--drill crash|fail`, run by
// tests/e2e/engines-guard.spec.mjs): one check whose browser process is killed on the suite's
// first run of the engine and that passes on the second, and one that fails on its own every
// time. Neither is part of the suite: `--drill` runs the drill alone.
import { sleep } from './common.mjs';

/** The drill check `kind` ('crash' or 'fail'); `attempt` is 1 on the engine's first run. */
export function drillCheck(kind, engine, attempt) {
  if (kind === 'crash') {
    return {
      id: 'x',
      name: "drill: the browser process is killed (SIGSEGV) on the engine's first run",
      async run() {
        const page = await engine.newPage();
        await page.goto('about:blank');
        if (attempt > 1) {
          await page.close();
          return `run ${attempt}: the browser is alive and this check passes`;
        }
        const pid = engine.pid?.();
        if (!pid) throw new Error(`${engine.name} does not say its browser's process id: the drill cannot kill it`);
        // What Chromium 148's crash did (README "Engines"): the browser process, not a renderer.
        process.kill(pid, 'SIGSEGV');
        await sleep(60_000); // the guard notices the dead browser long before this
        throw new Error('the browser survived SIGSEGV');
      },
    };
  }
  if (kind === 'fail') {
    return {
      id: 'y',
      name: 'drill: a check that fails with its browser alive',
      async run() {
        const page = await engine.newPage();
        await page.goto('about:blank');
        await page.close();
        throw new Error(`drill failure on run ${attempt}`);
      },
    };
  }
  throw new Error(`unknown drill '${kind}' (known: crash, fail)`);
}
