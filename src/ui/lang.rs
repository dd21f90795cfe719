//! The page's language: chosen once at start-up (the link's `lang`, else the browser's
//! preferred languages, else English), shown on `<html lang>`, and the language menu.

use leptos::prelude::*;

use crate::i18n::{self, Lang};
use crate::link::Params;
use crate::ui::url;

/// The browser's preferred languages, most preferred first (`navigator.languages`).
fn preferred() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// Chooses the page's language before anything is drawn, and sets `<html lang>` to it.
pub fn choose() {
    let asked = Params::from_query(&url::current_query()).params.lang;
    let lang =
        asked.unwrap_or_else(|| Lang::from_preferences(preferred().iter().map(String::as_str)));
    i18n::set_lang(lang);
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
    // index.html's title is English; the page's own language replaces it.
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(i18n::t().link_notices.doc_title);
    }
}

/// The language menu. Choosing reloads the page with `lang` in its link: the whole state is in
/// the link, so it survives, and every text is drawn once in the new language (no signal per
/// string, which would cost wasm size on every label).
#[component]
pub fn LangSelect(
    /// All parameters (the reload carries them).
    params: RwSignal<Params>,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let Some(lang) = Lang::parse(&event_target_value(&ev)) else {
            return;
        };
        let mut next = params.get_untracked();
        next.lang = Some(lang);
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let href = format!("{}?{}{hash}", url::page_address(), next.to_query());
        if let Some(location) = web_sys::window().map(|w| w.location()) {
            let _ = location.set_href(&href);
        }
    };
    let current = i18n::lang();
    view! {
        <select class="lang-select" data-testid="lang-select" aria-label=i18n::t().lab.language
            on:change=on_change>
            {Lang::ALL.into_iter().map(|l| view! {
                <option value=l.code() selected=l == current lang=l.code()>{l.name()}</option>
            }).collect_view()}
        </select>
    }
}
