//! The notice that a worker failed and was replaced (see [`crate::ui::client`]): any of the
//! page's workers reports here, in words, what happened and what was resumed.

use leptos::prelude::*;

use crate::ui::client;

/// A dismissable alert, shown after a worker restart until dismissed (a later restart replaces
/// the text). `data-restarts` counts the restarts announced on this page.
#[component]
pub fn WorkerNotice() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let count = RwSignal::new(0u32);
    client::recovery::on_restart(move |t| {
        text.set(t);
        count.update(|c| *c += 1);
    });
    view! {
        <Show when=move || !text.get().is_empty()>
            <div class="notice worker-notice" role="alert" data-testid="worker-notice"
                data-restarts=move || count.get().to_string()>
                <p>{move || text.get()}</p>
                <button type="button" on:click=move |_| text.set(String::new())>{crate::i18n::t().notices.dismiss}</button>
            </div>
        </Show>
    }
}
