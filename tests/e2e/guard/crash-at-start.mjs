// The launch drill both guard specs run (guard.spec: Playwright's fixture; engines-guard.spec:
// the engine suite): the environment that puts chromium-crashes-at-start.sh in Chromium's place,
// so the drill's first launch dies of SIGSEGV as it starts and every later one is the real
// Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CHROMIUM_LAUNCH } from '../chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** `env` to add to the drill's environment, and `crashed()`: whether its first launch did crash
 * (the stand-in made its mark). */
export function crashAtStart() {
  const mark = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reglab-launch-drill-')), 'crashed');
  return {
    env: {
      CHROMIUM: path.join(here, 'chromium-crashes-at-start.sh'),
      REGLAB_LAUNCH_DRILL_MARK: mark,
      REGLAB_LAUNCH_DRILL_CHROMIUM: CHROMIUM_LAUNCH.executablePath,
    },
    crashed: () => fs.existsSync(mark),
  };
}
