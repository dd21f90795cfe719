//! The loop: runs an optimizer (Adam by default, see [`Optimizer`]) from z = 0 for N epochs,
//! records the history, calls an observer every k epochs and says why it stopped. It can be
//! advanced in chunks, so a caller (the worker) can yield between chunks and still stop a run
//! promptly.

use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};

use crate::core::history::History;
use crate::core::optim::config::AdamConfig;
use crate::core::optim::{EpochStats, Optimizer, OptimizerConfig};
use crate::core::problem::{floats, Lanes, Problem};

/// The most epochs handed to the optimizer's loop in one call. A browser's first, baseline
/// compilation of the loop runs until the call returns (V8 swaps in its optimised code only at
/// the next call), so one call over a whole 2 500-epoch slice risks a slow first run of a fresh
/// page (one A/B read 15 % slower, later ones within the noise); 128 epochs per call cost
/// nothing measurable in a warm run.
const EPOCHS_PER_CALL: u64 = 128;

/// Why a run stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StopReason {
    /// All planned epochs ran.
    EpochsDone,
    /// The caller (an observer) asked to stop.
    Stopped,
    /// A loss or z became NaN or infinite at this epoch (1-based); z is left as it was then.
    Diverged {
        /// The epoch whose measurement was not finite.
        epoch: u64,
    },
}

/// A run in progress: problem, optimizer state, current z and what has been recorded.
#[derive(Debug, Clone)]
pub struct Run {
    problem: Problem,
    optimizer: Optimizer,
    z: Lanes,
    epochs: u64,
    epoch: u64,
    last: Option<EpochStats>,
    history: History,
    stopped: Option<StopReason>,
    /// Whether epochs are recorded into the history (a sweep only needs the final z).
    record: bool,
}

impl Run {
    /// A run of `epochs` epochs of Adam(`config`) on `problem`, starting at z = 0, without
    /// decay: the seed's run, bit for bit Keras'.
    pub fn new(problem: Problem, config: AdamConfig, epochs: u64) -> Self {
        let config = OptimizerConfig {
            adam: config,
            ..OptimizerConfig::default()
        };
        Self::with_optimizer(problem, config, epochs)
    }

    /// The same run without recording its history (z is unchanged: only the loss curves are
    /// skipped). A sweep draws final z values only, and saves the bookkeeping.
    pub fn without_history(mut self) -> Self {
        self.record = false;
        self.history = History::new(0);
        self
    }

    /// A run of `epochs` epochs of the optimizer `config` on `problem`, from z = 0.
    pub fn with_optimizer(problem: Problem, config: OptimizerConfig, epochs: u64) -> Self {
        let optimizer = Optimizer::new(&config, problem.padded_len());
        let z = problem.initial_z();
        Self {
            problem,
            optimizer,
            z,
            epochs,
            epoch: 0,
            last: None,
            history: History::new(epochs),
            stopped: None,
            record: true,
        }
    }

    /// The same run started from `z` instead of 0 (a warm start: the optimizer's state stays
    /// fresh — Adam's moments at 0 and its step count at 0 — so the first steps are about one
    /// learning rate long, as at any start). `Err` if `z` does not have n values, all finite;
    /// call it before any epoch ran.
    pub fn starting_at(mut self, z: &[f32]) -> Result<Self, String> {
        let n = self.problem.n();
        if z.len() != n {
            return Err(format!(
                "a warm start needs {n} values of z, not {}",
                z.len()
            ));
        }
        if !z.iter().all(|v| v.is_finite()) {
            return Err("a warm start needs a finite z".into());
        }
        let pad = floats(&self.z).get(n).copied().unwrap_or(0.0);
        self.z = crate::core::problem::to_lanes(z, pad);
        Ok(self)
    }

