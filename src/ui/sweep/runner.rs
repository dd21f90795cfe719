//! Running sweeps: the sweep view's own workers (a sweep shared among k of them by μ), where a
//! sweep stands, and the rule that a sweep runs only while the view is shown (a setting changed
//! elsewhere re-runs it on return).

use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;

use crate::link::{Params, View};
use crate::protocol::{FromWorker, SweepResult};
use crate::spec::SweepSpec;
use crate::ui::client::{workers_for, Event, Request, WorkerClient};
use crate::view::sweep_parts::{merge, mu_parts, part_specs};
use crate::view::sweep_shown::SweepShown;

/// Where a sweep stands (`data-state` of `sweep-status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SweepState {
    /// Not run yet.
    Idle,
    /// Computing.
    Running,
    /// Finished.
    Done,
    /// Cancelled by the user.
    Cancelled,
    /// Failed (see the message).
    Error,
}

impl SweepState {
    /// Whether a sweep is still to come or computing (the live view's run waits for it while
    /// the sweep view is shown: see [`crate::ui::lab::Lab::start`]).
    pub fn pending(self) -> bool {
        matches!(self, SweepState::Idle | SweepState::Running)
    }

    /// The state's name in `data-state`.
    pub(super) fn key(self) -> &'static str {
        match self {
            SweepState::Idle => "idle",
            SweepState::Running => "running",
            SweepState::Done => "done",
            SweepState::Cancelled => "cancelled",
            SweepState::Error => "error",
        }
    }
}

/// The sweep view's workers and what they report; `Copy`, so every handler takes its own.
#[derive(Clone, Copy)]
pub(super) struct SweepRunner {
    /// Where the sweep stands.
    pub(super) state: RwSignal<SweepState>,
    /// (μ done, μ in the grid, worker milliseconds so far).
    pub(super) progress: RwSignal<(usize, usize, f64)>,
    /// Why the last sweep failed.
    pub(super) message: RwSignal<String>,
    /// Workers of its own, so a sweep and the live view's runs never cancel each other: one per
    /// part of the grid ([`mu_parts`]), started when a sweep is first shared among that many.
    workers: StoredValue<Vec<WorkerClient>, LocalStorage>,
    /// The parts' answers for the sweep in progress.
    parts: StoredValue<Parts, LocalStorage>,
    /// The grid the parameters ask for.
    spec: Memo<SweepSpec>,
    /// All parameters (their `workers`: how many the link asks for).
    params: RwSignal<Params>,
    /// The grid last run (`None`: the next showing of the view runs it again).
    computed_for: StoredValue<Option<SweepSpec>>,
    /// Where finished sweeps go.
    pub(super) sweep: RwSignal<Option<Arc<SweepShown>>>,
}

/// A sweep in progress, shared among workers by μ: what each part has reported.
#[derive(Default)]
struct Parts {
    /// The whole grid.
    spec: Option<SweepSpec>,
    /// Each part's finished answer.
    answers: Vec<Option<SweepResult>>,
    /// Each part's (μ done, compute ms so far).
    progress: Vec<(usize, f64)>,
}

impl SweepRunner {
    /// Starts the first worker, whose finished sweeps go to `sweep`, and runs the grid of
    /// `params` whenever the sweep view is shown and the grid differs from the one last run;
    /// where it stands goes to `state`.
    pub(super) fn new(
        params: RwSignal<Params>,
        sweep: RwSignal<Option<Arc<SweepShown>>>,
        state: RwSignal<SweepState>,
    ) -> Self {
        let runner = Self {
            state,
            progress: RwSignal::new((0usize, 0usize, 0.0f64)),
            message: RwSignal::new(String::new()),
            workers: StoredValue::new_local(Vec::new()),
            parts: StoredValue::new_local(Parts::default()),
            spec: Memo::new(move |_| params.get().sweep_spec()),
            params,
            computed_for: StoredValue::new(None::<SweepSpec>),
            sweep,
        };
        runner.ensure_workers(1);
        let visible = Memo::new(move |_| params.get().view == View::Sweep);
        // Sweeps run only while the view is shown: a setting changed elsewhere re-runs it on return.
        Effect::new(move |_| {
            let s = runner.spec.get();
            if visible.get() && runner.computed_for.get_value().as_ref() != Some(&s) {
                runner.computed_for.set_value(Some(s));
                runner.start();
            }
        });
        runner
    }

