//! What flows through a worker client: the page's requests, the events it hears back, and why
//! a worker was replaced.

use crate::i18n::{fill, localise, t};
use crate::link::fmt_real;
use crate::protocol::{FromWorker, RunId, ToWorker};
use crate::spec::{RunSpec, SweepSpec};
use crate::worker::split::auto_workers;

/// How many workers the page shares runs among, and whether a link asked for that number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sharing {
    /// The workers ([`super::workers_for`]).
    pub workers: u32,
    /// Whether the link's `workers` key set them (then every run is shared among them).
    pub asked: bool,
}

/// Silence, while a request is in flight, after which a worker counts as dead. A healthy worker
/// reports progress every 100 ms of compute and reads its messages every 8 ms.
pub const WATCHDOG_MS: u32 = 5_000;
/// What the page can ask a worker for; the client gives each request its run id.
#[derive(Debug, Clone)]
pub enum Request {
    /// One run for the live view.
    Run(RunSpec),
    /// One run for the live view, from a given z (a warm start).
    Continue(RunSpec, Vec<f32>),
    /// A μ sweep.
    Sweep(SweepSpec),
    /// A run's full loss history, which the page saves as CSV.
    LossCsv(RunSpec),
}

impl Request {
    /// The message for the worker, to be shared among `share`'s workers where it can be (a run
    /// the link did not ask to share, among no more than its work is worth: [`auto_workers`]).
    pub(super) fn into_message(self, run: RunId, share: Sharing) -> ToWorker {
        let workers = |spec: &RunSpec| match share.asked {
            true => share.workers,
            false => auto_workers(share.workers, spec),
        };
        match self {
            Request::Run(spec) => ToWorker::Start {
                run,
                workers: workers(&spec),
                spec,
            },
            Request::Continue(spec, z) => ToWorker::Continue {
                run,
                workers: workers(&spec),
                spec,
                z,
            },
            Request::Sweep(spec) => ToWorker::Sweep { run, spec },
            Request::LossCsv(spec) => ToWorker::LossCsv { run, spec },
        }
    }

    /// Puts this request's spec back into its answer, which travels without it.
    pub(super) fn restore_spec(&self, answer: &mut FromWorker) {
        match (self, answer) {
            (Request::Run(spec) | Request::Continue(spec, _), FromWorker::Done(r)) => {
                r.spec = spec.clone()
            }
            (Request::Sweep(spec), FromWorker::SweepDone(r)) => r.spec = spec.clone(),
            _ => {}
        }
    }

    /// What a restart notice says was resumed.
    pub(super) fn describe(&self) -> String {
        match self {
            Request::Run(spec) | Request::Continue(spec, _) => {
                fill(t().notices.run_at, &[("mu", &localise(fmt_real(spec.mu)))])
            }
            Request::Sweep(spec) => {
                fill(t().notices.sweep_of, &[("n", &spec.mus.len().to_string())])
            }
            Request::LossCsv(_) => t().notices.loss_export.into(),
        }
    }
}

/// What the client tells the page.
pub enum Event {
    /// The worker is up (again, after a restart).
    Ready,
    /// A message about the current run (stale ones never get here).
    Message(FromWorker),
    /// The worker could not be started, kept failing, or reported an error outside any run.
    Failed(String),
}

/// Why a worker was replaced.
pub(super) enum Failure {
    /// Its `error` event: an uncaught exception (e.g. a Rust panic), or, before it said Ready, a
    /// script that could not be loaded.
    Threw(String),
    /// Its `messageerror` event.
    Unreadable,
    /// Silent for [`WATCHDOG_MS`] with a request in flight.
    Silent,
}

impl Failure {
    pub(super) fn describe(&self) -> String {
        match self {
            Failure::Threw(m) => fill(t().notices.crashed, &[("why", m)]),
            Failure::Unreadable => t().notices.unreadable.into(),
            Failure::Silent => fill(
                t().notices.silent,
                &[("s", &(WATCHDOG_MS / 1000).to_string())],
            ),
        }
    }
}
