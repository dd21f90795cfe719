#!/usr/bin/env node
// The notebook export's templates (src/view/notebook/*.py, *.md) as one file the page fetches
// when the user exports (they are not compiled into the wasm): scripts/postbuild.mjs writes it
// into every build as notebook-templates.txt. Format, parsed by src/view/notebook/bundle.rs:
// each file, in name order, as the marker MARK, its name, a newline, then its text verbatim.
// No template may contain MARK (checked here).
//
//   node scripts/notebook-bundle.mjs        (prints the bundle; tests/notebook.rs compares it)
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MARK = '@@@@ ';
export const BUNDLE_FILE = 'notebook-templates.txt';
const here = path.dirname(fileURLToPath(import.meta.url));
const TEMPLATE_DIR = path.join(here, '..', 'src', 'view', 'notebook');

/** The bundle's text. Throws if a template contains the marker. */
export async function notebookBundle(dir = TEMPLATE_DIR) {
  const names = (await fs.readdir(dir)).filter((f) => /\.(py|md)$/.test(f)).sort();
  if (names.length === 0) throw new Error(`no notebook templates in ${dir}`);
  const parts = [];
  for (const name of names) {
    const text = await fs.readFile(path.join(dir, name), 'utf8');
    if (text.includes(MARK)) throw new Error(`${name} contains the bundle marker "${MARK}"`);
    parts.push(`${MARK}${name}\n${text}`);
  }
  return parts.join('');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(await notebookBundle());
}
