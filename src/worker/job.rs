//! The worker's tasks — a run, a sweep, a loss-history export — each built from its request,
//! advanced in slices so the worker can read its messages between them, and turned into the
//! message that answers it. No DOM and no clock (the worker measures time), so they are tested
//! natively.

use std::ops::ControlFlow;

use crate::core::{Problem, Run, SweepRow};
use crate::protocol::{FromWorker, RunId, RunResult, Share, Snapshot, SweepResult, WorkTiming};
use crate::spec::{RunSpec, SweepSpec};

/// Points per loss series sent to the page: a few per pixel column of the widest chart.
pub const HISTORY_POINTS: usize = 4_096;
/// Most snapshot values (snapshots × n) kept for playback: 16 MB of f32.
pub const SNAPSHOT_BUDGET: usize = 4_000_000;

/// Coordinate-steps per call of [`Task::work`]: about 0.1 ms native, well under 1 ms in wasm,
/// whatever n is. Short calls matter in the browser: V8 first runs wasm on its baseline
/// compiler and swaps in the optimised code only at a later call, so one long first call would
/// run a whole fresh-page run at baseline speed (measured 2× slower).
const SLICE_WORK: u64 = 250_000;

/// What the worker does between its messages.
pub trait Task {
    /// The request's id.
    fn id(&self) -> RunId;
    /// Does up to `epochs` more epochs; true once the task is complete.
    fn work(&mut self, epochs: u64) -> bool;
    /// Epochs per slice for this task's problem size.
    fn slice_epochs(&self) -> u64;
    /// A progress report.
    fn progress(&self, elapsed_ms: f64) -> FromWorker;
    /// The answer, once [`Task::work`] returned true, with the worker's measure of its compute.
    fn finish(self: Box<Self>, elapsed_ms: f64, timing: WorkTiming) -> FromWorker;
    /// Workers computing it, this one included (see [`crate::worker::split`]).
    fn workers(&self) -> u32 {
        1
    }
    /// Messages for helper workers (their bytes), by helper slot, taken once when the task
    /// starts.
    fn outgoing(&mut self) -> Vec<(usize, Vec<u8>)> {
        Vec::new()
    }
    /// Whether the task has nothing to compute until a helper answers.
    fn waiting(&self) -> bool {
        false
    }
    /// What the helper in `slot` said about this task (failing, it leaves its share to this
    /// worker).
    fn accept(&mut self, _slot: usize, _said: crate::protocol::HelperSaid) {}
}

fn problem_of(spec: &RunSpec, mu: f64) -> Result<Problem, String> {
    spec.problem(mu)
}

pub(crate) fn slice_for(n: usize) -> u64 {
    (SLICE_WORK / n.max(1) as u64).clamp(1, 20_000)
}

/// Snapshots every live run keeps for the scrubber, at least: z every 100 epochs of the seed's
/// 25 000 (see [`snapshot_every`]): 251 snapshots, 100 KB for n = 100.
pub const SCRUB_SNAPSHOTS: u32 = 256;

/// Mantissas of the snapshot intervals: an interval is one of these times a power of ten.
const ROUND_INTERVALS: [u64; 10] = [10, 12, 15, 20, 25, 30, 40, 50, 60, 80];

/// Epochs between two z snapshots when a run of `epochs` epochs on n coordinates asks for
/// `wanted` of them (0: none). At most `wanted` + 2 snapshots are kept (epoch 0, every interval,
/// the last epoch), and never more than [`SNAPSHOT_BUDGET`] values. The interval is a round
/// number (1, 2, …, 9, then 10, 12, 15, 20, 25, 30, 40, 50, 60, 80 times a power of ten), so
/// the epochs a scrubber stops at read as a person would pick them: the seed's 25 000 epochs
/// with 256 wanted are kept every 100 epochs (epoch 5 000 is one).
pub fn snapshot_every(epochs: u64, wanted: u32, n: usize) -> u64 {
    let wanted = (wanted as usize).min(SNAPSHOT_BUDGET / n.max(1)) as u64;
    if wanted == 0 {
        return 0;
    }
    let at_least = epochs.div_ceil(wanted).max(1);
    if at_least < 10 {
        return at_least;
    }
    let mut scale = 1u64;
    loop {
        for m in ROUND_INTERVALS {
            let every = m.saturating_mul(scale);
            if every >= at_least {
                return every;
            }
        }
        scale = scale.saturating_mul(10);
    }
}

