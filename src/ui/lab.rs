//! The live lab's state and what can be done to it: the link's parameters, the picture on
//! screen, where the run stands, and the two workers (the run and, in compare mode, a second
//! optimizer). Components get a [`Lab`] (it is `Copy`) and call its methods; only this file
//! talks to the live view's workers.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::StopReason;
use crate::link::{Field, Params, Playback, Replaced, View};
use crate::protocol::{FromWorker, RunResult};
use crate::spec::RunSpec;
use crate::ui::client::{Event, Request, WorkerClient};
use crate::ui::playback::{snapshots_for, Player};
use crate::ui::quiz::{Phase, Quiz};
use crate::ui::{problem_panel, timing, url};
use crate::view::preview::Preview;
use crate::view::run_state::RunState;
use crate::view::shown::{Frame, Shown};

/// Sets μ through the parameter table's bounds: the one writer of μ (slider, text field, lecture
/// keys, sweep rows). `Err` says why `mu` was refused; μ then keeps its value.
pub fn set_mu(params: RwSignal<Params>, mu: f64) -> Result<(), String> {
    let mut next = params.get_untracked();
    next.set_number(Field::Mu, mu)?;
    if next.mu != params.with_untracked(|p| p.mu) {
        // The input's clocks start here, before any effect runs (the analytic tier is drawn by
        // the effects this `set` triggers).
        timing::mark_input();
    }
    params.set(next);
    Ok(())
}

/// The live lab (cheap to copy into event handlers).
#[derive(Clone, Copy)]
pub struct Lab {
    /// Every setting; the URL follows it.
    pub params: RwSignal<Params>,
    /// What the link asked for that could not be used.
    pub notices: RwSignal<Vec<Replaced>>,
    /// The picture on screen.
    pub frame: RwSignal<Option<Frame>>,
    /// Where the run stands.
    pub state: RwSignal<RunState>,
    /// Epochs done and compute ms of the run in progress.
    pub progress: RwSignal<(u64, f64)>,
    /// A message for the status line (divergence, a worker error, a refused drag).
    pub message: RwSignal<String>,
    /// Whether the run worker has started.
    pub ready: RwSignal<bool>,
    /// The compared optimizer's finished run (compare mode).
    pub compare: RwSignal<Option<Arc<Shown>>>,
    /// Playback of a computed run.
    pub player: Player,
    /// Predict, then reveal.
    pub quiz: Quiz,
    /// The run whose result is to be played back over this many seconds, not shown at once.
    play_run: StoredValue<Option<(u64, u8)>>,
    /// The run that continues a shown one (a warm start), and that one.
    warm_run: StoredValue<Option<(u64, Arc<Shown>)>>,
    /// The run worker's client (set once, right after the lab is made: its handler needs the lab).
    worker: StoredValue<Option<WorkerClient>, LocalStorage>,
}

impl Lab {
    /// The lab for the page's link: starts the workers and asks for the link's run. While the
    /// sweep view is shown and `sweep_pending()` (its sweep is still to come or computing), the
    /// run waits: a fresh load of a sweep link computes what it shows first.
    pub fn start(sweep_pending: impl Fn() -> bool + 'static) -> Self {
        let parsed = Params::from_query(&url::current_query());
        let frame = RwSignal::new(None);
        let state = RwSignal::new(RunState::Idle);
        let notices = parsed.replaced.into_iter().chain(parsed.legacy).collect();
        let quiz = Quiz::new(&parsed.params);
        let params = RwSignal::new(parsed.params);
        let lab = Lab {
            params,
            notices: RwSignal::new(notices),
            frame,
            state,
            progress: RwSignal::new((0, 0.0)),
            message: RwSignal::new(String::new()),
            ready: RwSignal::new(false),
            compare: RwSignal::new(None),
            player: Player::new(frame, state),
            quiz,
            play_run: StoredValue::new(None),
            warm_run: StoredValue::new(None),
            worker: StoredValue::new_local(None),
        };
        let client = WorkerClient::start(move |event| lab.on_event(event));
        #[cfg(feature = "test-hooks")]
        client.expose_as("live"); // window.__reglab (see client/test_hooks.rs)
        lab.worker.set_value(Some(client));
        lab.follow_params(sweep_pending);
        lab
    }

