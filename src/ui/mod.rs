//! The page (leptos, client-side rendered). Only this module owns signals; charts take data.

pub mod canvas;
pub mod charts;
pub mod client;
pub mod colormap;
mod controls;
mod download;
mod explain;
mod explorer;
mod exports;
pub mod lecture;
pub mod palette;
mod panels;
mod playback;
mod png;
mod problem_panel;
mod readouts;
mod share;
pub mod sweep;
mod timing;
mod tourbar;
mod url;
mod worker_notice;

use leptos::prelude::*;

use crate::core::StopReason;
use crate::link::{Params, Playback, View};
use crate::protocol::FromWorker;
use crate::view::shown::{Frame, Shown};
use client::{Event, WorkerClient};
use controls::{Advanced, LrControl, MuControl, PlaybackBar};
use explain::Explanation;
use exports::Exports;
use panels::{LossPanel, SuboptPanel, ZPanel};
use playback::Player;
use readouts::{Notices, Readouts};
use sweep::SweepView;

/// Where a run stands. `data-state` on the status says it as idle / running / paused / done /
/// diverged / error (computing and playing back are both "running").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunState {
    /// Nothing computed yet.
    Idle,
    /// The worker is computing.
    Computing,
    /// A computed run is being played back.
    Running,
    /// Playback paused.
    Paused,
    /// The run on screen is finished.
    Done,
    /// The run diverged.
    Diverged,
    /// Something went wrong (see the message).
    Error,
}

impl RunState {
    /// The `data-state` value.
    pub fn key(self) -> &'static str {
        match self {
            RunState::Idle => "idle",
            RunState::Computing | RunState::Running => "running",
            RunState::Paused => "paused",
            RunState::Done => "done",
            RunState::Diverged => "diverged",
            RunState::Error => "error",
        }
    }

    /// What the status line says.
    pub fn label(self) -> &'static str {
        match self {
            RunState::Idle => "Idle",
            RunState::Computing => "Computing",
            RunState::Running => "Playing",
            RunState::Paused => "Paused",
            RunState::Done => "Done",
            RunState::Diverged => "Diverged",
            RunState::Error => "Error",
        }
    }
}

/// The sentence after the seed's formula: the seed's closed form, or what the link changed.
fn formula_tail(p: &Params) -> String {
    let spec = p.run_spec(0);
    let by = spec.opt.label();
    if spec.is_seed_shape() && spec.centre == 1.0 {
        format!(" minimised by {by}. The exact answer: z* = clamp(z0, 1 − 1/(2μ), 1 + 1/(2μ)).")
    } else {
        format!(
            " — this link changes it: {}, minimised by {by}. The exact answer is computed per coordinate and drawn as z*.",
            spec.problem_label()
        )
    }
}

