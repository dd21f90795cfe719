// Check (k) of the three-engine suite (run.mjs): Record. Where the engine can record a canvas,
// a 1 s recording at 1280×720 must give a file that the engine's own <video> loads, with a finite
// duration near 1 s, 1280×720 frames and its frames restamped on the plan; where it cannot, the
// Record button must be disabled and say why (its title and the bar's message), and nothing may
// fail.
//
// The page's saved Blob is caught where the page hands it to the browser (URL.createObjectURL, as
// webkit.mjs's download does), read as a data: URL by the engine itself (FileReader: no loop in
// an evaluate) and played in a blank page: the site's CSP allows no blob: media.
import fs from 'node:fs';
import path from 'node:path';

import { waitFor } from './common.mjs';

/** The check; `open` makes a page the suite tracks, `waitDone(page, mu)` waits for the run. */
export function recordCheck({ open, site, check, waitDone }) {
  return {
    id: 'k',
    name: 'Record: a 1 s video at 1280×720 that the engine plays with its duration, or a clear message where it cannot record',
    async run() {
      const page = await open();
      await page.goto(`${site.root}?mu=0.1&epochs=5000&n=20&play=1`);
      await waitDone(page, 0.1);
      const button = await page.eval(() => {
        const b = document.querySelector('[data-testid="record"]');
        return b ? { disabled: b.disabled, title: b.title, note: document.querySelector('[data-testid="record-message"]')?.textContent ?? '' } : null;
      });
      check(button, 'no Record button');
      if (button.disabled) {
        check(/cannot record video/.test(button.title) && button.note === button.title, `Record is disabled without saying why: title "${button.title}", message "${button.note}"`);
        return `cannot record here; the button is disabled and says: "${button.title}"`;
      }
      await page.eval(() => {
        window.__recorded = null;
        const create = URL.createObjectURL;
        URL.createObjectURL = function (obj) {
          if (obj instanceof Blob && obj.type.startsWith('video/')) window.__recorded = obj;
          return create.call(this, obj);
        };
      });
      await page.click('record');
      const bar = await waitFor(
        () => page.eval(() => ({ ...document.querySelector('[data-testid="record-bar"]').dataset, note: document.querySelector('[data-testid="record-message"]').textContent })),
        (d) => d.recordState === 'done' || d.recordState === 'failed',
        { timeout: 60_000, interval: 250, message: 'the recording to end' },
      );
      if (bar.recordState === 'failed' && /cannot record video/.test(bar.note)) {
        // The engine said it records this type, then handed back an empty file (WebKitGTK
        // without an H.264 encoder): the page must say so and offer Record no more.
        const after = await page.eval(() => {
          const b = document.querySelector('[data-testid="record"]');
          return { disabled: b.disabled, title: b.title, held: document.querySelector('[data-testid="record-bar"]').dataset.recordHeld };
        });
        check(after.disabled && after.title === bar.note, `after an empty recording Record is not disabled with the reason: ${JSON.stringify(after)}`);
        check(after.held === 'none', `the failed recording still holds: ${after.held}`);
        return `the engine's recorder (${bar.recordType || 'its first type'}) returned an empty file; the page says: "${bar.note}" and disables Record`;
      }
      check(bar.recordState === 'done', `the recording failed: ${bar.note}`);
      check(bar.recordHeld === 'none', `after saving, the recording still holds: ${bar.recordHeld}`);
      // Frames restamped on the plan: otherwise a frame that reached the encoder late and the
      // held last picture lengthen the file (src/view/mp4.rs, webm.rs).
      check(bar.recordStamped === 'plan', `the ${bar.recordType} file's frames were not restamped on the plan (${bar.recordStamped})`);
      const url = await page.eval(
        () =>
          new Promise((ok) => {
            const r = new FileReader();
            r.onload = () => ok(r.result);
            r.readAsDataURL(window.__recorded);
          }),
      );
      // RECORD_SAVE=dir keeps each engine's file there, to look at (ffprobe, a player).
      if (process.env.RECORD_SAVE) {
        const ext = bar.recordType.startsWith('video/mp4') ? 'mp4' : 'webm';
        const file = path.join(process.env.RECORD_SAVE, `record-${Date.now()}.${ext}`);
        fs.writeFileSync(file, Buffer.from(url.split(',')[1], 'base64'));
      }
      const player = await open();
      await player.goto('about:blank');
      const v = await player.eval(async (u) => {
        const blob = await (await fetch(u)).blob();
        const video = document.createElement('video');
        video.muted = true;
        video.src = URL.createObjectURL(blob);
        const error = await new Promise((ok) => {
          video.onloadedmetadata = () => ok(null);
          video.onerror = () => ok(video.error?.message || `media error ${video.error?.code}`);
        });
        return { error, duration: video.duration, w: video.videoWidth, h: video.videoHeight };
      }, url);
      check(!v.error, `the engine cannot play the file (${bar.recordType}): ${v.error}`);
      check(Number.isFinite(v.duration) && Math.abs(v.duration - 1) <= 0.1, `duration ${v.duration} s, not 1 s ± 10 %`);
      check(v.w === 1280 && v.h === 720, `frames ${v.w}×${v.h}, not 1280×720`);
      return `${bar.recordType}, ${bar.recordBytes} bytes, stamped on the ${bar.recordStamped}; its <video>: ${v.duration.toFixed(3)} s, ${v.w}×${v.h}`;
    },
  };
}
