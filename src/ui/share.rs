//! "Copy link": the page URL (which always holds the whole state) to the clipboard, with a
//! fallback that shows the link selected for Ctrl+C when the Clipboard API is unavailable
//! (plain http, old browsers, denied permission).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What happened to the last copy.
#[derive(Debug, Clone, PartialEq)]
enum Copied {
    Nothing,
    Done,
    Fallback(String),
}

fn current_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The copy-link button and its confirmation.
#[component]
pub fn ShareLink() -> impl IntoView {
    let copied = RwSignal::new(Copied::Nothing);
    let copy = move |_| {
        let url = current_url();
        let clipboard = web_sys::window()
            .map(|w| w.navigator())
            .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
            .filter(|c| !c.is_undefined() && !c.is_null());
        let write = clipboard.and_then(|c| {
            let f = js_sys::Reflect::get(&c, &"writeText".into())
                .ok()?
                .dyn_into::<js_sys::Function>()
                .ok()?;
            f.call1(&c, &url.clone().into())
                .ok()?
                .dyn_into::<js_sys::Promise>()
                .ok()
        });
        match write {
            Some(promise) => {
                let fallback_url = url.clone();
                let ok = Closure::<dyn FnMut(JsValue)>::new(move |_| copied.set(Copied::Done));
                let fail = Closure::<dyn FnMut(JsValue)>::new(move |_| {
                    copied.set(Copied::Fallback(fallback_url.clone()))
                });
                let _ = promise.then2(&ok, &fail);
                // One small pair per click; the promise settles once.
                ok.forget();
                fail.forget();
            }
            None => copied.set(Copied::Fallback(url)),
        }
    };
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if matches!(copied.get(), Copied::Fallback(_)) {
            if let Some(input) = field.get() {
                let _ = input.focus();
                input.select();
            }
        }
    });
    view! {
        <span class="share">
            <button type="button" data-testid="copy-link" on:click=copy>"Copy link"</button>
            <span role="status" class="share-status" data-testid="copy-status">
                {move || match copied.get() {
                    Copied::Nothing => view! { <span></span> }.into_any(),
                    Copied::Done => view! { <span class="ok">"Link copied — it opens exactly this view."</span> }.into_any(),
                    Copied::Fallback(url) => view! {
                        <span class="fallback">
                            <label for="share-url">"Copy this link (Ctrl+C):"</label>
                            <input id="share-url" data-testid="share-url" type="text" readonly prop:value=url node_ref=field />
                        </span>
                    }.into_any(),
                }}
            </span>
        </span>
    }
}
