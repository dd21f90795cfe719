// Check (m) of the engines smoke suite (tests/engines/run.mjs): `?lang=fr` shows the French
// caption — decimal comma, no-break spaces, « bande » — and `<html lang="fr">`, and the state in
// the link is unchanged (the μ input keeps its dot, data attributes are the English page's).
import { waitFor } from './common.mjs';

/** The caption a French page shows for μ = 0.05 (src/i18n/lab.rs, caption_band). */
export const FRENCH_CAPTION = 'μ = 0,05\u00a0: bande [−9\u202f; 11] — 95 coordonnées sur 100 suivent z0';

/** The check, given the suite's `open` (a new page) and the served site. */
export function frenchCheck(open, site) {
  return {
    id: 'm',
    name: '?lang=fr shows the French caption (μ = 0,05 : bande [−9 ; 11] — …) and <html lang="fr">; the machine values keep the dot',
    async run() {
      const page = await open();
      await page.goto(`${site.root}?lang=fr&mu=0.05&play=instant`);
      const caption = await waitFor(
        () => page.eval(() => document.querySelector('[data-testid="lecture-caption"]')?.textContent ?? ''),
        (text) => text.includes('bande'),
        { timeout: 30_000, message: 'the French caption' },
      );
      if (caption.trim() !== FRENCH_CAPTION) throw new Error(`caption ${JSON.stringify(caption)}, not ${JSON.stringify(FRENCH_CAPTION)}`);
      const facts = await page.eval(() => ({
        lang: document.documentElement.getAttribute('lang'),
        input: document.querySelector('[data-testid="mu-input"]')?.value,
        lo: document.querySelector('[data-testid="band"]')?.getAttribute('data-lo'),
        select: document.querySelector('[data-testid="lang-select"]')?.value,
      }));
      if (facts.lang !== 'fr') throw new Error(`<html lang="${facts.lang}">, not fr`);
      if (facts.select !== 'fr') throw new Error(`the language menu shows ${facts.select}, not fr`);
      if (facts.input !== '0.05') throw new Error(`the μ input holds ${facts.input}, not 0.05`);
      if (facts.lo !== '-9') throw new Error(`band data-lo ${facts.lo}, not -9`);
      return `caption "${caption.trim()}", <html lang="fr">, μ input 0.05, data-lo -9`;
    },
  };
}