    /// A change of any setting that affects the result asks for the converged run at once
    /// (coalesced to one request per animation frame by the client) and rewrites the URL; in
    /// compare mode the second optimizer runs the same problem in a worker of its own, so both
    /// compute at once (two cores) and neither cancels the other.
    fn follow_params(self, sweep_pending: impl Fn() -> bool + 'static) {
        let params = self.params;
        let problem = Memo::new(move |_| params.get().run_spec(0));
        // Held for a sweep shown, the live run leaves it the core (a fresh load's sweep took
        // 1.6× its re-run beside it, 1.17× alone: README "A sweep link computes its sweep
        // first"). `asked`: the effect also runs when the view or the sweep's state changes.
        let mut asked = None::<RunSpec>;
        Effect::new(move |_| {
            let spec = problem.get();
            let held = params.with(|p| p.view == View::Sweep) && sweep_pending();
            if held || asked.as_ref() == Some(&spec) {
                return;
            }
            asked = Some(spec.clone());
            timing::mark_input();
            self.player.stop();
            self.play_run.set_value(None);
            if self.quiz.pending_untracked() {
                // Nothing is computed before Reveal: no answer can leak into the page.
                self.state.set(RunState::Idle);
                return;
            }
            self.state.update(|s| *s = s.asked());
            let play = params.get_untracked().play;
            let spec = RunSpec {
                snapshots: snapshots_for(play),
                ..spec
            };
            match self.warm_start(&spec) {
                Some(prior) => {
                    let z = prior.result.z.clone();
                    let id = self.request(Request::Continue(spec, z));
                    self.warm_run.set_value(Some((id, prior)));
                    // The class watches z slide to the new clamp.
                    if let Playback::Seconds(s) = play {
                        self.play_run.set_value(Some((id, s)));
                    }
                }
                None => {
                    self.warm_run.set_value(None);
                    self.request(Request::Run(spec));
                }
            }
        });
        Effect::new(move |_| url::replace_query(&params.get().to_query()));
        url::follow_gestures();
        self.follow_compare(problem);
    }

    /// Compare mode: the second optimizer runs `problem` in a worker of its own, started when
    /// compare mode is first asked for, not with the page: a worker that loads its wasm and warms
    /// up at start-up shares the cores with the page's first run and a fresh load's sweep, for a
    /// mode that is off unless a link or the user turns it on.
    fn follow_compare(self, problem: Memo<RunSpec>) {
        let (params, compare, message) = (self.params, self.compare, self.message);
        let compare_client = StoredValue::new_local(None::<WorkerClient>);
        let start_compare = move || {
            WorkerClient::start(move |event| match event {
                Event::Message(FromWorker::Done(r)) => compare.set(Some(Shown::new(*r))),
                Event::Message(FromWorker::Error { message: m, .. }) | Event::Failed(m) => {
                    message.set(m)
                }
                _ => {}
            })
        };
        let compare_kind = Memo::new(move |_| params.get().compare.kind());
        Effect::new(move |_| {
            let spec = problem.get();
            match compare_kind.get() {
                Some(kind) => compare_client.update_value(|client| {
                    client
                        .get_or_insert_with(start_compare)
                        .request(Request::Run(spec.with_opt(kind)));
                }),
                None => {
                    compare_client.with_value(|client| client.as_ref().map(WorkerClient::stop));
                    if compare.get_untracked().is_some() {
                        compare.set(None);
                    }
                }
            }
        });
    }

    /// The shown run that `spec` continues, when "keep z when μ changes" is on, no second
    /// optimizer is compared, and the shown run is the same problem but for μ and has a
    /// finite z (a diverged one starts over from 0).
    fn warm_start(self, spec: &RunSpec) -> Option<Arc<Shown>> {
        let p = self.params.get_untracked();
        if !p.warm || p.compare.kind().is_some() {
            return None;
        }
        let shown = self.frame.get_untracked()?.shown;
        let r = &shown.result;
        let same_problem = RunSpec {
            mu: spec.mu,
            snapshots: spec.snapshots,
            ..r.spec.clone()
        } == *spec;
        let finite =
            !matches!(r.reason, StopReason::Diverged { .. }) && r.z.iter().all(|z| z.is_finite());
        (same_problem && finite && r.spec.mu != spec.mu).then_some(shown)
    }

    /// The analytic tier: the band, z* and counts of the slider's μ, to draw over the shown run
    /// until the worker's answer for that μ replaces it (see view::preview). Reads the settings
    /// and the picture, so a chart or readout that calls it follows both. (A plain function, not
    /// a memo: computing it is a few hundred clamps, and a memo of a new type cost 2 KB of wasm.)
    #[inline(never)] // called by the caption, the z chart and the readouts: one copy
    pub fn preview(self) -> Option<Arc<Preview>> {
        let mu = self.params.with(|p| p.mu);
        self.frame.with(|f| {
            let shown = &f.as_ref()?.shown;
            // The common case (the shown run is the slider's μ; every playback frame): no spec
            // is built.
            if shown.result.spec.mu == mu {
                return None;
            }
            Preview::over(shown, &self.params.with(|p| p.run_spec(0)))
        })
    }

    /// Sends `request` to the run worker; its run id.
    fn request(self, request: Request) -> u64 {
        let workers = self.params.get_untracked().workers;
        self.worker
            .with_value(|c| {
                c.as_ref().map(|c| {
                    c.share_among(workers);
                    c.request(request)
                })
            })
            .unwrap_or(0)
    }

