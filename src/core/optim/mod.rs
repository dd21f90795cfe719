//! Optimizers. Each does one step per call; the loop, stopping and recording live in
//! [`crate::core::run`].
//!
//! Every optimizer minimises L(z) = Σ wᵢ·φ(zᵢ − z0ᵢ) + μ‖z − c‖² (the seed: ‖z − z0‖₁ +
//! μ‖z − c‖²) from the subgradient gᵢ = wᵢ·φ'(zᵢ − z0ᵢ) + 2μ(zᵢ − c) (the seed:
//! sign(z − z0) + 2μ(z − c), sign(0) = 0), except [`prox::Prox`], which handles the fit term
//! exactly by its proximal map. Each `step` returns the [`EpochStats`] measured at z
//! *before* it moves z. [`Optimizer`] picks one by [`OptimizerKind`]; [`OptimizerConfig`]
//! carries the settings they share.

pub mod adagrad;
pub mod adam;
pub mod config;
pub mod fit_term;
pub mod measure;
pub mod momentum;
pub mod pow;
pub mod prox;
pub mod rmsprop;
pub mod schedule;
pub mod sgd;
pub mod stats;
pub mod step_size;

use wide::f32x8;

use crate::core::problem::Problem;
use adagrad::Adagrad;
use adam::Adam;
pub use config::{AdamConfig, OptimizerConfig, OptimizerKind};
use momentum::Momentum;
use prox::Prox;
use rmsprop::RmsProp;
pub use schedule::Decay;
use sgd::Sgd;
pub use stats::EpochStats;

/// A running optimizer of any kind: one state, one step per call (enum dispatch per epoch).
#[derive(Debug, Clone)]
pub enum Optimizer {
    /// [`Adam`] (with its decay, if any).
    Adam(Adam),
    /// [`Sgd`].
    Sgd(Sgd),
    /// [`Momentum`], heavy ball or Nesterov.
    Momentum(Momentum),
    /// [`RmsProp`].
    RmsProp(RmsProp),
    /// [`Adagrad`].
    Adagrad(Adagrad),
    /// [`Prox`].
    Prox(Prox),
}

impl Optimizer {
    /// Fresh state of `config.kind` for `padded_len` coordinates (see
    /// [`Problem::padded_len`]).
    pub fn new(config: &OptimizerConfig, padded_len: usize) -> Self {
        match config.kind {
            OptimizerKind::Adam => {
                Self::Adam(Adam::new(config.adam, padded_len).with_decay(config.decay))
            }
            OptimizerKind::Sgd => Self::Sgd(Sgd::new(config, padded_len)),
            OptimizerKind::Momentum | OptimizerKind::Nesterov => {
                Self::Momentum(Momentum::new(config, padded_len))
            }
            OptimizerKind::RmsProp => Self::RmsProp(RmsProp::new(config, padded_len)),
            OptimizerKind::Adagrad => Self::Adagrad(Adagrad::new(config, padded_len)),
            OptimizerKind::Prox => Self::Prox(Prox::new(config, padded_len)),
        }
    }

    /// Which kind this is.
    pub fn kind(&self) -> OptimizerKind {
        match self {
            Self::Adam(_) => OptimizerKind::Adam,
            Self::Sgd(_) => OptimizerKind::Sgd,
            Self::Momentum(o) if o.nesterov() => OptimizerKind::Nesterov,
            Self::Momentum(_) => OptimizerKind::Momentum,
            Self::RmsProp(_) => OptimizerKind::RmsProp,
            Self::Adagrad(_) => OptimizerKind::Adagrad,
            Self::Prox(_) => OptimizerKind::Prox,
        }
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u64 {
        match self {
            Self::Adam(o) => o.steps(),
            Self::Sgd(o) => o.steps(),
            Self::Momentum(o) => o.steps(),
            Self::RmsProp(o) => o.steps(),
            Self::Adagrad(o) => o.steps(),
            Self::Prox(o) => o.steps(),
        }
    }

    /// One step of this optimizer on `z` (padded storage); returns the measurements at z
    /// before the step.
    #[inline]
    pub fn step(&mut self, problem: &Problem, z: &mut [f32x8]) -> EpochStats {
        match self {
            Self::Adam(o) => o.step(problem, z),
            Self::Sgd(o) => o.step(problem, z),
            Self::Momentum(o) => o.step(problem, z),
            Self::RmsProp(o) => o.step(problem, z),
            Self::Adagrad(o) => o.step(problem, z),
            Self::Prox(o) => o.step(problem, z),
        }
    }

    /// Up to `count` steps, each epoch's measurements handed to `sink`, which may stop the loop
    /// after any epoch; returns the steps taken. The same bits as `count` calls of
    /// [`Optimizer::step`]. Adam, the seed's optimizer, runs them in one loop of its own
    /// ([`Adam::run_steps`]); the others step one call at a time.
    pub fn run_steps<F>(&mut self, problem: &Problem, z: &mut [f32x8], count: u64, sink: F) -> u64
    where
        F: FnMut(EpochStats) -> std::ops::ControlFlow<()>,
    {
        /// `count` calls of `step`, for the optimizers without a loop of their own.
        fn one_by_one<F: FnMut(EpochStats) -> std::ops::ControlFlow<()>>(
            count: u64,
            mut step: impl FnMut() -> EpochStats,
            mut sink: F,
        ) -> u64 {
            for k in 0..count {
                if sink(step()).is_break() {
                    return k + 1;
                }
            }
            count
        }
        // Each arm calls its own type's step, not `Optimizer::step`: that one's Adam arm would
        // instantiate Adam's loop a second time in the worker's wasm.
        match self {
            Self::Adam(o) => o.run_steps(problem, z, count, sink),
            Self::Sgd(o) => one_by_one(count, || o.step(problem, z), sink),
            Self::Momentum(o) => one_by_one(count, || o.step(problem, z), sink),
            Self::RmsProp(o) => one_by_one(count, || o.step(problem, z), sink),
            Self::Adagrad(o) => one_by_one(count, || o.step(problem, z), sink),
            Self::Prox(o) => one_by_one(count, || o.step(problem, z), sink),
        }
    }
}
