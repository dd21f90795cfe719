// reglab in French (issue 16, acceptance 4): `?lang=fr` speaks French with a decimal comma and
// French typography on screen, no English text of the message catalogue is visible, the machine
// outputs (run CSV, state JSON, the copied link) are byte for byte the English page's, the
// language menu switches language keeping the state, and `lang=de` falls back to English with
// no error. Screenshots of the lab, the sweep and the lecture stage in French at 1280×720 go to
// tests/e2e/artifacts/ (and docs/screenshots/fr-*.png with UPDATE_SCREENSHOTS=1).
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Lab, runTool, watchProblems } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const ARTIFACTS = path.join(here, 'artifacts');
const DOCS_SHOTS = path.join(ROOT, 'docs', 'screenshots');
fs.mkdirSync(ARTIFACTS, { recursive: true });

const FRENCH_CAPTION = 'μ = 0,05\u00a0: bande [−9\u202f; 11] — 95 coordonnées sur 100 suivent z0';
const ENGLISH_CAPTION = 'μ = 0.05: band [-9, 11] — 95 of 100 coordinates follow z0';

/** The catalogue, from the crate itself (examples/i18n_strings.rs): [{key, en, fr, same}]. */
async function catalogue() {
  return JSON.parse(await runTool('cargo', ['run', '--quiet', '--example', 'i18n_strings'], { cwd: ROOT }));
}

/**
 * The English texts a French page must not show: each entry that differs in French, cut at its
 * holes ({mu}) into its literal pieces; pieces without three letters in a row (symbols, maths)
 * say nothing about the language and are left out, as are pieces French text also contains.
 */
function englishPieces(entries) {
  const pieces = new Set();
  // A piece that French text contains too ("dimension", "Tournesol λ") is no sign of English.
  const french = entries.map((e) => e.fr).join('\n');
  for (const e of entries) {
    if (e.same || e.en === e.fr) continue;
    const holes = /\{[a-z_]+\}/.test(e.en);
    for (const piece of e.en.split(/\{[a-z_]+\}/)) {
      const p = piece.trim().replace(/^[—:;,.()\s]+|[—:;,.()\s]+$/g, '');
      // A template's piece must be a phrase (two words or more): a lone "The" or "value" cut
      // out of a sentence says nothing about the page's language.
      const phrase = !holes || /\p{L}+\s+\p{L}+/u.test(p);
      if (phrase && /\p{L}{3,}/u.test(p) && !french.includes(p)) pieces.add(p);
    }
  }
  return [...pieces];
}

/** The pieces of `pieces` that `text` shows as whole words. */
function visibleIn(text, pieces) {
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return pieces.filter((p) => new RegExp(`(^|[^\\p{L}])${esc(p)}($|[^\\p{L}])`, 'u').test(text));
}

async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return fs.readFileSync(await file.path(), 'utf8');
}

/** Run CSV, state JSON and the copied link of the page at `query`, once its run is done. */
async function machineOutputs(browser, query) {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const lab = new Lab(page);
  await lab.open(query);
  await lab.waitDone({ mu: 0.05 });
  const csv = await download(page, 'export-csv');
  const json = await download(page, 'export-json');
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).not.toBeEmpty();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const input = await page.getByTestId('mu-input').inputValue();
  await context.close();
  return { csv, json, link, input };
}

test('Playwright reports English as the browser language (so the other specs run in English)', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('mu=0.05');
  const languages = await page.evaluate(() => navigator.languages);
  console.log(`navigator.languages = ${JSON.stringify(languages)}`);
  expect(languages[0]).toMatch(/^en/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('lecture-caption')).toHaveText(ENGLISH_CAPTION);
});

