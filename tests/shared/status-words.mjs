// The status line's words against its data-state, observed from inside the page (shared by
// tests/e2e/lab.spec.mjs and the engines' check r, tests/engines/status-check.mjs): a run asked
// for while an answer is shown keeps that answer's words until the worker reports progress
// (src/view/run_state.rs, RunState::Updating).

/**
 * Records every change of the status line in `window.__seen`: its data-state, the words of its
 * state badge and its whole text. Runs inside the page (pass it to `page.evaluate` /
 * `page.eval`), so it must not close over anything.
 */
export function observeStatus() {
  const status = document.querySelector('[data-testid="status"]');
  window.__seen = [];
  const note = () =>
    window.__seen.push({ state: status.dataset.state, words: status.querySelector('.state').textContent, text: status.textContent });
  note();
  new MutationObserver(note).observe(status, { attributes: true, childList: true, subtree: true, characterData: true });
}

/** What `window.__seen` says: how many times data-state went to `running`, and the words shown,
 * each change once in order. */
export function summariseStatus(seen) {
  const starts = seen.filter((s, i) => s.state === 'running' && seen[i - 1]?.state !== 'running').length;
  const words = seen.map((s) => s.words).filter((w, i, all) => w !== all[i - 1]);
  return { starts, words };
}
