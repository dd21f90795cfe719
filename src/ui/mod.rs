//! The page (leptos, client-side rendered). Only this module owns signals; charts take data.

pub mod canvas;
pub mod charts;
pub mod client;
pub mod palette;
mod timing;
mod url;

use std::sync::Arc;

use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::core::analytic::clamped_count;
use crate::core::{Band, StopReason};
use crate::mu_scale::{mu_at, position_of, MAX_POSITION};
use crate::params::{Params, Replaced};
use crate::protocol::{FromWorker, RunResult, RunSpec};
use charts::z_chart::{draw_z_chart, fmt_mu, ZChart};
use client::{Event, WorkerClient};
use palette::Palette;

/// Where a run stands, as the status line and `data-state` say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunState {
    /// Nothing computed yet.
    Idle,
    /// The worker is computing.
    Running,
    /// The last run finished.
    Done,
    /// The last run diverged.
    Diverged,
    /// Something went wrong (see the message).
    Error,
}

impl RunState {
    fn key(self) -> &'static str {
        match self {
            RunState::Idle => "idle",
            RunState::Running => "running",
            RunState::Done => "done",
            RunState::Diverged => "diverged",
            RunState::Error => "error",
        }
    }
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let parsed = Params::from_query(&url::current_query());
    let params = RwSignal::new(parsed.params);
    let notices = RwSignal::new(parsed.replaced);
    let result: RwSignal<Option<Arc<RunResult>>> = RwSignal::new(None);
    let state = RwSignal::new(RunState::Idle);
    let progress = RwSignal::new((0u64, 0.0f64));
    let message = RwSignal::new(String::new());
    let ready = RwSignal::new(false);
    let stale = RwSignal::new(0u64);

    let client = WorkerClient::start(move |event| match event {
        Event::Ready => ready.set(true),
        Event::Failed(text) => {
            state.set(RunState::Error);
            message.set(text);
        }
        Event::Message(FromWorker::Progress {
            epoch, elapsed_ms, ..
        }) => progress.set((epoch, elapsed_ms)),
        Event::Message(FromWorker::Done(r)) => {
            state.set(match r.reason {
                StopReason::Diverged { .. } => RunState::Diverged,
                _ => RunState::Done,
            });
            message.set(match r.reason {
                StopReason::Diverged { epoch } => {
                    format!("diverged at epoch {epoch}: lower the learning rate")
                }
                _ => String::new(),
            });
            progress.set((r.epoch, r.elapsed_ms));
            timing::measure_run(r.elapsed_ms);
            result.set(Some(Arc::from(r)));
        }
        Event::Message(FromWorker::Error { message: text, .. }) => {
            state.set(RunState::Error);
            message.set(text);
        }
        Event::Message(FromWorker::Ready) => {}
    });

    // Every change of the parameters asks for a run (coalesced to one per frame by the client)
    // and rewrites the URL in place.
    let c = client.clone();
    Effect::new(move |_| {
        let p = params.get();
        url::replace_query(&p.to_query());
        timing::mark_input();
        state.set(RunState::Running);
        c.request(RunSpec::from_params(&p, 0));
        stale.set(c.stale_dropped());
    });

    let set_mu = move |mu: f64| params.update(|p| p.mu = mu);
    let run_again = move |_| params.update(|_| {});

    view! {
        <header class="masthead">
            <h1>"reglab"</h1>
            <p class="formula">
                <math display="inline">
                    <mi>"L"</mi><mo>"("</mo><mi>"z"</mi><mo>")"</mo><mo>"="</mo>
                    <msub><mrow><mo>"‖"</mo><mi>"z"</mi><mo>"−"</mo><msub><mi>"z"</mi><mn>"0"</mn></msub><mo>"‖"</mo></mrow><mn>"1"</mn></msub>
                    <mo>"+"</mo><mi>"μ"</mi>
                    <msubsup><mrow><mo>"‖"</mo><mi>"z"</mi><mo>"−"</mo><mn>"1"</mn><mo>"‖"</mo></mrow><mn>"2"</mn><mn>"2"</mn></msubsup>
                </math>
                " — minimised by Adam; the exact answer is z* = clamp(z0, 1 − 1/(2μ), 1 + 1/(2μ))."
            </p>
        </header>
        <Notices notices=notices />
        <main class="lab">
            <section class="controls" aria-label="Controls">
                <MuControl mu=Signal::derive(move || params.get().mu) on_change=set_mu />
                <button class="run" data-testid="run" on:click=run_again>"Run"</button>
            </section>
            <section class="charts">
                <ZChartPanel result=result />
            </section>
            <Readouts params=params result=result state=state progress=progress message=message ready=ready stale=stale />
        </main>
    }
}

