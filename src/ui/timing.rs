//! User Timing marks that tests and benchmarks read from the page:
//! `reglab:input-to-frame` (a μ change → the first frame drawn for it) and `reglab:run` (the
//! worker's compute time of a run, placed so it ends now).

use std::cell::Cell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `performance.measure(name, { start, duration })` (User Timing 3; web-sys has it only
    /// behind its unstable flag).
    #[wasm_bindgen(js_namespace = performance, js_name = measure, catch)]
    fn measure_with_options(name: &str, options: &JsValue) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// When the oldest input not yet shown on screen happened (ms on the performance clock).
    static INPUT_AT: Cell<Option<f64>> = const { Cell::new(None) };
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn measure(name: &str, start: f64, duration: f64) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&options, &"duration".into(), &duration.max(0.0).into());
    let _ = measure_with_options(name, &options);
}

/// A parameter changed: the clock for `reglab:input-to-frame` starts (if not already running
/// for an earlier input that has not reached the screen yet: that one is the one waited on).
pub fn mark_input() {
    INPUT_AT.with(|c| {
        if c.get().is_none() {
            c.set(Some(now()));
        }
    });
}

/// A result was drawn: ends the input-to-frame clock.
pub fn measure_input_to_frame() {
    if let Some(start) = INPUT_AT.with(|c| c.take()) {
        measure("reglab:input-to-frame", start, now() - start);
    }
}

/// Records a run's worker compute time as a measure ending now.
pub fn measure_run(elapsed_ms: f64) {
    let end = now();
    measure("reglab:run", end - elapsed_ms, elapsed_ms);
}
