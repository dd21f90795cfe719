//! The sweep view: the seed's second experiment live — every μ of a log grid run to the end in
//! the worker, drawn as the overlay, three heatmaps (learned, analytic, difference) and the band
//! edges against μ. Clicking (or Enter on) a heatmap row opens the live view at that μ.

mod bar;
mod grid;
mod heatmaps;
mod runner;

use std::sync::Arc;

use leptos::prelude::*;

use crate::link::{Params, View};
use crate::ui::palette::Palette;
use crate::view::charts::MapKind;
use crate::view::sweep_shown::SweepShown;
use bar::SweepBar;
use grid::{BandEdgesPanel, OverlayPanel, SweepField};
use heatmaps::{CellReadout, HeatmapPanel};
use runner::SweepRunner;
pub use runner::SweepState;

/// The sweep view. It has its own worker, so a sweep and the live view's runs never cancel
/// each other.
#[component]
pub fn SweepView(
    /// All parameters (the sweep grid and everything it shares with the live view).
    params: RwSignal<Params>,
    /// Changes when the colour scheme does.
    theme: Signal<Palette>,
    /// The latest finished sweep, shared with the export buttons.
    sweep: RwSignal<Option<Arc<SweepShown>>>,
    /// Where the sweep stands, shared with the live lab (whose run waits for a sweep shown).
    state: RwSignal<SweepState>,
) -> impl IntoView {
    let runner = SweepRunner::new(params, sweep, state);
    let hover = RwSignal::new(None::<(usize, usize)>);
    let open_row = move |row: usize| open_live_at(params, sweep, row);
    view! {
        <section class="sweep" aria-label="μ sweep">
            <SweepBar runner=runner params=params sweep=sweep />
            <div class="sweep-grid">
                <SweepField params=params />
                <OverlayPanel sweep=sweep theme=theme />
                <BandEdgesPanel params=params theme=theme />
            </div>
            <div class="heatmaps">
                <HeatmapPanel sweep=sweep theme=theme hover=hover open_row=open_row kind=MapKind::Learned />
                <HeatmapPanel sweep=sweep theme=theme hover=hover open_row=open_row kind=MapKind::Analytic />
                <HeatmapPanel sweep=sweep theme=theme hover=hover open_row=open_row kind=MapKind::Diff />
            </div>
            <CellReadout hover=hover sweep=sweep />
        </section>
    }
}

/// Opens the live view at the μ of the sweep's row `row` (a heatmap row was clicked or entered).
fn open_live_at(params: RwSignal<Params>, sweep: RwSignal<Option<Arc<SweepShown>>>, row: usize) {
    if let Some(s) = sweep.get_untracked() {
        if let Some(r) = s.result.rows.get(row) {
            if crate::ui::lab::set_mu(params, r.mu).is_ok() {
                params.update(|p| p.view = View::Live);
            }
        }
    }
}
