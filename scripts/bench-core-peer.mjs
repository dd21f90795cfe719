#!/usr/bin/env node
// reglab's numeric core alone against the plain-JS peer, in one blank page of headless Chromium
// (README "Benchmarks"). `make bench` times the app's worker, which shares the machine with the
// page; this times the same seed run with nothing around it, so a miss can be told apart: the
// app adding time (the core alone is fast) or the machine (the core alone is as slow).
//
//   node scripts/bench-core-peer.mjs [--rounds N]
//
// It builds benches/wasm-core (the core as a bare wasm module, the worker's profile) into
// target/wasm-core, runs it in a dedicated worker of a blank page and the peer
// (scripts/bench-peer-js.mjs) on that page's main thread, round by round, and prints per round:
//   core, back to back: the best of 5 runs in a row (the core at the machine's full speed);
//   core after idle:    one run after two animation frames and 50 ms idle, as make bench presses
//                       Run in the app;
//   peer:               one run of the plain-JS peer;
// then their medians and the peer's median over each. Both give the same z (checked: Σz).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM_LAUNCH, launchOnceMoreAfterCrash } from '../tests/e2e/chromium.mjs';
import { median } from '../tests/engines/common.mjs';
import { jsAdamPeer } from './bench-peer-js.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const ROUNDS = at >= 0 ? Number(args[at + 1]) : 15;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error('usage: bench-core-peer.mjs [--rounds N]  (N ≥ 1)');
  process.exit(2);
}
const MU = 0.1;
const PEER = { n: 100, epochs: 25_000, mu: MU, warmups: 0, reps: 1 };

const targetDir = path.join(ROOT, 'target', 'wasm-core');
// The root's lock file, so the core is built from the very crate versions the app's worker uses
// (cargo drops the entries this crate does not need and keeps every version it shares).
fs.copyFileSync(path.join(ROOT, 'Cargo.lock'), path.join(ROOT, 'benches', 'wasm-core', 'Cargo.lock'));
execFileSync(
  'cargo',
  ['build', '--release', '--target', 'wasm32-unknown-unknown', '--manifest-path', 'benches/wasm-core/Cargo.toml',
    '--target-dir', targetDir],
  { cwd: ROOT, stdio: 'inherit' },
);
const wasm = fs.readFileSync(path.join(targetDir, 'wasm32-unknown-unknown', 'release', 'reglab_wasm_core.wasm'));

// The worker compiles the module; its imports (wasm-bindgen's placeholders, left by reglab's web
// code though never called by the core) are stubs that throw, so a call into them would show.
const WORKER = `
let core;
onmessage = async ({ data }) => {
  if (data.wasm) {
    const module = await WebAssembly.compile(data.wasm);
    const imports = {};
    for (const d of WebAssembly.Module.imports(module)) {
      (imports[d.module] ??= {})[d.name] = () => { throw new Error('core called ' + d.name); };
    }
    core = (await WebAssembly.instantiate(module, imports)).exports;
    for (let i = 0; i < 10; i += 1) core.seed_run(${MU}); // past V8's baseline tier
    postMessage({ ready: true });
    return;
  }
  const ms = [];
  let sum;
  for (let i = 0; i < data.runs; i += 1) {
    const start = performance.now();
    sum = core.seed_run(${MU});
    ms.push(performance.now() - start);
  }
  postMessage({ ms, sum });
};`;

const browser = await launchOnceMoreAfterCrash(() => chromium.launch(CHROMIUM_LAUNCH), 'Chromium');
try {
  const page = await browser.newPage();
  await page.goto('about:blank');
  await page.evaluate(`window.__jsAdamPeer = ${jsAdamPeer}`);
  const rounds = await page.evaluate(
    async ({ source, bytes, rounds, peer }) => {
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      const ask = (message) =>
        new Promise((resolve, reject) => {
          worker.onmessage = ({ data }) => resolve(data);
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage(message);
        });
      await ask({ wasm: new Uint8Array(bytes) });
      const idle = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))));
      // The peer's 4th to 6th calls run slower in this Chromium (V8 re-optimising, see
      // bench-browser.mjs): six warm-up calls, as make bench gives it.
      for (let i = 0; i < 6; i += 1) window.__jsAdamPeer(peer);
      const out = [];
      for (let r = 0; r < rounds; r += 1) {
        const burst = await ask({ runs: 5 });
        await idle();
        const single = await ask({ runs: 1 });
        const p = window.__jsAdamPeer(peer);
        out.push({ best: Math.min(...burst.ms), idle: single.ms[0], peer: p.ms[0], sum: single.sum, peerSum: p.z.reduce((a, b) => Math.fround(a + b), 0) });
      }
      worker.terminate();
      return out;
    },
    { source: WORKER, bytes: [...wasm], rounds: ROUNDS, peer: PEER },
  );
  const ms = (x) => `${x.toFixed(1).padStart(6)} ms`;
  console.log('round   core, back to back   core after idle   peer');
  rounds.forEach((r, i) => console.log(`${String(i + 1).padStart(5)}   ${ms(r.best)}            ${ms(r.idle)}         ${ms(r.peer)}`));
  const best = median(rounds.map((r) => r.best));
  const idle = median(rounds.map((r) => r.idle));
  const peerMs = median(rounds.map((r) => r.peer));
  console.log(`medians of ${ROUNDS}: core back to back ${best.toFixed(2)} ms, core after idle ${idle.toFixed(2)} ms, ` +
    `peer ${peerMs.toFixed(2)} ms`);
  console.log(`peer ÷ core: ${(peerMs / best).toFixed(2)}× (back to back), ${(peerMs / idle).toFixed(2)}× (after idle)`);
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU';
  console.log(`${cpu}, ${(await browser.version())}; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  // The two compute the same seed run: Σz, summed in the same order in f32, must agree (make bench
  // compares the whole z with the page's Run CSV).
  const differ = rounds.filter((r) => r.sum !== r.peerSum);
  if (differ.length) throw new Error(`Σz of the core and the peer differ: ${differ[0].sum} against ${differ[0].peerSum}`);
  console.log(`Σz: core ${rounds[0].sum}, peer ${rounds[0].peerSum} (equal in every round)`);
} finally {
  await browser.close();
}
