//! Running sweeps: the sweep view's own worker, where a sweep stands, and the rule that a sweep
//! runs only while the view is shown (a setting changed elsewhere re-runs it on return).

use std::sync::Arc;

use leptos::prelude::*;

use crate::link::{Params, View};
use crate::protocol::FromWorker;
use crate::spec::SweepSpec;
use crate::ui::client::{Event, Request, WorkerClient};
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

/// The sweep view's worker and what it reports; `Copy`, so every handler takes its own.
#[derive(Clone, Copy)]
pub(super) struct SweepRunner {
    /// Where the sweep stands.
    pub(super) state: RwSignal<SweepState>,
    /// (μ done, μ in the grid, worker milliseconds so far).
    pub(super) progress: RwSignal<(usize, usize, f64)>,
    /// Why the last sweep failed.
    pub(super) message: RwSignal<String>,
    /// The worker, of its own, so a sweep and the live view's runs never cancel each other.
    worker: StoredValue<WorkerClient, LocalStorage>,
    /// The grid the parameters ask for.
    spec: Memo<SweepSpec>,
    /// The grid last run (`None`: the next showing of the view runs it again).
    computed_for: StoredValue<Option<SweepSpec>>,
}

impl SweepRunner {
    /// Starts the worker, whose finished sweeps go to `sweep`, and runs the grid of `params`
    /// whenever the sweep view is shown and the grid differs from the one last run.
    pub(super) fn new(params: RwSignal<Params>, sweep: RwSignal<Option<Arc<SweepShown>>>) -> Self {
        let state = RwSignal::new(SweepState::Idle);
        let progress = RwSignal::new((0usize, 0usize, 0.0f64));
        let message = RwSignal::new(String::new());
        let client = sweep_worker(state, progress, message, sweep);
        let runner = Self {
            state,
            progress,
            message,
            worker: StoredValue::new_local(client),
            spec: Memo::new(move |_| params.get().sweep_spec()),
            computed_for: StoredValue::new(None::<SweepSpec>),
        };
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

    /// Asks the worker for the current grid.
    fn start(self) {
        let s = self.spec.get_untracked();
        self.progress.set((0, s.mus.len(), 0.0));
        self.message.set(String::new());
        self.state.set(SweepState::Running);
        self.worker.with_value(|c| c.request(Request::Sweep(s)));
    }

    /// The "Run sweep" button: runs the grid again even if it was already run.
    pub(super) fn rerun(self) {
        self.computed_for.set_value(None);
        self.start();
    }

    /// The "Cancel" button: stops the worker; the next showing of the view runs the grid again.
    pub(super) fn cancel(self) {
        self.worker.with_value(|c| c.stop());
        self.computed_for.set_value(None);
        self.state.set(SweepState::Cancelled);
    }
}

/// The sweep view's worker: its progress, finished sweeps and failures land in these signals.
fn sweep_worker(
    state: RwSignal<SweepState>,
    progress: RwSignal<(usize, usize, f64)>,
    message: RwSignal<String>,
    sweep: RwSignal<Option<Arc<SweepShown>>>,
) -> WorkerClient {
    WorkerClient::start(move |event| match event {
        Event::Message(FromWorker::SweepProgress {
            done,
            total,
            elapsed_ms,
            ..
        }) => progress.set((done, total, elapsed_ms)),
        Event::Message(FromWorker::SweepDone(r)) => {
            progress.set((r.rows.len(), r.spec.mus.len(), r.elapsed_ms));
            sweep.set(Some(SweepShown::new(*r)));
            state.set(SweepState::Done);
        }
        Event::Message(FromWorker::Error { message: m, .. }) | Event::Failed(m) => {
            message.set(m);
            state.set(SweepState::Error);
        }
        _ => {}
    })
}