    /// What the run worker says.
    fn on_event(self, event: Event) {
        match event {
            Event::Ready => self.ready.set(true),
            Event::Failed(text) | Event::Message(FromWorker::Error { message: text, .. }) => {
                self.state.set(RunState::Error);
                self.message.set(text);
            }
            Event::Message(FromWorker::Progress {
                epoch, elapsed_ms, ..
            }) => {
                self.progress.set((epoch, elapsed_ms));
                self.state
                    .maybe_update(|s| std::mem::replace(s, s.progressed()) != *s);
            }
            Event::Message(FromWorker::Done(r)) => self.show(*r),
            Event::Message(_) => {}
        }
    }

    /// A finished run: played back if it was started with a playback length, shown at once
    /// otherwise.
    fn show(self, r: RunResult) {
        if self.quiz.pending_untracked() {
            return; // a run sent before Predict was pressed: its answer must not show
        }
        let diverged = matches!(r.reason, StopReason::Diverged { .. });
        self.message.set(match r.reason {
            StopReason::Diverged { epoch } => crate::i18n::fill(
                crate::i18n::t().notices.diverged,
                &[("epoch", &epoch.to_string())],
            ),
            _ => String::new(),
        });
        self.progress.set((r.epoch, r.elapsed_ms));
        timing::measure_run(r.elapsed_ms);
        timing::mark_first_result();
        let seconds = self
            .play_run
            .get_value()
            .filter(|(id, _)| *id == r.run)
            .map(|(_, s)| s);
        let shown = match self.warm_run.get_value() {
            Some((id, prior)) if id == r.run => Shown::continuing(r, &prior),
            _ => Shown::new(r),
        };
        match seconds {
            Some(s) if !diverged && shown.result.snapshots.len() > 1 => {
                self.player.play(shown, f64::from(s) * 1000.0)
            }
            _ => {
                self.player.stop();
                self.frame.set(Some(Frame { shown, step: None }));
                self.state.set(if diverged {
                    RunState::Diverged
                } else {
                    RunState::Done
                });
            }
        }
    }

    /// Predict: hides the answer (the link records `quiz=1`) and starts a fresh prediction.
    pub fn predict(self) {
        self.player.stop();
        self.warm_run.set_value(None);
        self.frame.set(None);
        self.state.set(RunState::Idle);
        self.params.update(|p| p.quiz = true);
        self.quiz.begin(&self.params.get_untracked().z0());
    }

    /// Reveal (V in lecture mode): scores the prediction and plays the run.
    pub fn reveal(self) {
        if !self.quiz.pending_untracked() {
            return;
        }
        self.quiz.reveal(&self.params.get_untracked());
        self.run();
    }

    /// Leaves predict-then-reveal (`quiz=0`), computing the run if it was still hidden.
    pub fn end_quiz(self) {
        let pending = self.quiz.pending_untracked();
        self.quiz.phase.set(Phase::Off);
        self.params.update(|p| p.quiz = false);
        if pending {
            self.run();
        }
    }

    /// Sets μ (see [`set_mu`]).
    pub fn set_mu(self, mu: f64) -> Result<(), String> {
        set_mu(self.params, mu)
    }

    /// Run: the run with snapshots for the chosen playback length, played back when it ends.
    pub fn run(self) {
        if self.quiz.pending_untracked() {
            return; // Reveal runs it
        }
        let p = self.params.get_untracked();
        let snapshots = snapshots_for(p.play);
        self.player.stop();
        self.warm_run.set_value(None);
        self.state.update(|s| *s = s.asked());
        let spec = p.run_spec(snapshots);
        let id = self.request(Request::Run(spec));
        self.play_run.set_value(match p.play {
            Playback::Instant => None,
            Playback::Seconds(s) => Some((id, s)),
        });
    }

    /// Space in lecture mode: pause or resume a playback, or play the run (3 s if the choice
    /// is Instant).
    pub fn play_pause(self) {
        match self.state.get_untracked() {
            RunState::Running | RunState::Paused => self.player.toggle(),
            _ => self.replay(),
        }
    }

    /// R in lecture mode: play the run again (3 s if the choice is Instant).
    pub fn replay(self) {
        if self.params.get_untracked().play == Playback::Instant {
            self.params.update(|p| p.play = Playback::Seconds(3));
        }
        self.run();
    }

    /// Dragging point `i` of the z chart to z0 = `x`: the page then runs on explicit values,
    /// which the link carries (at most `MAX_VALUES` of them; beyond that a preset and its seed).
    pub fn drag_z0(self, i: usize, x: f64) {
        let max = crate::link::z0_code::MAX_VALUES;
        let mut values = self.params.get_untracked().z0();
        if values.len() > max {
            let max = max.to_string();
            let text = crate::i18n::fill(crate::i18n::t().notices.drag_needs, &[("max", &max)]);
            self.message.set(text);
            return;
        }
        if let Some(v) = values.get_mut(i) {
            *v = x.clamp(-1e6, 1e6) as f32;
        }
        if let Err(e) = problem_panel::set_z0_values(self.params, &values) {
            self.message.set(e);
        }
    }
}
