//! The fit term φ of the problem L(z) = Σ wᵢ·φ(zᵢ − z0ᵢ) + μ‖z − c‖₂²: [`Fit`] (L1, the seed's;
//! pseudo-Huber; L2), its value, derivative and subdifferential, and [`sign0`], the derivative
//! TensorFlow takes for L1.
//!
//! Both [`crate::core::problem`] (the losses and subgradient) and [`crate::core::variants`]
//! (the analytic optima) build on it, and it depends on neither: the problem uses the
//! variants' optima, and the variants need only this file, not the problem.

use serde::{Deserialize, Serialize};

/// The fit term φ(d) of d = z − z0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Fit {
    /// φ(d) = |d|: the seed. Optimum clamp(z0, c − w/(2μ), c + w/(2μ)).
    L1,
    /// φ(d) = δ²(√(1 + (d/δ)²) − 1), δ > 0: Tournesol's (Licchavi) smoothing of |d|.
    /// φ ≈ d²/2 for |d| ≪ δ and φ ≈ δ|d| for |d| ≫ δ. So δ → ∞ gives L2 with weight w/2, and
    /// δ → 0 gives L1 with weight w·δ (whose band c ± wδ/(2μ) shrinks to c); equivalently
    /// pseudo-Huber with weight w/δ tends to L1 with weight w, within (w δ²/(4μ))^{1/3}.
    PseudoHuber {
        /// The width δ where the quadratic core turns linear.
        delta: f64,
    },
    /// φ(d) = d². Optimum z* = (w z0 + μc)/(w + μ).
    L2,
}

impl Default for Fit {
    /// The seed's L1.
    fn default() -> Self {
        Fit::L1
    }
}

impl Fit {
    /// The short name: "l1", "huber" or "l2" (δ is not part of it).
    pub fn key(&self) -> &'static str {
        match self {
            Fit::L1 => "l1",
            Fit::PseudoHuber { .. } => "huber",
            Fit::L2 => "l2",
        }
    }

    /// Inverse of [`Fit::key`]: "l1", "huber" (with width `delta`, which must be finite and
    /// positive) or "l2", case-sensitive; `None` otherwise. `delta` is ignored for "l1" and
    /// "l2", so `Fit::parse(f.key(), δ)` gives back f when δ is f's width (any δ for L1, L2).
    pub fn parse(key: &str, delta: f64) -> Option<Self> {
        match key {
            "l1" => Some(Fit::L1),
            "huber" if delta.is_finite() && delta > 0.0 => Some(Fit::PseudoHuber { delta }),
            "l2" => Some(Fit::L2),
            _ => None,
        }
    }

    /// φ(d). Pseudo-Huber is evaluated as |d|·|d|/(s + 1), s = √(1 + (d/δ)²), which equals
    /// δ²(s − 1) without its cancellation, so it is accurate for huge δ (φ ≈ d²/2) and tiny δ.
    pub fn phi(&self, d: f64) -> f64 {
        match *self {
            Fit::L1 => d.abs(),
            Fit::PseudoHuber { delta } => {
                let s = (d / delta).hypot(1.0);
                if s.is_infinite() {
                    delta * d.abs() // |d|/δ overflows: φ = δ|d| − δ² + o(1) ≈ δ|d|
                } else {
                    d.abs() * (d.abs() / (s + 1.0))
                }
            }
            Fit::L2 => d * d,
        }
    }

    /// φ'(d): sign(d) with sign(0) = 0 for L1 (as `tf.sign`; the full set is
    /// [`Fit::subdifferential`]); d/√(1 + (d/δ)²) ∈ (−δ, δ) for pseudo-Huber; 2d for L2.
    pub fn dphi(&self, d: f64) -> f64 {
        match *self {
            Fit::L1 => sign0(d),
            Fit::PseudoHuber { delta } => {
                let q = d / delta;
                if q.is_infinite() {
                    delta.copysign(d) // the limit of d/√(1 + (d/δ)²) as |d|/δ → ∞
                } else {
                    d / q.hypot(1.0)
                }
            }
            Fit::L2 => 2.0 * d,
        }
    }

    /// The subdifferential ∂φ(d) as an interval [lo, hi]: [−1, 1] for L1 at its kink d = 0,
    /// otherwise the single point (φ'(d), φ'(d)).
    pub fn subdifferential(&self, d: f64) -> (f64, f64) {
        match self {
            Fit::L1 if d == 0.0 => (-1.0, 1.0),
            _ => (self.dphi(d), self.dphi(d)),
        }
    }
}

/// sign(x) with sign(0) = 0, as `tf.sign` (and the gradient of `tf.abs`).
pub fn sign0(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        0.0
    }
}
