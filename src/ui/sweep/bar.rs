//! The sweep view's header: run and cancel, the progress bar, and the status line (whose data
//! attributes tell tests and benchmarks where the sweep stands and how its compute was spent).

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{fill, num_fixed, t};

use super::runner::{SweepRunner, SweepState};
use crate::link::Params;
use crate::ui::readouts::workers_tail;
use crate::view::sweep_shown::SweepShown;

/// Run, cancel, progress and status of the sweep.
#[component]
pub(super) fn SweepBar(
    /// The sweep's worker and what it reports.
    runner: SweepRunner,
    /// All parameters (the status names the epochs).
    params: RwSignal<Params>,
    /// The latest finished sweep (its timing goes into the status' data attributes).
    sweep: RwSignal<Option<Arc<SweepShown>>>,
) -> impl IntoView {
    let SweepRunner {
        state, progress, ..
    } = runner;
    // How the worker spent a finished sweep's compute (per-engine benchmarks read it).
    let done_timing = move || {
        (state.get() == SweepState::Done)
            .then(|| sweep.with(|s| s.as_ref().map(|s| s.result.timing)))
            .flatten()
    };
    view! {
        <div class="sweep-bar">
            <button type="button" class="run" data-testid="sweep-run" on:click=move |_| runner.rerun()>{crate::i18n::t().panels.sweep_run}</button>
            <button type="button" data-testid="sweep-cancel" on:click=move |_| runner.cancel() disabled=move || state.get() != SweepState::Running>{crate::i18n::t().panels.cancel}</button>
            <label class="progress">
                <progress max=move || progress.get().1.max(1).to_string() value=move || progress.get().0.to_string()></progress>
            </label>
            <p data-testid="sweep-status" aria-live="polite"
                data-state=move || state.get().key()
                data-done=move || progress.get().0.to_string()
                data-total=move || progress.get().1.to_string()
                data-elapsed-ms=move || format!("{:.3}", progress.get().2)
                data-calls=move || done_timing().map(|t| t.calls.to_string())
                data-slices=move || done_timing().map(|t| t.slices.to_string())
                data-longest-call-ms=move || done_timing().map(|t| format!("{:.3}", t.longest_call_ms))
                data-workers=move || done_timing().map(|t| t.workers.max(1).to_string())>
                {move || status_text(runner, params)}
            </p>
        </div>
    }
}

/// The status line's sentence for where the sweep stands.
fn status_text(runner: SweepRunner, params: RwSignal<Params>) -> String {
    let (done, total, ms) = runner.progress.get();
    let m = &t().panels;
    let (done, total) = (done.to_string(), total.to_string());
    let counts = [("done", done.as_str()), ("total", total.as_str())];
    match runner.state.get() {
        SweepState::Running => {
            let ms = num_fixed(ms, 0);
            fill(
                m.sweep_running,
                &[&counts[..], &[("ms", ms.as_str())]].concat(),
            )
        }
        SweepState::Done => {
            let (ms, epochs) = (num_fixed(ms, 1), params.get().epochs.to_string());
            let more = [("ms", ms.as_str()), ("epochs", epochs.as_str())];
            // How many workers shared it, in the live status' words.
            let k = runner
                .sweep
                .with(|s| s.as_ref().map_or(1, |s| s.result.timing.workers));
            fill(m.sweep_done, &[&counts[..], &more].concat()) + &workers_tail(k)
        }
        SweepState::Cancelled => fill(m.sweep_cancelled, &counts),
        SweepState::Error => fill(m.sweep_error, &[("why", &runner.message.get())]),
        SweepState::Idle => m.sweep_idle.into(),
    }
}
