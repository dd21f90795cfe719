//! The page: panic hook + mount.
#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic's message and place, on the console. (console_error_panic_hook added a JS stack,
    // which says little without the names a release build strips, for more wasm.)
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    reglab::ui::lang::choose();
    // index.html's boot shell (the name, the formula, a loading bar) makes way for the app.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(reglab::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("reglab's app runs in a browser: build it with `trunk build` (see README)");
}
