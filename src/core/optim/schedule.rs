//! Learning-rate decay: a factor sₜ ≤ 1 that multiplies the learning rate at step t (1-based).
//!
//! Every optimizer but the proximal gradient uses lrₜ = lr·sₜ (Adam: αₜ·sₜ, on top of its own
//! bias correction). A subgradient method with a constant step never settles on a kink: it
//! keeps hopping across it by about one step. With Σ lrₜ = ∞ and lrₜ → 0 (the InvSqrt
//! schedule; Step and Exponential shrink faster, so they need a large enough start) the hops
//! shrink with lrₜ and z converges.

use serde::{Deserialize, Serialize};

/// The decay schedule sₜ; lrₜ = lr·sₜ for step t = 1, 2, …
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub enum Decay {
    /// sₜ = 1: a constant learning rate (the seed's Keras default).
    #[default]
    None,
    /// Staircase: sₜ = factor^⌊(t − 1)/every⌋, i.e. the rate is multiplied by `factor` after
    /// every `every` steps (steps 1..=every use lr itself). `every` = 0 is read as 1.
    Step {
        /// Steps per stair, ≥ 1.
        every: u64,
        /// Multiplier per stair, normally in (0, 1).
        factor: f64,
    },
    /// Exponential: sₜ = rate^(t − 1), so step 1 uses lr itself (as the staircase does) and
    /// the rate shrinks by `rate` every step. Normally rate ∈ (0, 1), close to 1 (e.g. 0.9995).
    Exponential {
        /// Multiplier per step.
        rate: f64,
    },
    /// Inverse square root: sₜ = 1/√t. Σ lrₜ still diverges (z can travel any distance) while
    /// lrₜ → 0, the classic schedule under which subgradient methods converge.
    InvSqrt,
}

impl Decay {
    /// sₜ for step t ≥ 1 (t = 0 is read as 1), in f64.
    pub fn factor(self, t: u64) -> f64 {
        let t = t.max(1);
        match self {
            Decay::None => 1.0,
            Decay::Step { every, factor } => factor.powf(((t - 1) / every.max(1)) as f64),
            Decay::Exponential { rate } => rate.powf((t - 1) as f64),
            Decay::InvSqrt => 1.0 / (t as f64).sqrt(),
        }
    }

    /// lrₜ = lr·sₜ, computed in f64 and rounded once to the f32 the kernels use.
    pub fn lr(self, lr: f64, t: u64) -> f32 {
        match self {
            Decay::None => lr as f32,
            d => (lr * d.factor(t)) as f32,
        }
    }
}
