//! User Timing marks that tests and benchmarks read from the page:
//! `reglab:input-to-analytic` (a μ change → the frame that shows its band, z* and counts: the
//! analytic tier, drawn before the worker answers), `reglab:input-to-frame` (a μ change → the
//! first frame drawn with the worker's answer for it: the converged frame), `reglab:run` (the
//! worker's compute time of a run, placed so it ends now) and the mark `reglab:first-result`
//! (the animation frame that first shows a finished run: `make bench`'s "first converged chart"),
//! `reglab:worker-overhead` (a request posted → its answer decoded, less the worker's compute),
//! and the mark `reglab:sweep-done` (each finished sweep, when its answer reached the page).

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
    /// The same input's clock for the analytic tier (ended by the first frame that shows it).
    static ANALYTIC_AT: Cell<Option<f64>> = const { Cell::new(None) };
    /// Whether `reglab:first-result` has been marked (once per page load).
    static FIRST_RESULT: Cell<bool> = const { Cell::new(false) };
}

/// The page's clock (ms).
pub fn now() -> f64 {
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
    let at = now();
    for clock in [&INPUT_AT, &ANALYTIC_AT] {
        clock.with(|c| {
            if c.get().is_none() {
                c.set(Some(at));
            }
        });
    }
}

/// The band, z* and counts of the latest input are drawn: ends the input-to-analytic clock.
pub fn measure_input_to_analytic() {
    if let Some(start) = ANALYTIC_AT.with(|c| c.take()) {
        measure("reglab:input-to-analytic", start, now() - start);
    }
}

/// A result was drawn: ends the input-to-frame clock (and the analytic one, when the answer came
/// before any preview could be drawn: a change that is not a μ move).
pub fn measure_input_to_frame() {
    measure_input_to_analytic();
    if let Some(start) = INPUT_AT.with(|c| c.take()) {
        measure("reglab:input-to-frame", start, now() - start);
    }
}

/// A run's answer is decoded on the page: `reglab:worker-overhead`, the round trip (posted →
/// decoded) less the worker's compute time: encoding, messages, slices, decoding (`make bench`'s
/// worker overhead).
pub fn measure_round_trip(posted_at: f64, compute_ms: f64) {
    let end = now();
    measure(
        "reglab:worker-overhead",
        posted_at,
        end - posted_at - compute_ms,
    );
}

/// Records a run's worker compute time as a measure ending now.
pub fn measure_run(elapsed_ms: f64) {
    let end = now();
    measure("reglab:run", end - elapsed_ms, elapsed_ms);
}

/// A sweep finished (all its parts merged).
pub fn mark_sweep_done() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("reglab:sweep-done");
    }
}

/// A finished run arrived: the first time on this page, marks `reglab:first-result` in the next
/// animation frame, i.e. after the effects that draw the result have run (they run before the
/// frame's callbacks), so the mark is when the converged chart is on screen, not when the numbers
/// reached the page. The charts far down the page draw in the task after that frame
/// ([`crate::ui::canvas::draw_far_charts`]), once it is painted.
pub fn mark_first_result() {
    if FIRST_RESULT.with(|c| c.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let mark = Closure::once_into_js(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(p) = window.performance() {
            let _ = p.mark("reglab:first-result");
        }
        let far = Closure::once_into_js(crate::ui::canvas::draw_far_charts);
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(far.unchecked_ref(), 0);
    });
    let _ = window.request_animation_frame(mark.unchecked_ref());
}
