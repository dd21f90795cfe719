//! Adagrad as Keras' `Adagrad()` with its defaults (initial accumulator 0.1, ε = 1e-7):
//!   a ← a + g²,   z ← z − lrₜ·g / √(a + ε),
//! with a = 0.1 at the start, g = sign(z − z0) + 2μ(z − c), lrₜ = lr·sₜ ([`Decay`]), in f32.
//!
//! In the band |g| ≈ 1 every step, so a ≈ t and the step is about lr/√t: Adagrad carries an
//! InvSqrt decay of its own, and its error keeps shrinking even with `Decay::None`.
//!
//! Documented behaviour on the seed problem (tests/optimizers.rs), 25 000 epochs, μ = 0.1 and
//! μ = 1, checked at each of the last 1000 epochs:
//! * With lr = 0.1 and no decay (the travel ≈ 2·lr·√t ≈ 32 covers the ≤ 6 a coordinate must
//!   move; the final in-band step is ≈ 0.1/√25 000 ≈ 6e-4) it stays within **1e-2** of z*
//!   (measured ≤ 7.7e-3). The slowest are the clamped coordinates: near z* their g → 0, while
//!   a still holds the g² of the whole approach, so the step there is only lr·g/√a.
//! * The accumulator only grows, so nothing decays towards a subnormal.

use wide::f32x8;

use crate::core::optim::config::OptimizerConfig;
use crate::core::optim::measure::measure_and_update;
use crate::core::optim::schedule::Decay;
use crate::core::optim::stats::EpochStats;
use crate::core::problem::{Lanes, Problem, LANES};

/// Keras' default starting value of the accumulator.
pub const INITIAL_ACCUMULATOR: f64 = 0.1;
/// Keras' default ε, added to the accumulator under the root.
pub const EPS: f64 = 1e-7;

/// Adagrad's state: the accumulator a (padded like the problem), the rate, the decay and t.
#[derive(Debug, Clone)]
pub struct Adagrad {
    lr: f64,
    decay: Decay,
    a: Lanes,
    t: u64,
}

impl Adagrad {
    /// Fresh state (a = [`INITIAL_ACCUMULATOR`], t = 0) for `padded_len` coordinates, with
    /// lr = `config.adam.lr` and decay `config.decay`.
    pub fn new(config: &OptimizerConfig, padded_len: usize) -> Self {
        Self {
            lr: config.adam.lr,
            decay: config.decay,
            a: vec![f32x8::splat(INITIAL_ACCUMULATOR as f32); padded_len / LANES],
            t: 0,
        }
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u64 {
        self.t
    }

    /// One Adagrad step on `z` (padded storage); returns the measurements at z before it.
    ///
    /// # Panics
    /// If `z` does not have the problem's padded length (a programming error).
    pub fn step(&mut self, problem: &Problem, z: &mut [f32x8]) -> EpochStats {
        assert_eq!(self.a.len(), z.len(), "a must match z");
        self.t += 1;
        let lr = f32x8::splat(self.decay.lr(self.lr, self.t));
        let eps = f32x8::splat(EPS as f32);
        let a = &mut self.a;
        measure_and_update(problem, z, |k, z, g| {
            let ak = a[k] + g * g;
            a[k] = ak;
            z - (lr * g) / (ak + eps).sqrt()
        })
    }
}
