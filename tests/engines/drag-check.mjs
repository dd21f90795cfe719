// Check (p) of the engines smoke suite (tests/engines/run.mjs): a slider drag in this engine lays
// out only what is in view (issue 17's worker overhead; style/layout.css). While the mouse button
// is down on the μ slider, the sections below the first screen are `content-visibility: auto` at
// the size they were last laid out at (nothing on the page moves), and they are laid out again
// when it is released. And the status line's state badge is as wide for every label the drag
// flips between (style/main.css), so the line after it does not re-wrap on each step.
import { waitFor } from './common.mjs';

const BELOW = ['.explain', '.regime', '.tournesol-story', '.explorer', '.exports'];

/** Each section's content-visibility and height (CSS px), and the page's height. */
function sections(selectors) {
  return {
    page: document.documentElement.scrollHeight,
    sections: selectors.map((s) => {
      const el = document.querySelector(s);
      return el ? { s, cv: getComputedStyle(el).contentVisibility, h: el.getBoundingClientRect().height } : { s, missing: true };
    }),
  };
}

/** The state badge's width with each label (a copy of the badge beside it, removed again: the
 * app's own node is left alone), rounded to 0.01 px. */
function badgeWidths(labels) {
  const state = document.querySelector('[data-testid="status"] .state');
  return labels.map((label) => {
    const copy = state.cloneNode(false);
    copy.textContent = label;
    state.parentElement.append(copy);
    const w = copy.getBoundingClientRect().width;
    copy.remove();
    return Math.round(w * 100) / 100;
  });
}

/** The check, given the suite's `open` (a new page), the served site and `waitDone(page, mu)`. */
export function dragCheck({ open, site, waitDone }) {
  return {
    id: 'p',
    name: 'a slider drag skips the sections below the first screen at their own size and lays them out again on release; the state badge keeps its width',
    async run() {
      const page = await open();
      await page.goto(`${site.root}?mu=0.1`);
      await waitDone(page, 0.1);
      const before = await page.eval(sections, BELOW);
      const problems = [];
      for (const b of before.sections) {
        if (b.missing) problems.push(`${b.s} is not on the page`);
        else if (b.cv !== 'visible') problems.push(`${b.s} is content-visibility ${b.cv} before the drag`);
      }
      await page.dragHeld('mu-slider', [0.4, 0.42, 0.45, 0.48, 0.5], 40);
      let during;
      try {
        during = await page.eval(sections, BELOW);
      } finally {
        await page.pointerUp();
      }
      for (const d of during.sections) {
        const b = before.sections.find((x) => x.s === d.s);
        if (d.missing || b.missing) continue;
        if (d.cv !== 'auto') problems.push(`${d.s} is content-visibility ${d.cv} while the button is down`);
        if (Math.abs(d.h - b.h) >= 0.5) problems.push(`${d.s} is ${d.h} px high during the drag, ${b.h} px before`);
      }
      if (during.page !== before.page) problems.push(`the page is ${during.page} px high during the drag, ${before.page} px before`);
      const after = await waitFor(
        () => page.eval(sections, BELOW),
        (a) => a.sections.every((x) => x.missing || x.cv === 'visible'),
        { timeout: 15_000, message: 'the sections laid out again after the release' },
      );
      await waitFor(
        () => page.eval(() => document.querySelector('[data-testid="status"]')?.dataset.state),
        (s) => s === 'done',
        { timeout: 60_000, message: 'the run for the released μ' },
      );
      // English and French labels: the drag flips Computing ↔ Done (Calcul ↔ Terminé); the longest
      // labels are Computing and Divergence.
      const labels = ['Computing', 'Done', 'Calcul', 'Terminé', 'Divergence', 'Idle'];
      const widths = await page.eval(badgeWidths, labels);
      if (new Set(widths).size !== 1) problems.push(`the state badge's widths differ: ${labels.map((l, i) => `${l} ${widths[i]}`).join(', ')}`);
      if (problems.length) throw new Error(problems.join('; '));
      const sizes = during.sections.map((d) => `${d.s} ${d.h.toFixed(0)}`).join(', ');
      return `during the drag: auto at ${sizes} px (the page ${during.page} px, as before); after: ${after.sections.map((a) => a.cv)[0]}; badge ${widths[0]} px for every label`;
    },
  };
}
