//! Text readouts (an ARIA live region), the status line, and the link-notice banner.

use leptos::prelude::*;

use crate::i18n::{fill, grouped, localise, num, num_fixed, range, t};

use crate::link::{fmt_real, Replaced};
use crate::protocol::WorkTiming;
use crate::view::run_state::RunState;
use crate::view::shown::Frame;

/// The numbers a lecturer reads out: band, clamped count, epoch, compute time, distance to z*.
#[component]
pub fn Readouts(
    /// The picture.
    frame: Signal<Option<Frame>>,
    /// The lab: its preview, the slider's μ's band and count while the worker computes it (the
    /// analytic tier).
    lab: crate::ui::lab::Lab,
    /// Run state.
    state: RwSignal<RunState>,
    /// Epochs planned for the current settings.
    epochs: Signal<u64>,
    /// (epochs done, worker ms) of a run still computing.
    progress: RwSignal<(u64, f64)>,
    /// Error or divergence message.
    message: RwSignal<String>,
    /// Whether the worker said Ready.
    ready: RwSignal<bool>,
    /// A second optimizer's run (compare mode).
    compare: Signal<Option<std::sync::Arc<crate::view::shown::Shown>>>,
) -> impl IntoView {
    let band = move || band_now(lab, frame);
    let clamped = move || clamped_now(lab, frame);
    // The `data-*` attributes say the state itself; the words show `state.words()`.
    let numbers = move |s: RunState| status_numbers(s, frame.get(), progress.get());
    let words = move || state.get().words();
    view! {
        <section class="readouts" aria-live="polite" aria-label=t().lab.readouts>
            {move || match band() {
                Some(b) => view! {
                    <p data-testid="band" data-lo=fmt_real(b.lo) data-hi=fmt_real(b.hi)>
                        {t().lab.band_readout} {range(&num_fixed(b.lo, 4), &num_fixed(b.hi, 4))}
                    </p>
                }.into_any(),
                None => view! { <p data-testid="band">{move || frame.get().map(|f| variant_band(&f.shown)).unwrap_or_default()}</p> }.into_any(),
            }}
            <p data-testid="clamped"
                data-k=move || clamped().map(|k| k.to_string())
                data-n=move || frame.get().map(|f| f.shown.z0.len().to_string())>
                {move || frame.get().map(|f| {
                    let template = if f.shown.result.spec.is_seed_shape() { t().lab.clamped_seed } else { t().lab.clamped_variant };
                    let k = clamped().unwrap_or(f.shown.clamped);
                    fill(template, &[("count", &k.to_string()), ("n", &f.shown.z0.len().to_string())])
                }).unwrap_or_default()}
            </p>
            <p data-testid="err-inf" data-value=move || frame.get().map(|f| f.err_inf().to_string()).unwrap_or_default()>
                "‖z − z*‖∞ = " {move || frame.get().map(|f| localise(format!("{:.3e}", f64::from(f.err_inf())))).unwrap_or_else(|| "—".into())}
            </p>
            <Show when=move || compare.get().is_some()>
                <p data-testid="err-inf-compare" data-value=move || compare.get().map(|c| c.result.err_inf.to_string()).unwrap_or_default()>
                    {move || compare.get().map(|c| fill(t().lab.err_compare, &[("opt", crate::i18n::name(c.result.spec.opt.label())), ("err", &localise(format!("{:.3e}", f64::from(c.result.err_inf)))), ("epochs", &c.result.epoch.to_string()), ("ms", &num_fixed(c.result.elapsed_ms, 1))])).unwrap_or_default()}
                </p>
            </Show>
            <p data-testid="status"
                data-state=move || state.get().key()
                data-epoch=move || numbers(state.get()).0.to_string()
                data-elapsed-ms=move || format!("{:.3}", numbers(state.get()).1)
                data-calls=move || numbers(state.get()).2.map(|t| t.calls.to_string())
                data-slices=move || numbers(state.get()).2.map(|t| t.slices.to_string())
                data-longest-call-ms=move || numbers(state.get()).2.map(|t| format!("{:.3}", t.longest_call_ms))
                data-workers=move || numbers(state.get()).2.map(|t| t.workers.to_string())
                data-worker=move || if ready.get() { "ready" } else { "starting" }>
                <span class=move || format!("state state-{}", words().key())>{move || words().label()}</span>
                {move || { let (epoch, ms, timing) = numbers(words()); status_tail(epoch, epochs.get(), ms, timing) }}
            </p>
            <Show when=move || !message.get().is_empty()>
                <p class="status-message" role="alert">{move || message.get()}</p>
            </Show>
        </section>
    }
}

