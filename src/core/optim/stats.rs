//! [`EpochStats`]: what one epoch measured. Every optimizer returns it from its step, and
//! [`crate::core::history`] records it; it lives apart from the optimizers so that they and
//! [`crate::core::optim`]'s dispatch need not import each other.

use serde::{Deserialize, Serialize};

/// What one epoch measured, at z *before* that epoch's step (as the seed records them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct EpochStats {
    /// fit = Σ wᵢ·φ(zᵢ − z0ᵢ), the fit term (the seed: Σ|zᵢ − z0ᵢ|).
    pub fit: f32,
    /// reg = Σ(zᵢ − c)².
    pub reg: f32,
    /// total = fit + μ·reg.
    pub total: f32,
    /// ‖g‖₂ of the subgradient gᵢ = wᵢ·φ'(zᵢ − z0ᵢ) + 2μ(zᵢ − c) (the seed: sign(zᵢ − z0ᵢ) +
    /// 2μ(zᵢ − c), with sign(0) = 0).
    pub grad_norm: f32,
    /// ‖z − z*‖∞, the distance to the exact optimum z* of the problem.
    pub err_inf: f32,
    /// L(z) − L(z*) ≥ 0, summed per coordinate (each term is ≥ 0, so no cancellation).
    pub subopt: f32,
}

impl EpochStats {
    /// Whether every measured value is a finite number (a run diverges when one is not).
    pub fn is_finite(&self) -> bool {
        [
            self.fit,
            self.reg,
            self.total,
            self.grad_norm,
            self.err_inf,
            self.subopt,
        ]
        .iter()
        .all(|x| x.is_finite())
    }
}
