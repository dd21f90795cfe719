//! The Web Worker: panic hook + worker start.
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("reglab's worker runs in a browser: build it with `trunk build` (see README)");
}
