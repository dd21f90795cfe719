#!/usr/bin/env node
// Drops wasm exports that nothing calls, then lets wasm-opt remove the code behind them.
//
//   node scripts/strip-exports.mjs FILE.wasm...
//
// leptos always links server_fn with its "browser" feature, which brings wasm-streams; that crate
// exports its stream adapters (`IntoUnderlyingSource`, `…ByteSource`, `…Sink`) from every wasm of
// this crate — the app and the worker — although a client-side page with no server functions never
// creates one. An export keeps its code alive through every dead-code pass, so they cost ~2.7 KB
// gzipped. The JavaScript glue only touches an export when such an object is used, which never
// happens, so removing the exports is safe; this script is run by scripts/postbuild.mjs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The exports to drop: wasm-streams' adapters and their destructors. */
export const DEAD_EXPORTS = /^(__wbg_)?intounderlying(source|bytesource|sink)_/;
/**
 * This second wasm-opt run's extra passes (issue 17: 2.5 KB gzipped of the two wasm files):
 * - `--low-memory-unused` lets wasm-opt fold a constant added to an address into the load's
 *   offset. That is wrong only for an address sum that wraps around 2³², which lands in the
 *   first 1 KB; Rust never forms such a pointer (a pointer plus a field offset never wraps).
 * - `--converge` repeats the passes until the file stops shrinking.
 */
const OPT_FLAGS = ['--low-memory-unused', '--converge'];
/** The wasm features Trunk's wasm-opt run allows (the same build, so the same set). */
const FEATURES = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue'];

function leb(buf, i) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[i++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, i];
}

function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

/** `bytes` without the exports whose names match `dead`; the names dropped. */
export function dropExports(bytes, dead) {
  const parts = [bytes.subarray(0, 8)];
  const dropped = [];
  let i = 8;
  while (i < bytes.length) {
    const id = bytes[i];
    const [size, start] = leb(bytes, i + 1);
    const end = start + size;
    if (id !== 7) {
      parts.push(bytes.subarray(i, end));
    } else {
      let [count, k] = leb(bytes, start);
      const kept = [];
      while (count-- > 0) {
        const from = k;
        const [len, name] = leb(bytes, k);
        const text = bytes.subarray(name, name + len).toString('utf8');
        k = leb(bytes, name + len + 1)[1]; // kind byte, then the index
        if (dead.test(text)) dropped.push(text);
        else kept.push(bytes.subarray(from, k));
      }
      const body = Buffer.concat([uleb(kept.length), ...kept]);
      parts.push(Buffer.from([7]), uleb(body.length), body);
    }
    i = end;
  }
  return { bytes: Buffer.concat(parts), dropped };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const wasmOpt = path.join(ROOT, 'node_modules', '.bin', 'wasm-opt');
  for (const file of process.argv.slice(2)) {
    const { bytes, dropped } = dropExports(fs.readFileSync(file), DEAD_EXPORTS);
    if (dropped.length === 0) continue;
    fs.writeFileSync(file, bytes);
    execFileSync(wasmOpt, ['-Oz', ...OPT_FLAGS, ...FEATURES.map((f) => `--enable-${f}`), file, '-o', file], { stdio: 'inherit' });
    console.log(`strip-exports: ${path.basename(file)}: dropped ${dropped.length} unused exports (${dropped.join(', ')})`);
  }
}
