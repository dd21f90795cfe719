//! The page: panic hook + mount.
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    reglab::ui::lang::choose();
    leptos::mount::mount_to_body(reglab::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("reglab's app runs in a browser: build it with `trunk build` (see README)");
}