/// The status line's numbers in `state`: the epoch, the worker's ms and how it spent them. A run
/// computing shows its progress (no timing yet); otherwise the shown run's.
fn status_numbers(
    state: RunState,
    frame: Option<Frame>,
    progress: (u64, f64),
) -> (u64, f64, Option<WorkTiming>) {
    if state.computing() {
        return (progress.0, progress.1, None);
    }
    match frame {
        Some(f) => (
            f.epoch(),
            f.shown.result.elapsed_ms,
            Some(f.shown.result.timing),
        ),
        None if state == RunState::Running => (progress.0, 0.0, None),
        None => (0, 0.0, None),
    }
}

/// The status line after the state: the epoch, the compute time and, for a run shared among
/// workers, how many.
fn status_tail(epoch: u64, epochs: u64, ms: f64, timing: Option<WorkTiming>) -> String {
    let tail = fill(
        t().lab.status_tail,
        &[
            ("epoch", &grouped(epoch)),
            ("epochs", &grouped(epochs)),
            ("ms", &num_fixed(ms, 1)),
        ],
    );
    tail + &workers_tail(timing.map_or(1, |w| w.workers))
}

/// " — shared among k workers" for an answer computed by k > 1 workers, else nothing.
pub(crate) fn workers_tail(k: u32) -> String {
    if k > 1 {
        fill(t().lab.status_workers, &[("k", &k.to_string())])
    } else {
        String::new()
    }
}

/// The band readout when there is no single band: μ = 0, per-coordinate bands or a smooth fit.
fn variant_band(shown: &crate::view::shown::Shown) -> String {
    let spec = &shown.result.spec;
    if spec.mu == 0.0 {
        return t().lab.no_band_zero.into();
    }
    match &shown.bands {
        Some(bands) => {
            let half = bands.iter().map(|(lo, hi)| (hi - lo) / 2.0);
            let (lo, hi) = half.fold((f64::INFINITY, 0.0f64), |(a, b), h| (a.min(h), b.max(h)));
            let problem = spec.problem_label();
            let (lo, hi) = (num(lo), num(hi));
            fill(
                t().lab.own_bands,
                &[("problem", &problem), ("lo", &lo), ("hi", &hi)],
            )
        }
        None => {
            let problem = spec.problem_label();
            let c = num(spec.centre);
            fill(t().lab.no_band_smooth, &[("problem", &problem), ("c", &c)])
        }
    }
}

/// Names the link values that were replaced by defaults (text only: nothing from a link is
/// ever inserted as HTML).
#[component]
pub fn Notices(
    /// Values from the link that could not be used.
    notices: RwSignal<Vec<Replaced>>,
) -> impl IntoView {
    view! {
        <Show when=move || !notices.get().is_empty()>
            <div class="notice" role="alert" data-testid="notice">
                <p>{t().notices.changed}</p>
                <ul>
                    {move || notices.get().into_iter().map(|r| view! {
                        <li><code>{format!("{}={}", r.key, r.given)}</code>" — "{r.reason.clone()}{t().notices.using}<code>{r.used.clone()}</code></li>
                    }).collect_view()}
                </ul>
                <button type="button" on:click=move |_| notices.set(Vec::new())>{t().notices.dismiss}</button>
            </div>
        </Show>
    }
}

/// The band shown: the preview's while the worker computes the slider's μ, else the run's.
fn band_now(lab: crate::ui::lab::Lab, frame: Signal<Option<Frame>>) -> Option<crate::core::Band> {
    match lab.preview() {
        Some(p) => p.band,
        None => frame.get().and_then(|f| f.shown.band),
    }
}

/// Coordinates held away from z0: the preview's while it is shown, else the run's.
fn clamped_now(lab: crate::ui::lab::Lab, frame: Signal<Option<Frame>>) -> Option<usize> {
    let f = frame.get()?;
    Some(lab.preview().map_or(f.shown.clamped, |p| p.clamped))
}
