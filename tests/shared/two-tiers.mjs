// Issue 17's two tiers, observed from inside the page (shared by tests/e2e/tiers.spec.mjs and the
// engines suite's check n). `moveSlider` runs in the page: it moves the μ slider to `pos` the way
// a thumb does (value + an `input` event), then lets only microtasks run — the page's effects run
// there, while a worker's answer is a message event, a task, which cannot arrive before this
// function returns. So whatever changed by then was drawn without the worker: the analytic tier.
// It returns what the page shows before and right after, and the User Timing counts.

/** In the page: moves the slider to `pos`; the page's state before and after (no task ran). */
export async function moveSlider(pos) {
  const state = () => {
    const chart = document.querySelector('[data-testid="chart-z"]');
    const clamped = document.querySelector('[data-testid="clamped"]');
    const count = (name) => performance.getEntriesByName(name).length;
    return {
      runMu: chart?.getAttribute('data-mu') ?? null,
      run: chart?.getAttribute('data-run') ?? null,
      bandMu: chart?.getAttribute('data-band-mu') ?? null,
      caption: document.querySelector('[data-testid="lecture-caption"]')?.textContent.trim() ?? '',
      bandLo: document.querySelector('[data-testid="band"]')?.getAttribute('data-lo') ?? null,
      clampedK: clamped?.getAttribute('data-k') ?? null,
      analytic: count('reglab:input-to-analytic'),
      frames: count('reglab:input-to-frame'),
    };
  };
  const before = state();
  const slider = document.querySelector('[data-testid="mu-slider"]');
  slider.value = String(pos);
  slider.dispatchEvent(new Event('input', { bubbles: true }));
  for (let i = 0; i < 50; i += 1) await Promise.resolve();
  return { before, after: state() };
}