/// Notice naming the link values that were replaced by defaults.
#[component]
fn Notices(
    /// Values from the link that could not be used.
    notices: RwSignal<Vec<Replaced>>,
) -> impl IntoView {
    view! {
        <Show when=move || !notices.get().is_empty()>
            <div class="notice" role="alert" data-testid="notice">
                <p>"Some values in this link could not be used and were replaced:"</p>
                <ul>
                    {move || notices.get().into_iter().map(|r| view! {
                        <li><code>{r.key.clone()}"="{r.given.clone()}</code>" — "{r.reason.clone()}"; using "<code>{r.used.clone()}</code></li>
                    }).collect_view()}
                </ul>
                <button on:click=move |_| notices.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}

/// The μ slider (log scale, exactly 0 at its left end) and a number input for exact values.
#[component]
fn MuControl(
    /// The current μ.
    mu: Signal<f64>,
    /// Called with a new μ (≥ 0, finite).
    on_change: impl Fn(f64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let bad_input = RwSignal::new(false);
    view! {
        <div class="field mu-field">
            <label for="mu-slider">"μ (regularization weight)"</label>
            <input
                id="mu-slider"
                type="range"
                data-testid="mu-slider"
                min="0"
                max=MAX_POSITION.to_string()
                step="1"
                aria-valuetext=move || format!("μ = {}", fmt_mu(mu.get()))
                prop:value=move || position_of(mu.get()).to_string()
                on:input=move |ev| {
                    if let Ok(pos) = event_target_value(&ev).parse::<u32>() {
                        on_change(mu_at(pos));
                    }
                }
            />
            <input
                id="mu-input"
                type="number"
                data-testid="mu-input"
                min="0"
                max="1000000"
                step="any"
                aria-label="μ exact value"
                aria-invalid=move || bad_input.get().to_string()
                prop:value=move || fmt_mu(mu.get())
                on:change=move |ev| {
                    match event_target_value(&ev).trim().parse::<f64>() {
                        Ok(x) if x.is_finite() && (0.0..=crate::params::MAX_MU).contains(&x) => {
                            bad_input.set(false);
                            on_change(if x == 0.0 { 0.0 } else { x });
                        }
                        _ => bad_input.set(true),
                    }
                }
            />
            <Show when=move || bad_input.get()>
                <p class="field-error" role="alert">"μ must be a number from 0 to 1 000 000; keeping μ = "{move || fmt_mu(mu.get())}</p>
            </Show>
        </div>
    }
}

/// Chart 1 in its panel, redrawn when the result, the size or the colour scheme changes.
#[component]
fn ZChartPanel(
    /// The run to show.
    result: RwSignal<Option<Arc<RunResult>>>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let size = canvas::watch_resize(canvas_ref);
    Effect::new(move |_| {
        size.track();
        let (Some(canvas), Some(r)) = (canvas_ref.get(), result.get()) else {
            return;
        };
        draw_result(&canvas, &r);
    });
    view! {
        <figure class="chart-panel">
            <canvas node_ref=canvas_ref class="chart chart-z" data-testid="chart-z"
                role="img" aria-label="Learned z against z0 with the exact optimum and the band"></canvas>
        </figure>
    }
}

fn draw_result(canvas: &HtmlCanvasElement, r: &RunResult) {
    let z0 = crate::core::linspace(r.spec.z0min, r.spec.z0max, r.spec.n);
    let band = Band::for_mu(r.spec.mu, r.spec.centre);
    let z_star = crate::core::analytic::clamp_solution(&z0, band);
    let data = ZChart {
        z0: &z0,
        z: &r.z,
        z_star: &z_star,
        band,
        mu: r.spec.mu,
    };
    if let Err(e) = draw_z_chart(canvas, &data, &Palette::current()) {
        web_sys::console::warn_1(&e.into());
    }
    let _ = canvas.set_attribute("data-mu", &crate::params::fmt_real(r.spec.mu));
    let _ = canvas.set_attribute("data-run", &r.run.to_string());
    timing::measure_input_to_frame();
}

/// The text readouts (an ARIA live region) and the status line.
#[component]
fn Readouts(
    /// Current parameters.
    params: RwSignal<Params>,
    /// The run shown.
    result: RwSignal<Option<Arc<RunResult>>>,
    /// Run state.
    state: RwSignal<RunState>,
    /// (epochs done, worker ms) of the latest report.
    progress: RwSignal<(u64, f64)>,
    /// Error or divergence message.
    message: RwSignal<String>,
    /// Whether the worker said Ready.
    ready: RwSignal<bool>,
    /// Stale messages dropped so far.
    stale: RwSignal<u64>,
) -> impl IntoView {
    let band = move || Band::for_mu(params.get().mu, 1.0);
    let clamped = move || {
        let p = params.get();
        (clamped_count(&p.z0(), band()), p.n)
    };
    view! {
        <section class="readouts" aria-live="polite" aria-label="Readouts">
            {move || match band() {
                Some(b) => view! {
                    <p data-testid="band" data-lo=crate::params::fmt_real(b.lo) data-hi=crate::params::fmt_real(b.hi)>
                        "band: [" {format!("{:.4}", b.lo)} ", " {format!("{:.4}", b.hi)} "]"
                    </p>
                }.into_any(),
                None => view! { <p data-testid="band">"μ = 0: no band — z follows z0 everywhere"</p> }.into_any(),
            }}
            <p data-testid="clamped" data-k=move || clamped().0.to_string() data-n=move || clamped().1.to_string()>
                {move || { let (k, n) = clamped(); format!("{k} of {n} coordinates clamped") }}
            </p>
            <p data-testid="err-inf" data-value=move || result.get().map(|r| r.err_inf.to_string()).unwrap_or_default()>
                "‖z − z*‖∞ = " {move || result.get().map(|r| format!("{:.2e}", r.err_inf)).unwrap_or_else(|| "—".into())}
            </p>
            <p data-testid="status"
                data-state=move || state.get().key()
                data-epoch=move || progress.get().0.to_string()
                data-elapsed-ms=move || format!("{:.3}", progress.get().1)
                data-worker=move || if ready.get() { "ready" } else { "starting" }
                data-stale=move || stale.get().to_string()>
                {move || {
                    let (epoch, ms) = progress.get();
                    let total = params.get().epochs;
                    format!("{} — epoch {epoch} / {total}, {ms:.1} ms in the worker", state.get().key())
                }}
            </p>
            <Show when=move || !message.get().is_empty()>
                <p class="status-message" role="alert">{move || message.get()}</p>
            </Show>
        </section>
    }
}
