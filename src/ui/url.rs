//! The page URL's query: read once at start, rewritten in place (no history entry per change).

use wasm_bindgen::JsCast;

/// The current query string, with its leading `?` (empty if none).
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without its query and hash: the base of every link the page writes.
pub fn page_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The link the page hands out (Copy link, the QR code): its address with the state's query,
/// without the reader's `lang` (so it opens in each reader's own language) and with its hash.
pub fn shared_href() -> String {
    flush_query();
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let params = crate::link::Params::from_query(&current_query()).params;
    format!("{}?{}{hash}", page_address(), params.shared().to_query())
}

/// Least time between two writes of the address during a gesture (a pointer held down: a slider
/// or map drag; a key held down). Each `history.replaceState` costs the browser ≈ 5 ms of its own
/// main thread (measured in Chromium, on a blank page alike), which on a 2-core machine is taken
/// from the worker while a drag computes; and WebKit refuses more than 100 calls per 30 s — one per
/// 300 ms — with a SecurityError, after which a long drag's last μ would never reach the link.
/// Outside a gesture (a value typed and committed, a change made by the page) the address follows
/// at once; a click or a single key press is a gesture of a few ms, written at its release.
const WRITE_GAP_MS: f64 = 300.0;

/// The address writer's state: when it last wrote, the newest query not written yet, and
/// whether a gesture is going on.
struct Writer {
    last_ms: f64,
    pending: Option<String>,
    held: bool,
}

thread_local! {
    static WRITER: std::cell::RefCell<Writer> = const {
        std::cell::RefCell::new(Writer { last_ms: f64::NEG_INFINITY, pending: None, held: false })
    };
}

/// Replaces the query with `query` (path and hash kept, no history entry): at once, or during a
/// gesture once per [`WRITE_GAP_MS`] — the write at the end of a gap, or the gesture's end, takes
/// the newest query. Whatever reads the address calls [`flush_query`] first.
pub fn replace_query(query: &str) {
    let now = crate::ui::timing::now();
    let wait = WRITER.with(|w| {
        let mut w = w.borrow_mut();
        let queued = w.pending.replace(query.to_owned()).is_some();
        let wait = if w.held {
            w.last_ms + WRITE_GAP_MS - now
        } else {
            0.0
        };
        (!queued).then_some(wait)
    });
    match wait {
        None => {} // the queued write takes this query
        Some(wait) if wait <= 0.0 => flush_query(),
        Some(wait) => {
            let flush = wasm_bindgen::closure::Closure::once_into_js(flush_query);
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    flush.unchecked_ref(),
                    wait.ceil() as i32,
                );
            }
        }
    }
}

/// A gesture begins (`true`) or ends (`false`, which writes what waits).
pub fn hold(on: bool) {
    WRITER.with(|w| w.borrow_mut().held = on);
    if !on {
        flush_query();
    }
}

/// Writes the query waiting, if any: at a gap's end, a gesture's end, before the address is read
/// and when the page is left.
pub fn flush_query() {
    let Some(query) = WRITER.with(|w| {
        let mut w = w.borrow_mut();
        let query = w.pending.take()?;
        w.last_ms = crate::ui::timing::now();
        Some(query)
    }) else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    if search.strip_prefix('?') == Some(query.as_str()) {
        return;
    }
    let hash = location.hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        // Relative to the page's address: its path stays.
        let url = format!("?{query}{hash}");
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// A pointer or a key held down is a gesture, during which the address is written at most once
/// per gap (see [`replace_query`]); its release writes the last state, and so does leaving
/// the page, before a reload or a close reads the address. A click or a key press is a gesture of
/// a few ms: what it changed is written when it is released.
pub fn follow_gestures() {
    use wasm_bindgen::closure::Closure;
    let Some(w) = web_sys::window() else { return };
    for (names, on) in [
        (&["pointerdown", "keydown"][..], true),
        (
            &["pointerup", "pointercancel", "keyup", "pagehide"][..],
            false,
        ),
    ] {
        let listener = Closure::<dyn FnMut()>::new(move || hold(on));
        for name in names {
            let _ = w.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        listener.forget(); // as long as the page
    }
}
