//! Optimizers. Each does one step per call; the loop, stopping and recording live in
//! [`crate::core::run`].

pub mod adam;
pub mod step_size;

use serde::{Deserialize, Serialize};

/// What one epoch measured, at z *before* that epoch's step (as the seed records them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct EpochStats {
    /// fit = Σ|zᵢ − z0ᵢ|.
    pub fit: f32,
    /// reg = Σ(zᵢ − c)².
    pub reg: f32,
    /// total = fit + μ·reg.
    pub total: f32,
    /// ‖g‖₂ of the subgradient g = sign(z − z0) + 2μ(z − c).
    pub grad_norm: f32,
    /// ‖z − z*‖∞, the distance to the exact optimum.
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
