//! Why a worker draws one pixel row before it computes: Firefox ESR 140's float code on machines
//! with AVX (README "Engines", measured on an Intel Xeon).
//!
//! SpiderMonkey's optimised code for a hot float loop mixes the AVX (VEX) and the legacy SSE
//! encodings of 128-bit operations (`vmulps` beside `mulps`, read with `perf` and `gdb`). That mix is
//! free while the upper halves of the YMM registers are clean, and costs a state
//! transition on every switch while they are dirty: a C loop alternating `vmulps` and `mulps` ran
//! 22 ms clean and 4 432 ms after one `vpcmpeqd ymm` (this machine). Something in Firefox leaves a
//! thread's upper state dirty (a long `String.prototype.indexOf` does), and nothing the JIT emits
//! cleans it: the seed run then took ≈ 1 000 ms instead of ≈ 10 ms.
//!
//! `vzeroupper` cleans it, and the engine's own 2D canvas code runs one: Skia's AVX2 blitters end
//! with it. A semi-transparent fill of a small software canvas (`willReadFrequently` keeps it on
//! this thread, not a GPU process) is such a call, for a few µs. The worker makes it before each
//! slice, since any call out of wasm between slices may dirty the state again. Only Firefox was
//! measured to need it, so no other engine makes the canvas or the call.

use wasm_bindgen::prelude::wasm_bindgen;

// In JS, so the wasm carries one import and no canvas or user-agent code (the wasm budget).
#[wasm_bindgen(inline_js = r#"
let canvas;
export function clean_upper() {
  if (canvas === undefined) {
    canvas = null;
    // Only Firefox was measured to need it: no other engine makes the canvas or the call.
    if (!navigator.userAgent.includes('Firefox/') || typeof OffscreenCanvas !== 'function') return;
    // willReadFrequently keeps the canvas in software, on this thread, not in a GPU process.
    canvas = new OffscreenCanvas(8, 1).getContext('2d', { willReadFrequently: true });
    // Blending (not an opaque copy) takes the vector blitter.
    if (canvas) canvas.fillStyle = 'rgba(0, 0, 0, 0.5)';
  }
  // 8 pixels: wide enough for the blitter's vector path (2 sufficed in Firefox ESR 140).
  if (canvas) canvas.fillRect(0, 0, 8, 1);
}
"#)]
extern "C" {
    /// Resets the upper halves of this thread's vector registers, where the engine needs it.
    pub fn clean_upper();
}
