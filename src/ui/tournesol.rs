//! The Tournesol story panel: where this lab's loss comes from in Tournesol's own code (the
//! text and its citations are `crate::view::tournesol_story`), with the link that opens the
//! state it describes. Open on the tour's last step.

use leptos::prelude::*;

use crate::i18n::t;

use crate::link::Params;
use crate::view::tournesol_story::{
    Citation, CITATIONS, LEGACY_CITATIONS, PARAGRAPHS, PRESET_QUERY,
};

/// The story, its sources and its preset.
#[component]
pub fn TournesolStory(
    /// The link's settings (the preset replaces them, keeping lecture and embed mode).
    params: RwSignal<Params>,
) -> impl IntoView {
    let open_preset = move |_| {
        let current = params.get_untracked();
        let mut p = Params::from_query(PRESET_QUERY).params;
        (p.present, p.embed, p.hide, p.tour) =
            (current.present, current.embed, current.hide, current.tour);
        params.set(p);
    };
    let on_tour_step = move || params.get().tour == crate::link::TOUR_STEPS;
    view! {
        <details class="tournesol-story" data-testid="tournesol-story" prop:open=on_tour_step>
            <summary>{t().story.summary}</summary>
            {PARAGRAPHS.iter().map(|p| view! {
                <h3>{p.heading()}{p.ours.then_some(t().story.ours)}</h3>
                <p>{p.text()}</p>
            }).collect_view()}
            <div class="buttons">
                <button type="button" class="run" data-testid="tournesol-story-preset" on:click=open_preset>{t().story.open_preset}</button>
                <a href=format!("?{PRESET_QUERY}") data-testid="tournesol-story-link">{t().story.link_to_it}</a>
            </div>
            <h3>{t().story.sources}</h3>
            <ul class="citations">
                {CITATIONS.iter().chain(LEGACY_CITATIONS).map(|c: &Citation| view! {
                    <li><a href=c.url target="_blank" rel="noopener noreferrer"><code>{c.path}</code></a>" — "<code>{c.function}</code></li>
                }).collect_view()}
            </ul>
        </details>
    }
}
