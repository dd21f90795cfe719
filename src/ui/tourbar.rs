//! The tour: the masthead's start button, and the bar with the step's caption and Previous /
//! Next / End (→ and ← in lecture mode).

use leptos::prelude::*;

use crate::i18n::{fill, t};

use crate::link::tour::step_params;
use crate::link::{Params, TOUR_STEPS};

/// Tour controls and caption.
#[component]
pub fn TourBar(
    /// All parameters (`tour` is the step).
    params: RwSignal<Params>,
) -> impl IntoView {
    let step = move || params.get().tour;
    let go = move |k: u64| {
        let current = params.get_untracked();
        if let Some(p) = step_params(k, &current) {
            params.set(p);
        }
    };
    let at_start = move || step() <= 1;
    let at_end = move || step() >= TOUR_STEPS;
    view! {
        <Show when=move || step() != 0>
            <div class="tourbar tour-active" role="region" aria-label=t().lab.tour>
                <p class="tour-caption" data-testid="tour-caption" aria-live="polite">
                    <strong>{move || fill(t().lab.tour_step, &[("k", &step().to_string()), ("n", &TOUR_STEPS.to_string())])}</strong>
                    {move || t().teach.tour_caption(step()).unwrap_or_default()}
                </p>
                <div class="buttons">
                    <button type="button" data-testid="tour-prev" on:click=move |_| go(step().saturating_sub(1).max(1)) disabled=at_start>{t().lab.previous}</button>
                    <button type="button" class="run" data-testid="tour-next" on:click=move |_| go((step() + 1).min(TOUR_STEPS)) disabled=at_end>{t().lab.next}</button>
                    <button type="button" data-testid="tour-end" on:click=move |_| params.update(|p| p.tour = 0)>{t().lab.end_tour}</button>
                </div>
            </div>
        </Show>
    }
}

/// The masthead's "Take the tour" button, shown while no tour runs (the tour bar's Next takes
/// over its test id then).
#[component]
pub fn TourStart(
    /// All parameters (`tour` is the step).
    params: RwSignal<Params>,
) -> impl IntoView {
    let start = move |_| {
        if let Some(p) = step_params(1, &params.get_untracked()) {
            params.set(p);
        }
    };
    view! {
        <Show when=move || params.get().tour == 0>
            <button type="button" class="tour-start" data-testid="tour-next" on:click=start>{t().lab.take_tour}</button>
        </Show>
    }
}