    /// Starts workers until there are `k`.
    fn ensure_workers(self, k: usize) {
        let have = self.workers.with_value(Vec::len);
        for part in have..k {
            let client = WorkerClient::start(move |event| self.on_event(part, event));
            self.workers.update_value(|w| w.push(client));
        }
    }

    /// Asks the workers for the current grid, one part each.
    fn start(self) {
        let s = self.spec.get_untracked();
        let parts = mu_parts(
            s.mus.len(),
            workers_for(self.params.with_untracked(|p| p.workers)) as usize,
        );
        self.share(s, &parts);
    }

    /// Runs `spec` split into `parts` of its grid, part i on worker i; stops any other worker.
    fn share(self, spec: SweepSpec, parts: &[Range<usize>]) {
        self.progress.set((0, spec.mus.len(), 0.0));
        self.message.set(String::new());
        self.state.set(SweepState::Running);
        self.ensure_workers(parts.len());
        let requests = part_specs(&spec, parts);
        self.parts.set_value(Parts {
            spec: Some(spec),
            answers: vec![None; parts.len()],
            progress: vec![(0, 0.0); parts.len()],
        });
        self.workers.with_value(|workers| {
            for (i, client) in workers.iter().enumerate() {
                match requests.get(i) {
                    Some(part) => {
                        client.request(Request::Sweep(part.clone()));
                    }
                    None => client.stop(),
                }
            }
        });
    }

    /// The "Run sweep" button: runs the grid again even if it was already run.
    pub(super) fn rerun(self) {
        self.computed_for.set_value(None);
        self.start();
    }

    /// The "Cancel" button: stops the workers; the next showing of the view runs the grid again.
    pub(super) fn cancel(self) {
        self.stop_all();
        self.computed_for.set_value(None);
        self.state.set(SweepState::Cancelled);
    }

    fn stop_all(self) {
        self.workers
            .with_value(|w| w.iter().for_each(WorkerClient::stop));
    }

    /// What worker `part` said about its part of the grid.
    fn on_event(self, part: usize, event: Event) {
        match event {
            Event::Message(FromWorker::SweepProgress {
                done, elapsed_ms, ..
            }) => self.on_progress(part, done, elapsed_ms),
            Event::Message(FromWorker::SweepDone(r)) => {
                self.on_progress(part, r.rows.len(), r.elapsed_ms);
                self.on_done(part, *r);
            }
            Event::Message(FromWorker::Error { message: m, .. }) | Event::Failed(m) => {
                self.stop_all();
                self.message.set(m);
                self.state.set(SweepState::Error);
            }
            _ => {}
        }
    }

    /// The progress bar counts the μ done over all parts; the parts run side by side, so the
    /// compute time so far is the longest part's.
    fn on_progress(self, part: usize, done: usize, elapsed_ms: f64) {
        let total = self.progress.get_untracked().1;
        let Some((done, ms)) = self.parts.try_update_value(|p| {
            if let Some(slot) = p.progress.get_mut(part) {
                *slot = (done, elapsed_ms);
            }
            let done = p.progress.iter().map(|d| d.0).sum::<usize>();
            (done, p.progress.iter().fold(0.0f64, |m, d| m.max(d.1)))
        }) else {
            return;
        };
        self.progress.set((done, total, ms));
    }

    /// Keeps a part's answer; the last one merges them all into the sweep shown.
    fn on_done(self, part: usize, answer: SweepResult) {
        let all = self.parts.try_update_value(|p| {
            if let Some(slot) = p.answers.get_mut(part) {
                *slot = Some(answer);
            }
            if !p.answers.iter().all(Option::is_some) {
                return None;
            }
            let answers = p.answers.iter_mut().filter_map(Option::take).collect();
            Some((p.spec.take()?, answers))
        });
        let Some(Some((spec, answers))) = all else {
            return;
        };
        match merge(spec.clone(), answers) {
            Some(result) => {
                self.progress
                    .set((result.rows.len(), result.spec.mus.len(), result.elapsed_ms));
                self.sweep.set(Some(SweepShown::new(result)));
                crate::ui::timing::mark_sweep_done();
                self.state.set(SweepState::Done);
            }
            // Parts that do not make up the grid (never seen): the first worker runs it whole.
            None => {
                let whole = 0..spec.mus.len();
                self.share(spec, &[whole]);
            }
        }
    }
}
