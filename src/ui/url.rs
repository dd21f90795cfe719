//! The page URL's query: read once at start, rewritten in place (no history entry per change).

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
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let params = crate::link::Params::from_query(&current_query()).params;
    format!("{}?{}{hash}", page_address(), params.shared().to_query())
}

/// Replaces the query with `query` using `history.replaceState`, keeping path and hash.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}?{query}{hash}");
    if location.search().ok().as_deref() == Some(&format!("?{query}")) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
