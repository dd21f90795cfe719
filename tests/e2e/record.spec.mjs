// Record (issue 16, acceptance 3): the run's playback rendered to a video file. A 3 s recording
// at 1280×720 loads in Chromium's <video> with a duration within 5 % of 3 s and 1280×720 frames;
// its first and last frames differ and the last equals the finished run's composed frame (the
// "Last frame (PNG)" the page renders off screen), compared on a grid of averaged cells with a
// tolerance for codec loss; Cancel stops the recorder within 200 ms on the page's own clock and
// releases the recorder, the stream and the canvases; the live page is not disturbed.
//
// The file is played in a page of its own (about:blank): the site's CSP (default-src 'self')
// allows no blob: media, and the app itself never plays the file back.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Lab, watchProblems, RUN_TIMEOUT } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = path.join(here, 'artifacts');
const DOCS_SHOTS = path.join(here, '..', '..', 'docs', 'screenshots');
fs.mkdirSync(ARTIFACTS, { recursive: true });

/** Grid cells of the pixel comparison: 20×20 px blocks of a 1280×720 frame. */
const GRID = { cols: 64, rows: 36 };

/**
 * In a blank page: loads `video` (base64) into a <video>, reads its duration and size, and the
 * averaged-cell grids of its first frame, its last frame and of `still` (a PNG, base64).
 */
async function inspect(context, video, mime, still) {
  const page = await context.newPage();
  await page.goto('about:blank');
  const out = await page.evaluate(
    async ({ video, mime, still, grid }) => {
      const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes(video)], { type: mime }));
      const v = document.createElement('video');
      v.muted = true;
      v.preload = 'auto';
      v.src = url;
      await new Promise((ok, bad) => {
        v.onloadeddata = ok;
        v.onerror = () => bad(new Error(`the video does not load: ${v.error?.message}`));
      });
      const { duration, videoWidth: w, videoHeight: h } = v;
      const pictures = [];
      const cells = (source) => {
        const c = document.createElement('canvas');
        pictures.push(c);
        c.width = w;
        c.height = h;
        const ctx = c.getContext('2d', { willReadFrequently: true });
        ctx.drawImage(source, 0, 0, w, h);
        const px = ctx.getImageData(0, 0, w, h).data;
        const [cw, ch] = [w / grid.cols, h / grid.rows];
        const sums = new Float64Array(grid.cols * grid.rows * 3);
        for (let y = 0; y < h; y++) {
          for (let x = 0; x < w; x++) {
            const cell = Math.floor(y / ch) * grid.cols + Math.floor(x / cw);
            for (let k = 0; k < 3; k++) sums[cell * 3 + k] += px[(y * w + x) * 4 + k];
          }
        }
        return Array.from(sums, (s) => s / (cw * ch));
      };
      const seek = (t) =>
        new Promise((ok) => {
          v.onseeked = ok;
          v.currentTime = t;
        });
      await seek(0);
      const first = cells(v);
      // Half a frame before the end: inside the last frame's 1/30 s.
      await seek(Number.isFinite(duration) ? Math.max(0, duration - 1 / 60) : 1e6);
      const last = cells(v);
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([bytes(still)], { type: 'image/png' }));
      await img.decode();
      const ref = cells(img);
      // The two video frames as PNG, for the artifacts (a failing comparison is looked at).
      const [firstPng, lastPng] = pictures.slice(0, 2).map((c) => c.toDataURL('image/png').split(',')[1]);
      return { duration, w, h, first, last, ref, firstPng, lastPng, stillSize: [img.naturalWidth, img.naturalHeight] };
    },
    { video, mime, still, grid: GRID },
  );
  await page.close();
  return out;
}

/** Mean and largest |a − b| over the cells' channels, and the cells that differ by over 8. */
function diff(a, b) {
  let sum = 0;
  let max = 0;
  let cells = 0;
  for (let i = 0; i < a.length; i += 3) {
    const d = Math.max(...[0, 1, 2].map((k) => Math.abs(a[i + k] - b[i + k])));
    sum += d;
    max = Math.max(max, d);
    if (d > 8) cells += 1;
  }
  return { mean: sum / (a.length / 3), max, cells };
}

async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

