//! One run as the worker carries it out: built from a [`RunSpec`], advanced in slices so the
//! worker can read its messages between them, and turned into a [`RunResult`]. No DOM and no
//! clock (the worker measures time), so it is tested natively.

use std::ops::ControlFlow;

use crate::core::{Problem, Run};
use crate::protocol::{RunId, RunResult, RunSpec, Snapshot};

/// Points per loss series sent to the page: a few per pixel column of the widest chart.
pub const HISTORY_POINTS: usize = 4_096;
/// Most snapshot values (snapshots × n) kept for playback: 16 MB of f32.
pub const SNAPSHOT_BUDGET: usize = 4_000_000;

/// A run in progress inside the worker.
pub struct Job {
    id: RunId,
    spec: RunSpec,
    run: Run,
    every: u64,
    snapshots: Vec<Snapshot>,
}

impl Job {
    /// Builds the run; `Err` carries a message for a person (e.g. an invalid μ).
    pub fn new(id: RunId, spec: RunSpec) -> Result<Self, String> {
        let z0 = crate::core::linspace(spec.z0min, spec.z0max, spec.n);
        let problem = Problem::new(&z0, spec.mu, spec.centre).map_err(|e| e.to_string())?;
        let wanted = (spec.snapshots as usize).min(SNAPSHOT_BUDGET / spec.n.max(1));
        let every = if wanted == 0 {
            0
        } else {
            spec.epochs.div_ceil(wanted as u64).max(1)
        };
        let run = Run::new(problem, spec.adam, spec.epochs);
        let snapshots = if every > 0 {
            vec![Snapshot {
                epoch: 0,
                z: run.z().to_vec(),
            }]
        } else {
            Vec::new()
        };
        Ok(Self {
            id,
            spec,
            run,
            every,
            snapshots,
        })
    }

    /// The run id.
    pub fn id(&self) -> RunId {
        self.id
    }

    /// Epochs done / planned.
    pub fn progress(&self) -> (u64, u64) {
        (self.run.epoch(), self.run.epochs())
    }

    /// Epochs per slice so that one slice costs about the same whatever n is (≈ 1 ms native).
    pub fn slice_epochs(&self) -> u64 {
        (2_000_000 / self.run.problem().padded_len() as u64).clamp(1, 20_000)
    }

    /// Runs up to `epochs` more epochs; true once the run has ended.
    pub fn work(&mut self, epochs: u64) -> bool {
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

    /// The result so far (call once [`Job::work`] returned true), with the compute time.
    pub fn result(self, elapsed_ms: f64) -> RunResult {
        let mut snapshots = self.snapshots;
        // The final z closes the playback even when N is not a multiple of the interval.
        if self.every > 0 && snapshots.last().map(|s| s.epoch) != Some(self.run.epoch()) {
            snapshots.push(Snapshot {
                epoch: self.run.epoch(),
                z: self.run.z().to_vec(),
            });
        }
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
        }
    }
}