    /// Runs up to `max_epochs` more epochs (fewer if the run ends), calling `observe(epoch, z)`
    /// after every `every`-th epoch (`every` = 0: never). Returns the stop reason once the run
    /// has ended, `None` while epochs remain.
    pub fn advance<F>(&mut self, max_epochs: u64, every: u64, mut observe: F) -> Option<StopReason>
    where
        F: FnMut(u64, &[f32]) -> ControlFlow<()>,
    {
        if self.stopped.is_some() {
            return self.stopped;
        }
        let end = self.epochs.min(self.epoch.saturating_add(max_epochs));
        while self.epoch < end {
            // The epochs up to the next observation or the end, at most EPOCHS_PER_CALL, in one
            // call: the optimizer loops over them itself (see `Optimizer::run_steps`).
            let until = match every {
                0 => end,
                _ => end.min((self.epoch / every + 1).saturating_mul(every)),
            }
            .min(self.epoch + EPOCHS_PER_CALL);
            self.run_epochs(until - self.epoch);
            if self.stopped.is_some() {
                return self.stopped;
            }
            if every > 0
                && self.epoch.is_multiple_of(every)
                && observe(self.epoch, self.z()).is_break()
            {
                self.stopped = Some(StopReason::Stopped);
                return self.stopped;
            }
        }
        if self.epoch >= self.epochs {
            self.stopped = Some(StopReason::EpochsDone);
        }
        self.stopped
    }

    /// Runs `count` epochs, recording each, or fewer if the run diverges (then `stopped` says
    /// at which epoch). Not generic over `advance`'s observer, so that the optimizer's loop is
    /// compiled once, not once per observer (each copy of Adam's loop cost the worker's wasm
    /// ≈ 1.6 KB gzipped).
    #[inline(never)]
    fn run_epochs(&mut self, count: u64) {
        let (epoch, stopped, history, last) = (
            &mut self.epoch,
            &mut self.stopped,
            &mut self.history,
            &mut self.last,
        );
        let record = self.record;
        self.optimizer
            .run_steps(&self.problem, &mut self.z, count, |stats| {
                *epoch += 1;
                if !stats.is_finite() {
                    // Kept out of the history and `last`: what is recorded stays drawable.
                    *stopped = Some(StopReason::Diverged { epoch: *epoch });
                    return ControlFlow::Break(());
                }
                if record {
                    history.push(&stats);
                }
                *last = Some(stats);
                ControlFlow::Continue(())
            });
    }

    /// Runs to the end with no observer.
    pub fn finish(&mut self) -> StopReason {
        loop {
            if let Some(reason) = self.advance(u64::MAX, 0, |_, _| ControlFlow::Continue(())) {
                return reason;
            }
        }
    }

    /// Marks the run as stopped by the caller (e.g. a newer run superseded it).
    pub fn stop(&mut self) {
        self.stopped.get_or_insert(StopReason::Stopped);
    }

    /// The optimizer's state.
    pub fn optimizer(&self) -> &Optimizer {
        &self.optimizer
    }

    /// The problem being solved.
    pub fn problem(&self) -> &Problem {
        &self.problem
    }

    /// The current z (n values).
    pub fn z(&self) -> &[f32] {
        &floats(&self.z)[..self.problem.n()]
    }

    /// Epochs done so far.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// Epochs planned, N.
    pub fn epochs(&self) -> u64 {
        self.epochs
    }

    /// The last epoch's measurement, if any epoch ran.
    pub fn last(&self) -> Option<&EpochStats> {
        self.last.as_ref()
    }

    /// The recorded history.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Why the run ended, if it has.
    pub fn stop_reason(&self) -> Option<StopReason> {
        self.stopped
    }

    /// ‖z − z*‖∞ at the current z (after the last step, unlike [`EpochStats::err_inf`]).
    pub fn err_inf(&self) -> f32 {
        // NaN wins: a diverged z must never read as a perfect 0 (f32::max would skip it).
        self.z()
            .iter()
            .zip(self.problem.z_star())
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, |m: f32, e| {
                if m.is_nan() || e.is_nan() {
                    f32::NAN
                } else {
                    m.max(e)
                }
            })
    }
}
