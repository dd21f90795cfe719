//! The first screen: on a desktop, in the lecture stage and in an embed, the live lab's charts
//! fill the viewport below whatever sits above them (the masthead, a notice, the tour). CSS
//! cannot know that height — it wraps with the window width and the language — so the page
//! measures where the lab starts and keeps it in the CSS variable `--lab-top` (px), which
//! style/main.css subtracts from `100dvh`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The live lab's (or, in the sweep view, the sweep's) distance from the top of the page, in CSS px.
fn lab_top(doc: &web_sys::Document) -> Option<f64> {
    let scroll_y = web_sys::window()?.scroll_y().unwrap_or(0.0);
    let lab = doc
        .query_selector(".lab:not([hidden]), .sweep-view:not([hidden])")
        .ok()??;
    Some((lab.get_bounding_client_rect().top() + scroll_y).round())
}

/// Writes `--lab-top` on the root element whenever the page's layout changes size (observing
/// the body and the masthead; writing only a changed value, so the charts' own resizing never
/// loops back here). The write waits for the next animation frame: made inside the observer's
/// callback it would resize the charts' canvases in the same frame, which WebKit reports as a
/// "ResizeObserver loop" error.
pub fn keep_lab_top_current() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let last = std::cell::Cell::new(f64::NAN);
    let doc_for_write = doc.clone();
    let write = Closure::<dyn FnMut()>::new(move || {
        let (Some(top), Some(root)) = (lab_top(&doc_for_write), doc_for_write.document_element())
        else {
            return;
        };
        if top != last.get() {
            last.set(top);
            if let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() {
                let _ = root.style().set_property("--lab-top", &format!("{top}px"));
            }
        }
    });
    let update = Closure::<dyn FnMut()>::new(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(write.as_ref().unchecked_ref());
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(update.as_ref().unchecked_ref()) {
        if let Some(body) = doc.body() {
            observer.observe(&body);
        }
        // The masthead is not in the DOM yet when the App starts: observe it once mounted.
        let observe_later = Closure::<dyn FnMut()>::new(move || {
            if let Ok(Some(masthead)) = doc.query_selector(".masthead") {
                observer.observe(&masthead);
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(observe_later.as_ref().unchecked_ref());
        }
        observe_later.forget(); // runs once
    }
    update.forget(); // page-long
}