/// One run, for the live view.
pub struct Job {
    pub(crate) id: RunId,
    pub(crate) spec: RunSpec,
    pub(crate) run: Run,
    every: u64,
    snapshots: Vec<Snapshot>,
    /// Whether this is a block of a shared run ([`Job::block`]): it answers with its share.
    block: bool,
}

impl Job {
    /// Builds the run; `Err` carries a message for a person (e.g. an invalid μ).
    pub fn new(id: RunId, spec: RunSpec) -> Result<Self, String> {
        let problem = problem_of(&spec, spec.mu)?;
        Ok(Self::on(id, spec, problem))
    }

    /// A helper's share of a split run: coordinates `block` of the run, from z = 0 or from
    /// `start` (the block's values of a warm start; empty: from 0). Its snapshots are taken at
    /// the whole run's epochs, so every block's line up.
    pub fn block(
        id: RunId,
        spec: RunSpec,
        block: std::ops::Range<usize>,
        start: &[f32],
    ) -> Result<Self, String> {
        let problem = spec.block_problem(spec.mu, block.clone())?;
        let job = Self::on(id, spec, problem);
        let job = if start.is_empty() {
            job
        } else {
            job.starting_at(start)?
        };
        Ok(Self { block: true, ..job })
    }

    fn on(id: RunId, spec: RunSpec, problem: Problem) -> Self {
        let every = snapshot_every(spec.epochs, spec.snapshots, spec.n);
        let run = Run::with_optimizer(problem, spec.optimizer(), spec.epochs);
        let snapshots = if every > 0 {
            vec![Snapshot {
                epoch: 0,
                z: run.z().to_vec(),
            }]
        } else {
            Vec::new()
        };
        Self {
            id,
            spec,
            run,
            every,
            snapshots,
            block: false,
        }
    }

    /// The same job started from `z` (see [`Run::starting_at`]); its first snapshot is `z`.
    pub fn starting_at(mut self, z: &[f32]) -> Result<Self, String> {
        self.run = self.run.starting_at(z)?;
        if let Some(first) = self.snapshots.first_mut() {
            first.z = z.to_vec();
        }
        Ok(self)
    }

    /// The snapshots, closed by the final z even when N is not a multiple of the interval.
    fn closed_snapshots(&mut self) -> Vec<Snapshot> {
        let mut snapshots = std::mem::take(&mut self.snapshots);
        if self.every > 0 && snapshots.last().map(|s| s.epoch) != Some(self.run.epoch()) {
            snapshots.push(Snapshot {
                epoch: self.run.epoch(),
                z: self.run.z().to_vec(),
            });
        }
        snapshots
    }

    /// This job's share of a split run (call once [`Task::work`] returned true), laid out as
    /// [`crate::worker::split::Block`] reads it, and the epochs of its snapshots. A split run
    /// keeps every epoch (width 1), so each bucket's max is that epoch's value.
    pub fn into_share(mut self) -> (Share, Vec<u64>) {
        let snapshots = self.closed_snapshots();
        let h = self.run.history();
        let losses = [&h.fit, &h.reg, &h.grad_norm, &h.err_inf, &h.subopt];
        let mut values = vec![self.run.err_inf()];
        values.extend_from_slice(self.run.z());
        values.extend(snapshots.iter().flat_map(|s| s.z.iter().copied()));
        values.extend(losses.iter().flat_map(|s| s.max().iter().copied()));
        let share = Share {
            run: self.id,
            done: !self.ended_early() && self.run.epoch() == self.run.epochs(),
            values,
        };
        (share, snapshots.iter().map(|s| s.epoch).collect())
    }

    /// Epochs done.
    pub fn epoch(&self) -> u64 {
        self.run.epoch()
    }

    /// Whether the run ended otherwise than by running all its epochs (it diverged).
    pub fn ended_early(&self) -> bool {
        self.run
            .stop_reason()
            .is_some_and(|r| r != crate::core::StopReason::EpochsDone)
    }

    /// The result (call once [`Task::work`] returned true), with the compute time.
    pub fn result(mut self, elapsed_ms: f64, timing: WorkTiming) -> RunResult {
        let snapshots = self.closed_snapshots();
        RunResult {
            run: self.id,
            epoch: self.run.epoch(),
            reason: self
                .run
                .stop_reason()
                .unwrap_or(crate::core::StopReason::Stopped),
            z: self.run.z().to_vec(),
            err_inf: self.run.err_inf(),
            elapsed_ms,
            history: self.run.history().decimated(HISTORY_POINTS),
            snapshots,
            spec: self.spec,
            timing,
        }
    }
}