test('?lang=fr: the caption in French with a decimal comma, and no English text of the catalogue on the page', async ({ page }) => {
  test.setTimeout(300_000); // the first call builds examples/i18n_strings.rs
  // Before the page opens, so that the build (on a cold clone) does not share the cores with it.
  const pieces = englishPieces(await catalogue());
  expect(pieces.length).toBeGreaterThan(100);
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('lang=fr&mu=0.05');
  await lab.waitDone({ mu: 0.05 });
  await expect(page.getByTestId('lecture-caption')).toHaveText(FRENCH_CAPTION);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('lang-select')).toHaveValue('fr');
  // The machine values keep the dot: what the link parser and the tests read.
  await expect(page.getByTestId('mu-input')).toHaveValue('0.05');
  await expect(page.getByTestId('band')).toHaveAttribute('data-lo', '-9');
  await expect(page.getByTestId('band')).toContainText('[−9,0000\u202f; 11,0000]');

  // Open every panel a student can open, so their text counts too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const lab_text = await page.evaluate(() => document.body.innerText);
  // A short sweep: its words are the point, not its numbers.
  await page.goto('/?lang=fr&view=sweep&epochs=2000&n=50');
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const sweep_text = await page.evaluate(() => document.body.innerText);
  await page.getByTestId('keys-toggle').click();
  const keys_text = await page.evaluate(() => document.body.innerText);
  fs.writeFileSync(path.join(ARTIFACTS, 'fr-visible-text.txt'), [lab_text, sweep_text, keys_text].join('\n\n=====\n\n'));
  const shown = [...new Set([lab_text, sweep_text, keys_text].flatMap((t) => visibleIn(t, pieces)))];
  expect(shown, `English texts on the French page:\n${shown.join('\n')}`).toEqual([]);
  problems.expectNone();
});

test('?lang=fr changes no machine output: run CSV, state JSON and the copied link are the English page\'s, byte for byte', async ({ browser }) => {
  const en = await machineOutputs(browser, 'mu=0.05');
  const fr = await machineOutputs(browser, 'lang=fr&mu=0.05');
  expect(fr.csv).toBe(en.csv);
  expect(fr.json).toBe(en.json);
  expect(fr.link).toBe(en.link);
  expect(fr.input).toBe(en.input);
  expect(fr.csv.split('\n')[0]).toBe('dim,z0,z,z_star');
  expect(fr.link).not.toContain('lang=');
  console.log(`identical: CSV ${fr.csv.length} B, JSON ${fr.json.length} B, link ${fr.link}`);
});

test('the language menu switches to French and back, keeping the state', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('mu=0.05&n=50');
  await page.getByTestId('lang-select').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('lecture-caption')).toContainText('μ = 0,05\u00a0: bande');
  expect(lab.urlParams().get('n')).toBe('50');
  expect(lab.urlParams().get('lang')).toBe('fr');
  // A reload keeps the language: the address bar holds it.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByTestId('lang-select').selectOption('en');
  await expect(page.getByTestId('lecture-caption')).toContainText('μ = 0.05: band');
  problems.expectNone();
});

test('?lang=de falls back to English with no error and no notice', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new Lab(page);
  await lab.open('lang=de&mu=0.05');
  await lab.waitDone({ mu: 0.05 });
  await expect(page.getByTestId('lecture-caption')).toHaveText(ENGLISH_CAPTION);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  problems.expectNone();
});

test('screenshots in French at 1280×720: the lab, the sweep, the lecture stage (text fits)', async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const lab = new Lab(page);
  const shots = [];
  const take = async (name) => {
    // Nothing may stick out sideways: French runs ~20 % longer than English.
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(over, `${name}: the page is ${over} px wider than the window`).toBeLessThanOrEqual(0);
    const file = path.join(ARTIFACTS, `${name}.png`);
    await page.screenshot({ path: file, animations: 'disabled' });
    shots.push(name);
  };
  await lab.open('lang=fr&mu=0.05&play=instant');
  await lab.waitDone({ mu: 0.05 });
  await take('fr-lab-1280x720');
  await page.goto('/?lang=fr&view=sweep');
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  await take('fr-sweep-1280x720');
  await lab.open('lang=fr&mu=0.05&present=1&play=instant');
  await lab.waitDone({ mu: 0.05 });
  await expect(page.getByTestId('lecture-caption')).toHaveText(FRENCH_CAPTION);
  const stageOver = await page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
  expect(stageOver, 'the French stage scrolls').toBeLessThanOrEqual(0);
  await take('fr-stage-1280x720');
  problems.expectNone();
  await context.close();
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(DOCS_SHOTS, { recursive: true });
    for (const n of shots) fs.copyFileSync(path.join(ARTIFACTS, `${n}.png`), path.join(DOCS_SHOTS, `${n}.png`));
    console.log(`UPDATE_SCREENSHOTS: wrote ${shots.map((n) => `docs/screenshots/${n}.png`).join(', ')}`);
  }
});
