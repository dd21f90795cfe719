// What the page shows, read inside the page: shared by the e2e specs (tests/e2e) and the
// engine suite (tests/engines), so "the same state" means the same thing in every engine.

/**
 * Every control value and readout the page shows, keyed by what it is. Runs inside the page
 * (pass it to `page.evaluate` / `page.eval`), so it must not close over anything.
 */
export function pageSnapshot() {
  const out = {};
  for (const el of document.querySelectorAll('input, select')) {
    const id = el.id || el.dataset.testid || el.name;
    // The share box and the paste fallback echo the link itself, not the state.
    if (!id || id === 'share-url' || id === '__paste') continue;
    out[`${id}${el.type === 'radio' ? `:${el.dataset.testid}` : ''}`] = el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value;
  }
  for (const id of ['band', 'clamped', 'err-inf', 'lecture-caption']) {
    const el = document.querySelector(`[data-testid=${id}]`);
    out[id] = el ? `${el.textContent}|${JSON.stringify(el.dataset)}` : null;
  }
  const status = document.querySelector('[data-testid=status]');
  out.status = status ? `${status.dataset.state}|${status.dataset.epoch}` : null;
  out.rootClass = document.querySelector('.app')?.className;
  out.view = [...document.querySelectorAll('[role=tab]')].map((t) => t.getAttribute('aria-selected')).join(',');
  return out;
}