/// Snapshots per second of playback (one per frame at 60 Hz).
const PLAYBACK_FPS: u32 = 60;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let parsed = Params::from_query(&url::current_query());
    let params = RwSignal::new(parsed.params);
    let notices = RwSignal::new(
        parsed
            .replaced
            .into_iter()
            .chain(parsed.legacy)
            .collect::<Vec<_>>(),
    );
    let frame: RwSignal<Option<Frame>> = RwSignal::new(None);
    let state = RwSignal::new(RunState::Idle);
    let progress = RwSignal::new((0u64, 0.0f64));
    let message = RwSignal::new(String::new());
    let ready = RwSignal::new(false);
    let theme = palette::watch_theme();
    let player = Player::new(frame, state);
    // The run whose result should be played back rather than shown at once.
    let play_run = StoredValue::new(None::<(u64, u8)>);

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
            let diverged = matches!(r.reason, StopReason::Diverged { .. });
            message.set(match r.reason {
                StopReason::Diverged { epoch } => format!("Diverged at epoch {epoch}: the losses became infinite. Lower the learning rate."),
                _ => String::new(),
            });
            progress.set((r.epoch, r.elapsed_ms));
            timing::measure_run(r.elapsed_ms);
            timing::mark_first_result();
            let seconds = play_run
                .get_value()
                .filter(|(id, _)| *id == r.run)
                .map(|(_, s)| s);
            let shown = Shown::new(*r);
            match seconds {
                Some(s) if !diverged && shown.result.snapshots.len() > 1 => {
                    player.play(shown, f64::from(s) * 1000.0)
                }
                _ => {
                    player.stop();
                    frame.set(Some(Frame { shown, step: None }));
                    state.set(if diverged {
                        RunState::Diverged
                    } else {
                        RunState::Done
                    });
                }
            }
        }
        Event::Message(FromWorker::Error { message: text, .. }) => {
            state.set(RunState::Error);
            message.set(text);
        }
        Event::Message(_) => {}
    });
    #[cfg(feature = "test-hooks")]
    client.expose_as("live"); // window.__reglab (see client/test_hooks.rs)

    // A change of any setting that affects the result asks for the converged run at once
    // (coalesced to one request per animation frame by the client) and rewrites the URL.
    let c = client.clone();
    let problem = Memo::new(move |_| {
        let p = params.get();
        p.run_spec(0)
    });
    Effect::new(move |_| {
        let spec = problem.get();
        timing::mark_input();
        player.stop();
        play_run.set_value(None);
        state.set(RunState::Computing);
        c.request(client::Request::Run(spec));
    });
    Effect::new(move |_| url::replace_query(&params.get().to_query()));

    // Compare mode: the same problem with a second optimizer, in a worker of its own so both
    // compute at once (two cores) and neither cancels the other.
    let compare: RwSignal<Option<std::sync::Arc<Shown>>> = RwSignal::new(None);
    let compare_client = WorkerClient::start(move |event| match event {
        Event::Message(FromWorker::Done(r)) => compare.set(Some(Shown::new(*r))),
        Event::Message(FromWorker::Error { message: m, .. }) | Event::Failed(m) => message.set(m),
        _ => {}
    });
    let compare_kind = Memo::new(move |_| params.get().compare.kind());
    Effect::new(move |_| {
        let spec = problem.get();
        match compare_kind.get() {
            Some(kind) => {
                compare_client.request(client::Request::Run(spec.with_opt(kind)));
            }
            None => {
                compare_client.stop();
                if compare.get_untracked().is_some() {
                    compare.set(None);
                }
            }
        }
    });
    let compare_signal = Signal::derive(move || compare.get());

    let worker = StoredValue::new_local(client.clone());
    let on_run = move || {
        let p = params.get_untracked();
        let snapshots = match p.play {
            Playback::Instant => 0,
            Playback::Seconds(s) => u32::from(s) * PLAYBACK_FPS,
        };
        player.stop();
        state.set(RunState::Computing);
        let id = worker.with_value(|c| c.request(client::Request::Run(p.run_spec(snapshots))));
        play_run.set_value(match p.play {
            Playback::Instant => None,
            Playback::Seconds(s) => Some((id, s)),
        });
    };
    // Space and R in lecture mode: play the run (3 s if the choice is Instant), pause, resume.
    let play_pause = move || match state.get_untracked() {
        RunState::Running | RunState::Paused => player.toggle(),
        _ => {
            if params.get_untracked().play == Playback::Instant {
                params.update(|p| p.play = Playback::Seconds(3));
            }
            on_run();
        }
    };
    let replay = move || {
        if params.get_untracked().play == Playback::Instant {
            params.update(|p| p.play = Playback::Seconds(3));
        }
        on_run();
    };
    // Dragging a point of the z chart moves its z0: the page then runs on explicit values,
    // which the link carries (at most MAX_VALUES of them; beyond that a preset and its seed).
    let drag_z0 = Callback::new(move |(i, x): (usize, f64)| {
        let mut values = params.get_untracked().z0();
        if values.len() > crate::link::z0_code::MAX_VALUES {
            message.set(format!(
                "Dragging z0 needs n ≤ {}: a link carries at most that many values. Lower n, or pick a preset.",
                crate::link::z0_code::MAX_VALUES
            ));
            return;
        }
        if let Some(v) = values.get_mut(i) {
            *v = x.clamp(-1e6, 1e6) as f32;
        }
        if let Err(e) = problem_panel::set_z0_values(params, &values) {
            message.set(e);
        }
    });
    let show_keys = RwSignal::new(false);
    lecture::install_keys(params, show_keys, play_pause, replay);
    let selected = RwSignal::new(0usize);
    let root_class = move || {
        let p = params.get();
        let mut class = String::from("app");
        if p.present {
            class.push_str(" present");
        }
        for panel in &p.hide {
            class.push_str(&format!(" hide-{panel}"));
        }
        class
    };

    let mu = Signal::derive(move || params.get().mu);
    let epochs = Signal::derive(move || params.get().epochs);
    let shown_frame = Signal::derive(move || frame.get());
    let sweep = RwSignal::new(None);
    view! {
        <div class=root_class>
        <header class="masthead">
            <div class="title-row">
                <h1>"reglab"</h1>
                <div class="header-actions">
                    <share::ShareLink />
                    <button type="button" data-testid="present-toggle" aria-pressed=move || params.get().present.to_string()
                        on:click=move |_| params.update(|p| p.present = !p.present)>
                        {move || if params.get().present { "Leave lecture mode (P)" } else { "Lecture mode (P)" }}
                    </button>
                    <button type="button" data-testid="keys-toggle" on:click=move |_| show_keys.update(|v| *v = !*v)>"Keys (?)"</button>
                </div>
            </div>
            <p class="formula">
                <math display="inline">
                    <mi>"L"</mi><mo>"("</mo><mi>"z"</mi><mo>")"</mo><mo>"="</mo>
                    <msub><mrow><mo>"‖"</mo><mi>"z"</mi><mo>"−"</mo><msub><mi>"z"</mi><mn>"0"</mn></msub><mo>"‖"</mo></mrow><mn>"1"</mn></msub>
                    <mo>"+"</mo><mi>"μ"</mi>
                    <msubsup><mrow><mo>"‖"</mo><mi>"z"</mi><mo>"−"</mo><mn>"1"</mn><mo>"‖"</mo></mrow><mn>"2"</mn><mn>"2"</mn></msubsup>
                </math>
                {move || formula_tail(&params.get())}
            </p>
        </header>
        <main>
        <Notices notices=notices />
        <worker_notice::WorkerNotice />
        <lecture::KeyList show=show_keys />
        <tourbar::TourBar params=params />
        <p class="lecture-caption" data-testid="lecture-caption" aria-live="polite">{move || lecture::caption(&frame.get())}</p>
        <nav class="tabs" role="tablist" aria-label="Views">
            {View::CHOICES.into_iter().map(|v| view! {
                <button type="button" role="tab" data-testid=format!("view-{}", v.key())
                    aria-selected=move || (params.get().view == v).to_string()
                    on:click=move |_| params.update(|p| p.view = v)>
                    {match v { View::Live => "Live lab", View::Sweep => "μ sweep" }}
                </button>
            }).collect_view()}
        </nav>
        <Exports params=params frame=shown_frame sweep=sweep message=message />
        <div hidden=move || params.get().view != View::Sweep>
            <SweepView params=params theme=theme sweep=sweep />
        </div>
        <section class="lab" aria-label="Live lab" hidden=move || params.get().view != View::Live>
            <section class="controls" aria-label="Controls">
                <MuControl mu=mu on_change=move |x| params.update(|p| p.mu = x) />
                <LrControl params=params />
                <PlaybackBar params=params
                    playing=Signal::derive(move || state.get() == RunState::Running)
                    can_step=Signal::derive(move || frame.get().is_some_and(|f| f.steps() > 1))
                    on_run=on_run
                    on_pause_resume=move || player.toggle()
                    on_step=move || player.step()
                    on_reset=move || player.reset() />
                <controls::OptimizerControls params=params />
                <problem_panel::ProblemPanel params=params />
                <Advanced params=params />
            </section>
            <Readouts frame=shown_frame state=state epochs=epochs progress=progress message=message ready=ready compare=compare_signal />
            <section class="charts" aria-label="Charts">
                <ZPanel frame=shown_frame theme=theme selected=selected compare=compare_signal on_drag=drag_z0 />
                <LossPanel frame=shown_frame theme=theme compare=compare_signal />
                <SuboptPanel frame=shown_frame theme=theme compare=compare_signal />
            </section>
            <Explanation params=params />
            <explorer::Explorer frame=shown_frame selected=selected theme=theme />
        </section>
        </main>
        </div>
    }
}
