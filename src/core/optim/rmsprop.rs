//! RMSprop as Keras' `RMSprop()` with its defaults (ρ = 0.9, ε = 1e-7, no momentum, not
//! centred):
//!   s ← ρ·s + (1 − ρ)·g²,   z ← z − lrₜ·g / √(s + ε),
//! with s = 0 at the start, g = sign(z − z0) + 2μ(z − c), lrₜ = lr·sₜ ([`Decay`]), in f32
//! (1 − ρ is computed in f64 and rounded, as Keras does with the Python float). Note that ε
//! sits under the root here, unlike Adam's.
//!
//! Documented behaviour on the seed problem (tests/optimizers.rs), lr = 0.03, 25 000 epochs,
//! μ = 0.1 and μ = 1, checked at each of the last 1000 epochs:
//! * Like Adam it divides g by its running size, so in the band every step is about lrₜ long.
//!   Without decay z keeps bouncing across each kink: ‖z − z*‖∞ keeps coming back above
//!   **1e-2** (measured ≈ 0.09).
//! * With `Decay::InvSqrt` (travel Σ lrₜ ≈ 2·lr·√t ≈ 9.5 covers the ≤ 6 a coordinate must
//!   move; final rate ≈ 2e-4) it stays within **2e-3** of z* (measured ≤ 6.1e-4).
//! * When g = 0 exactly s decays geometrically; it is flushed to 0 before it goes subnormal.

use wide::f32x8;

use crate::core::optim::config::OptimizerConfig;
use crate::core::optim::measure::{flush_subnormal, measure_and_update};
use crate::core::optim::schedule::Decay;
use crate::core::optim::stats::EpochStats;
use crate::core::problem::{Lanes, Problem, LANES};

/// Keras' default ρ, the decay of the mean square.
pub const RHO: f64 = 0.9;
/// Keras' default ε, added to the mean square under the root.
pub const EPS: f64 = 1e-7;

/// RMSprop's state: the mean square s (padded like the problem), the rate, the decay and t.
#[derive(Debug, Clone)]
pub struct RmsProp {
    lr: f64,
    decay: Decay,
    s: Lanes,
    t: u64,
}

impl RmsProp {
    /// Fresh state (s = 0, t = 0) for `padded_len` coordinates, with lr = `config.adam.lr` and
    /// decay `config.decay`; ρ and ε are Keras' defaults [`RHO`], [`EPS`].
    pub fn new(config: &OptimizerConfig, padded_len: usize) -> Self {
        Self {
            lr: config.adam.lr,
            decay: config.decay,
            s: vec![f32x8::ZERO; padded_len / LANES],
            t: 0,
        }
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u64 {
        self.t
    }

    /// One RMSprop step on `z` (padded storage); returns the measurements at z before it.
    ///
    /// # Panics
    /// If `z` does not have the problem's padded length (a programming error).
    pub fn step(&mut self, problem: &Problem, z: &mut [f32x8]) -> EpochStats {
        assert_eq!(self.s.len(), z.len(), "s must match z");
        self.t += 1;
        let lr = f32x8::splat(self.decay.lr(self.lr, self.t));
        let rho = f32x8::splat(RHO as f32);
        let one_minus_rho = f32x8::splat((1.0 - RHO) as f32);
        let eps = f32x8::splat(EPS as f32);
        let s = &mut self.s;
        measure_and_update(problem, z, |k, z, g| {
            let sk = flush_subnormal(rho * s[k] + one_minus_rho * (g * g));
            s[k] = sk;
            z - (lr * g) / (sk + eps).sqrt()
        })
    }
}
