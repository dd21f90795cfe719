//! "QR code (Q)": the page's exact link (`window.location.href`, which holds the whole state) as
//! a large QR code for a room to scan, with the link as text beneath. The code is made in the
//! page ([`crate::view::qr`]); nothing is fetched. Esc, Q, Close or a click on the backdrop
//! close it, and the focus goes back where it was.
//!
//! No inline styles (the Content-Security-Policy forbids them): the stylesheet sizes
//! `.qr-overlay`, `.qr-code` and `.qr-link`; the code itself is black on white in any theme,
//! because scanners need dark modules on a light ground.

use leptos::prelude::*;

use crate::i18n::t;
use wasm_bindgen::JsCast;

use crate::ui::url::shared_href;
use crate::view::qr::{qr_picture, QrPicture};

/// The element that has the focus now, if it can take it back later.
fn focused() -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
}

/// The button that shows and hides the QR code.
#[component]
pub fn QrButton(
    /// Whether the QR code is shown.
    open: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <button type="button" data-testid="qr-toggle" aria-haspopup="dialog"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|v| *v = !*v)>{t().lab.qr_button}</button>
    }
}

/// The overlay with the QR code of the link, read when it opens. Esc and Q are the page key
/// handler's (`lecture::install_keys`); this component moves the focus in and back out.
#[component]
pub fn QrOverlay(
    /// Whether the QR code is shown.
    open: RwSignal<bool>,
) -> impl IntoView {
    let close = NodeRef::<leptos::html::Button>::new();
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    // The Close button exists only while open: when it appears, remember who had the focus
    // (nothing has moved it yet) and take it.
    Effect::new(move |_| {
        if let Some(button) = close.get() {
            before.set_value(focused());
            let _ = button.focus();
        }
    });
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if was_open == Some(true) && !is_open {
            if let Some(el) = before.try_update_value(Option::take).flatten() {
                let _ = el.focus();
            }
        }
        is_open
    });
    view! {
        <Show when=move || open.get()>
            {move || overlay(open, close, shared_href())}
        </Show>
    }
}

/// The dialog for `href`: heading, code (or why there is none), link, version line, Close.
fn overlay(
    open: RwSignal<bool>,
    close: NodeRef<leptos::html::Button>,
    href: String,
) -> impl IntoView {
    let (code, summary) = match qr_picture(&href) {
        Ok(p) => (code_svg(&p).into_any(), p.summary()),
        Err(why) => (
            view! { <p class="qr-error" role="alert" data-testid="qr-error">{why}</p> }.into_any(),
            String::new(),
        ),
    };
    // The overlay is the backdrop: a click on it, not on what it holds, closes.
    let on_backdrop = move |ev: web_sys::MouseEvent| {
        if ev.target() == ev.current_target() {
            open.set(false);
        }
    };
    // Close is the dialog's only control: Tab stays on it rather than leave the modal.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Tab" {
            ev.prevent_default();
        }
    };
    view! {
        <div class="qr-overlay" role="dialog" aria-modal="true" aria-labelledby="qr-title"
            data-testid="qr" on:click=on_backdrop on:keydown=on_keydown>
            <h2 id="qr-title">{t().lab.qr_title}</h2>
            {code}
            <p class="qr-link" data-testid="qr-link">{href}</p>
            <p class="qr-meta" data-testid="qr-meta">{summary}</p>
            <button type="button" data-testid="qr-close" node_ref=close
                on:click=move |_| open.set(false)>{t().lab.close}</button>
        </div>
    }
}

/// The code as SVG, one unit a module: a white square and one black path.
fn code_svg(p: &QrPicture) -> impl IntoView {
    let w = p.width;
    view! {
        <svg class="qr-code" data-testid="qr-code" viewBox=format!("0 0 {w} {w}") role="img"
            aria-label=t().lab.qr_label shape-rendering="crispEdges">
            <rect width=w height=w fill="#fff" />
            <path d=p.path.clone() fill="#000" />
        </svg>
    }
}
