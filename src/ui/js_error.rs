//! A browser exception as text for a message: its `message` when it has one (an `Error`, a
//! `DOMException`), the string it is, else its debug form. One function, so the page carries one
//! copy of this formatting rather than one per caller.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// `e` as text for the user or the console.
#[inline(never)]
pub fn js_error(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| Reflect::get(e, &"message".into()).ok()?.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}
