// Check (l) of the engine suite (issue 16): Export ▸ Notebook downloads in this engine — both
// flavours are JSON, nbformat 4 with a python3 kernel, and their first cell is markdown holding
// the page's link. Kept in its own file so run.mjs only lists it.

/**
 * The check, on the page of check (a) (`s.p1`, showing `link`): `engine.download` clicks a
 * test id and returns the saved file; `check(cond, message)` throws on failure.
 */
export function notebookCheck({ engine, s, link, check }) {
  return {
    id: 'l',
    name: 'Export ▸ Notebook downloads both flavours: nbformat 4 JSON, the link in the first cell',
    async run() {
      check(s.p1, 'no page from (a)');
      const seen = [];
      for (const flavour of ['numpy', 'tf']) {
        const { name, text } = await engine.download(s.p1, `export-notebook-${flavour}`);
        check(name.endsWith(`-${flavour}.ipynb`), `the ${flavour} notebook is named '${name}'`);
        let nb;
        try {
          nb = JSON.parse(text);
        } catch (e) {
          throw new Error(`${name} is not JSON: ${e.message}`);
        }
        check(nb.nbformat === 4 && Number.isInteger(nb.nbformat_minor), `${name}: nbformat ${nb.nbformat}.${nb.nbformat_minor}`);
        check(nb.metadata?.kernelspec?.name === 'python3', `${name}: kernel ${nb.metadata?.kernelspec?.name}`);
        const first = nb.cells?.[0];
        check(first?.cell_type === 'markdown' && Array.isArray(first.source), `${name}: the first cell is not markdown lines`);
        const text0 = first.source.join('');
        for (const part of link.split('&')) check(text0.includes(part), `${name}: the first cell lacks '${part}' of the link`);
        seen.push(`${name} (${nb.cells.length} cells)`);
      }
      return seen.join(', ');
    },
  };
}
