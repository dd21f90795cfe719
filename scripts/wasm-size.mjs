#!/usr/bin/env node
// The one measure of the wasm budget, shared by `make test` (scripts/budgets.sh runs this file)
// and `make bench` (scripts/bench-table.mjs imports `wasmSizes`): the app and the worker wasm,
// each gzipped by Node's zlib at level 9 — the zlib that web servers' gzip is built on — so the
// two never disagree about a build (GNU gzip -9 compresses ~1.5 % tighter and once passed a
// build that the bench table failed).
//
//   node scripts/wasm-size.mjs [DIST]    prints each file and the total; exit 1 over budget
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The budget for app + worker wasm, gzipped. */
export const WASM_BUDGET_KB = 400;

/** Each *.wasm of `dist` (sorted by name): its raw and gzipped byte counts. */
export function wasmSizes(dist) {
  return fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.wasm'))
    .sort()
    .map((f) => {
      const bytes = fs.readFileSync(path.join(dist, f));
      return { name: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
    });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? process.env.DIST ?? 'dist';
  const sizes = fs.existsSync(dist) ? wasmSizes(dist) : [];
  // The app and the worker: fewer means the build is missing or broken, not small.
  if (sizes.length < 2) {
    console.error(`no app + worker wasm in ${dist}/ (found ${sizes.length} .wasm): build first (trunk build --release)`);
    process.exit(1);
  }
  const kb = (b) => (b / 1024).toFixed(1);
  for (const w of sizes) {
    console.log(`  ${w.name.padEnd(36)} ${String(w.raw).padStart(8)} bytes raw (${kb(w.raw).padStart(6)} KB), ${String(w.gz).padStart(7)} gzipped (${kb(w.gz).padStart(5)} KB)`);
  }
  const total = sizes.reduce((s, w) => s + w.gz, 0);
  const spare = WASM_BUDGET_KB - total / 1024;
  console.log(`  wasm total gzipped: ${total} bytes (${kb(total)} KB) — budget ${WASM_BUDGET_KB} KB, ${spare.toFixed(1)} KB to spare`);
  if (total > WASM_BUDGET_KB * 1024) {
    console.error(`BUDGET EXCEEDED: wasm is over ${WASM_BUDGET_KB} KB gzipped`);
    process.exit(1);
  }
}
