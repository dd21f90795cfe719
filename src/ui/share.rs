//! Sharing: "Copy link" (the page URL, which always holds the whole state), "Copy embed code"
//! (an `<iframe>` of the same state in embed mode) and, inside an embed, "Open in reglab ↗".
//! A copy falls back to showing the text selected for Ctrl+C when the Clipboard API is
//! unavailable (plain http, old browsers, denied permission).

use leptos::prelude::*;

use crate::i18n::t;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::link::embed::{iframe_code, open_link, EMBED_SIZES};
use crate::link::Params;
use crate::ui::url::{page_address, shared_href};

/// What was copied last.
#[derive(Debug, Clone, Copy, PartialEq)]
enum What {
    Link,
    Embed,
}

/// What happened to the last copy.
#[derive(Debug, Clone, PartialEq)]
enum Copied {
    Nothing,
    Done(What),
    Fallback(What, String),
}

/// Writes `text` to the clipboard; `copied` then says whether it worked or holds the text for
/// the fallback field.
fn copy(what: What, text: String, copied: RwSignal<Copied>) {
    let clipboard = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null());
    let write = clipboard.and_then(|c| {
        let f = js_sys::Reflect::get(&c, &"writeText".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        f.call1(&c, &text.clone().into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    match write {
        Some(promise) => {
            let ok = Closure::<dyn FnMut(JsValue)>::new(move |_| copied.set(Copied::Done(what)));
            let fail = Closure::<dyn FnMut(JsValue)>::new(move |_| {
                copied.set(Copied::Fallback(what, text.clone()))
            });
            let _ = promise.then2(&ok, &fail);
            // One small pair per click; the promise settles once.
            ok.forget();
            fail.forget();
        }
        None => copied.set(Copied::Fallback(what, text)),
    }
}

/// The copy-link and copy-embed-code buttons and their confirmation.
#[component]
pub fn ShareLink(
    /// All parameters (the embed code carries them).
    params: RwSignal<Params>,
) -> impl IntoView {
    let copied = RwSignal::new(Copied::Nothing);
    let copy_link = move |_| copy(What::Link, shared_href(), copied);
    let copy_embed = move |_| {
        let code = iframe_code(&page_address(), &params.get_untracked(), EMBED_SIZES[1]);
        copy(What::Embed, code, copied)
    };
    let field = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if matches!(copied.get(), Copied::Fallback(..)) {
            if let Some(area) = field.get() {
                let _ = area.focus();
                area.select();
            }
        }
    });
    view! {
        <span class="share">
            <button type="button" data-testid="copy-link" on:click=copy_link>{t().lab.copy_link}</button>
            <button type="button" data-testid="copy-embed" class="copy-embed" on:click=copy_embed>{t().lab.copy_embed}</button>
            <span role="status" class="share-status" data-testid="copy-status">
                {move || match copied.get() {
                    Copied::Nothing => view! { <span></span> }.into_any(),
                    Copied::Done(What::Link) => view! { <span class="ok">{t().lab.link_copied}</span> }.into_any(),
                    Copied::Done(What::Embed) => view! { <span class="ok">{t().lab.embed_copied}</span> }.into_any(),
                    Copied::Fallback(what, text) => view! {
                        <span class="fallback">
                            <label for="share-url">{if what == What::Link { t().lab.copy_link_by_hand } else { t().lab.copy_embed_by_hand }}</label>
                            <textarea id="share-url" data-testid="share-url" readonly rows="2" prop:value=text node_ref=field></textarea>
                        </span>
                    }.into_any(),
                }}
            </span>
        </span>
    }
}

/// An embed's way out: the same state in the full lab, in a new tab.
#[component]
pub fn EmbedOpen(
    /// All parameters.
    params: RwSignal<Params>,
) -> impl IntoView {
    view! {
        <Show when=move || params.get().embed>
            <a class="embed-open" data-testid="embed-open" target="_blank" rel="noopener"
                href=move || open_link(&page_address(), &params.get())>{t().lab.open_in_reglab}</a>
        </Show>
    }
}