test.describe('record', () => {
  // Also on a 3× slower CPU (Chromium's CPU throttling, from the finished run on): there a frame
  // reaches the encoder long after it is sent. Before the files were restamped on the plan, that
  // recording lasted 3.6 s and lost its last picture every time (a CI machine lost it too).
  for (const slower of [1, 3]) {
    const where = slower === 1 ? '' : ` on a ${slower}× slower CPU`;
    test(`a 3 s recording at 1280×720${where}: duration, size, first ≠ last, last = the finished run`, async ({ page, context }, testInfo) => {
      test.setTimeout(180_000);
      const problems = watchProblems(page);
      await page.setViewportSize({ width: 1280, height: 720 });
      const lab = new Lab(page);
      await lab.open('mu=0.1&play=3');
      await lab.waitDone({ mu: 0.1, timeout: RUN_TIMEOUT });
      const bar = page.getByTestId('record-bar');
      await expect(page.getByTestId('record')).toBeEnabled();
      const live = await lab.chartInfo();
      const livePixels = await lab.chartPixels();
      if (slower > 1) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: slower });
      }

      const still = await downloadOf(page, () => page.getByTestId('record-still').click());
      expect(still.name).toBe('reglab-mu0.1-last-frame-1280x720.png');
      const video = await downloadOf(page, () => page.getByTestId('record').click());
      await expect(bar).toHaveAttribute('data-record-state', 'done');
      const attrs = await bar.evaluate((el) => ({ ...el.dataset }));
      const mime = attrs.recordType.split(';')[0];
      console.log(`record: ${video.name}, ${video.bytes.length} bytes, ${attrs.recordType}, recorded for ${attrs.recordDurationMs} ms (page clock), frames stamped on the ${attrs.recordStamped}, holds: ${attrs.recordHeld}`);
      expect(video.name).toMatch(/^reglab-mu0\.1-3s-1280x720\.(mp4|webm)$/);
      expect(attrs.recordHeld).toBe('none');
      // Restamped on the plan (1/30 s a frame), however late the frames reached the encoder.
      expect(attrs.recordStamped).toBe('plan');
      expect(await page.locator('.rec-chart').count()).toBe(0);
      // The video under test-results/ (git ignores it there), the pictures with the artifacts.
      fs.writeFileSync(testInfo.outputPath(video.name), video.bytes);
      const artifact = (name) => path.join(ARTIFACTS, slower === 1 ? name : name.replace(/\.png$/, `-${slower}x-slower.png`));
      fs.writeFileSync(artifact(still.name), still.bytes);

      // The live page was not touched: same run, same pixels.
      expect(await lab.chartInfo()).toEqual(live);
      expect(await lab.chartPixels()).toBe(livePixels);

      const v = await inspect(context, video.bytes.toString('base64'), mime, still.bytes.toString('base64'));
      for (const [name, b64] of [['first', v.firstPng], ['last', v.lastPng]]) {
        fs.writeFileSync(artifact(`record-video-${name}-frame.png`), Buffer.from(b64, 'base64'));
      }
      const lastVsStill = diff(v.last, v.ref);
      const firstVsLast = diff(v.first, v.last);
      console.log(
        `record: <video> duration ${v.duration} s, ${v.w}×${v.h}; still ${v.stillSize.join('×')}; ` +
          `last frame vs finished run: mean ${lastVsStill.mean.toFixed(2)}, max ${lastVsStill.max.toFixed(1)}, ${lastVsStill.cells} cells > 8 of ${GRID.cols * GRID.rows}; ` +
          `first vs last: mean ${firstVsLast.mean.toFixed(2)}, max ${firstVsLast.max.toFixed(1)}, ${firstVsLast.cells} cells > 8`,
      );
      expect(Number.isFinite(v.duration), 'the file states its duration').toBe(true);
      expect(Math.abs(v.duration - 3)).toBeLessThanOrEqual(0.15);
      expect([v.w, v.h]).toEqual([1280, 720]);
      expect(v.stillSize).toEqual([1280, 720]);
      // Codec loss blurs thin lines a little; a different epoch moves whole curves.
      expect(lastVsStill.mean).toBeLessThanOrEqual(2);
      expect(lastVsStill.cells).toBeLessThanOrEqual(10);
      expect(firstVsLast.cells).toBeGreaterThanOrEqual(40);
      problems.expectNone();
    });
  }

  test('Cancel stops the recorder within 200 ms and releases it; the bar at 1280×720', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const problems = watchProblems(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    const lab = new Lab(page);
    await lab.open('mu=0.05&play=10');
    await lab.waitDone({ mu: 0.05, timeout: RUN_TIMEOUT });
    const bar = page.getByTestId('record-bar');
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await bar.scrollIntoViewIfNeeded();
    await page.getByTestId('record').click();
    await expect(bar).toHaveAttribute('data-record-state', 'recording');
    await expect(bar).toHaveAttribute('data-record-held', 'recorder stream canvas');
    await expect.poll(async () => Number(await page.getByTestId('record-progress').getAttribute('value'))).toBeGreaterThan(30);
    const shot = path.join(ARTIFACTS, 'record-1280x720.png');
    await page.screenshot({ path: shot });
    if (process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(shot, path.join(DOCS_SHOTS, 'record-1280x720.png'));
    await testInfo.attach('record-1280x720', { path: shot, contentType: 'image/png' });

    await page.getByTestId('record-cancel').click();
    await expect(bar).toHaveAttribute('data-record-state', 'cancelled');
    const attrs = await bar.evaluate((el) => ({ ...el.dataset }));
    console.log(`record: Cancel → the recorder's stop event after ${attrs.recordCancelMs} ms (page clock); holds: ${attrs.recordHeld}`);
    expect(Number(attrs.recordCancelMs)).toBeGreaterThanOrEqual(0);
    expect(Number(attrs.recordCancelMs)).toBeLessThanOrEqual(200);
    expect(attrs.recordHeld).toBe('none');
    // Nothing was saved, so nothing was restamped.
    expect(attrs.recordStamped).toBe('');
    expect(await page.locator('.rec-chart').count()).toBe(0);
    await expect(page.getByTestId('record-progress')).toHaveCount(0);
    await expect(page.getByTestId('record-message')).toHaveText('Recording cancelled.');
    expect(downloads).toBe(0);
    // Record works again after a Cancel.
    await expect(page.getByTestId('record')).toBeEnabled();
    problems.expectNone();
  });
});
