//! The page's clock for a recording: frames are due at fixed times after the start (MediaRecorder
//! stamps frames with the wall clock, so pacing them by the clock makes the file last as long as
//! the playback).

use wasm_bindgen_futures::JsFuture;

/// Milliseconds on the page's clock (`performance.now()`, the clock events are stamped with).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Waits until `at` on the page's clock; at least one turn of the event loop even when late, so
/// a Cancel click is seen between any two frames.
pub async fn sleep_until(at: f64) {
    let ms = (at - now()).max(0.0).round() as i32;
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(wait).await;
}