impl Task for Job {
    fn id(&self) -> RunId {
        self.id
    }

    // Never inlined: the optimizer loop it holds (every optimizer and fit term) is the bulk of
    // the worker's wasm, and a split run calls it too; one copy serves both.
    #[inline(never)]
    fn work(&mut self, epochs: u64) -> bool {
        let snapshots = &mut self.snapshots;
        let reason = self.run.advance(epochs, self.every, |epoch, z| {
            snapshots.push(Snapshot {
                epoch,
                z: z.to_vec(),
            });
            ControlFlow::Continue(())
        });
        reason.is_some()
    }

    fn slice_epochs(&self) -> u64 {
        slice_for(self.spec.n)
    }

    fn progress(&self, elapsed_ms: f64) -> FromWorker {
        FromWorker::Progress {
            run: self.id,
            epoch: self.run.epoch(),
            epochs: self.run.epochs(),
            elapsed_ms,
            wasm_bytes: 0, // filled in by the worker, which knows its memory
        }
    }

    fn finish(self: Box<Self>, elapsed_ms: f64, timing: WorkTiming) -> FromWorker {
        if self.block {
            return FromWorker::Share(self.into_share().0);
        }
        FromWorker::Done(Box::new(self.result(elapsed_ms, timing)))
    }
}

/// A μ sweep: one [`Run`] per μ, one after another — the same code path as the live view, so
/// each row equals a live run of that μ bit for bit.
pub struct SweepJob {
    id: RunId,
    spec: SweepSpec,
    current: Option<Run>,
    rows: Vec<SweepRow>,
}

impl SweepJob {
    /// Checks every μ of the grid up front, so a bad grid fails before any work.
    pub fn new(id: RunId, spec: SweepSpec) -> Result<Self, String> {
        if spec.mus.is_empty() {
            return Err("the sweep has no μ values".into());
        }
        // z0 is the same for every row: build one problem to check it, then check each μ.
        problem_of(&spec.base, 0.0)?;
        if let Some(&mu) = spec.mus.iter().find(|m| !m.is_finite() || **m < 0.0) {
            return Err(crate::core::ProblemError::BadMu(mu).to_string());
        }
        Ok(Self {
            id,
            spec,
            current: None,
            rows: Vec::new(),
        })
    }
}

impl Task for SweepJob {
    fn id(&self) -> RunId {
        self.id
    }

    #[inline(never)] // as Job's: one copy of the loop
    fn work(&mut self, mut epochs: u64) -> bool {
        while epochs > 0 && self.rows.len() < self.spec.mus.len() {
            let mu = self.spec.mus[self.rows.len()];
            let base = &self.spec.base;
            let run = match &mut self.current {
                Some(run) => run,
                None => {
                    // No `expect`: its message would print the error with `Debug`.
                    let Ok(problem) = problem_of(base, mu) else {
                        panic!("the sweep's problems are checked in SweepJob::new")
                    };
                    self.current.insert(
                        Run::with_optimizer(problem, base.optimizer(), base.epochs)
                            .without_history(),
                    )
                }
            };
            let before = run.epoch();
            let reason = run.advance(epochs, 0, |_, _| ControlFlow::Continue(()));
            epochs -= (run.epoch() - before).min(epochs);
            if let Some(reason) = reason {
                self.rows.push(SweepRow {
                    mu,
                    z: run.z().to_vec(),
                    err_inf: run.err_inf(),
                    reason,
                });
                self.current = None;
            }
        }
        self.rows.len() == self.spec.mus.len()
    }

    fn slice_epochs(&self) -> u64 {
        slice_for(self.spec.base.n)
    }

    fn progress(&self, elapsed_ms: f64) -> FromWorker {
        FromWorker::SweepProgress {
            run: self.id,
            done: self.rows.len(),
            total: self.spec.mus.len(),
            elapsed_ms,
        }
    }

    fn finish(self: Box<Self>, elapsed_ms: f64, timing: WorkTiming) -> FromWorker {
        FromWorker::SweepDone(Box::new(SweepResult {
            run: self.id,
            spec: self.spec,
            rows: self.rows,
            elapsed_ms,
            timing,
        }))
    }
}
