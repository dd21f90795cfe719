//! The Web Worker: panic hook + worker start.
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    if let Err(e) = reglab::worker::start() {
        web_sys::console::error_2(&"reglab worker failed to start:".into(), &e);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("reglab's worker runs in a browser: build it with `trunk build` (see README)");
}
