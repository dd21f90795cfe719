//! Plain (sub)gradient descent, Keras' `SGD()` without momentum:
//!   z ← z − lrₜ·g,   g = sign(z − z0) + 2μ(z − c),   lrₜ = lr·sₜ ([`Decay`]),
//! in f32 (lrₜ is computed in f64 and rounded once).
//!
//! Documented behaviour on the seed problem (tests/optimizers.rs), 25 000 epochs, μ = 0.1 and
//! μ = 1, checked at each of the last 1000 epochs:
//! * With lr = 0.1 and `Decay::Step { every: 2500, factor: 0.5 }` (final rate 0.1·2⁻⁹ ≈ 2e-4)
//!   it stays within **1e-3** of z* (measured ≤ 3.9e-4).
//! * Without decay z keeps hopping across each in-band z0ᵢ by about lr·(1 ± 2μ|z0ᵢ − c|):
//!   ‖z − z*‖∞ keeps coming back above **1e-2** (measured ≈ 0.2) and never goes to 0.
//! * On the clamped coordinates (where L is smooth near z*) it is stable only while
//!   lrₜ·2μ < 2.

use wide::f32x8;

use crate::core::optim::config::OptimizerConfig;
use crate::core::optim::measure::measure_and_update;
use crate::core::optim::schedule::Decay;
use crate::core::optim::stats::EpochStats;
use crate::core::problem::Problem;

/// SGD's state: the learning rate, its decay and the step count t (no per-coordinate state).
#[derive(Debug, Clone)]
pub struct Sgd {
    lr: f64,
    decay: Decay,
    t: u64,
}

impl Sgd {
    /// Fresh state (t = 0) with lr = `config.adam.lr` and decay `config.decay`. SGD keeps no
    /// per-coordinate state, so `padded_len` is only taken for a uniform constructor.
    pub fn new(config: &OptimizerConfig, _padded_len: usize) -> Self {
        Self {
            lr: config.adam.lr,
            decay: config.decay,
            t: 0,
        }
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u64 {
        self.t
    }

    /// One step z ← z − lrₜ·g on `z` (padded storage); returns the measurements at z before it.
    pub fn step(&mut self, problem: &Problem, z: &mut [f32x8]) -> EpochStats {
        self.t += 1;
        let lr = f32x8::splat(self.decay.lr(self.lr, self.t));
        measure_and_update(problem, z, |_, z, g| z - lr * g)
    }
}
