//! The fit term wᵢ·φ(zᵢ − z0ᵢ) as the optimizers' hot loops see it: per chunk of [`LANES`]
//! coordinates, its value and its (sub)gradient from d = z − z0 and the weights w.
//!
//! Every kernel is generic over [`FitTerm`], and [`Problem::term`](crate::core::Problem::term) picks the instance once per
//! epoch, so each variant compiles to its own SIMD loop. [`SeedL1`] ignores the weights (the
//! load is dead code and vanishes), which keeps the seed's loop — and Adam's bit-for-bit
//! agreement with Keras — exactly as it was.
//!
//! [`LANES`]: crate::core::problem::LANES

use wide::{f32x8, i32x8};

/// The fit term's value and gradient for one chunk.
pub trait FitTerm: Copy {
    /// (wᵢ·φ(dᵢ), wᵢ·φ'(dᵢ)) lane by lane, with φ'(0) = 0 at L1's kink (as `tf.sign`).
    fn eval(self, d: f32x8, w: f32x8) -> (f32x8, f32x8);
}

/// The seed: |d| and sign(d), every weight 1.
#[derive(Debug, Clone, Copy)]
pub struct SeedL1;

/// Weighted L1: wᵢ|d| and wᵢ·sign(d).
#[derive(Debug, Clone, Copy)]
pub struct WeightedL1;

/// Pseudo-Huber of width δ: wᵢ·d²/(s + 1) and wᵢ·d/s, s = √(1 + (d/δ)²).
#[derive(Debug, Clone, Copy)]
pub struct PseudoHuber {
    inv_delta: f32x8,
}

/// Squared error: wᵢ·d² and wᵢ·2d.
#[derive(Debug, Clone, Copy)]
pub struct Squared;

#[inline(always)]
fn sign(d: f32x8) -> f32x8 {
    // sign(0) = 0, branch-free: a comparison mask is −1 as an integer, so (d < 0) − (d > 0)
    // is −1, 0 or 1, converted exactly (NaN: 0, as before). One operation fewer than masking
    // 1.0 twice and subtracting, and no 1.0 to keep in a register, in the hottest loop.
    let (below, above): (i32x8, i32x8) = (
        bytemuck::cast(d.simd_lt(f32x8::ZERO)),
        bytemuck::cast(d.simd_gt(f32x8::ZERO)),
    );
    (below - above).round_float()
}

impl FitTerm for SeedL1 {
    #[inline(always)]
    fn eval(self, d: f32x8, _w: f32x8) -> (f32x8, f32x8) {
        (d.abs(), sign(d))
    }
}

impl FitTerm for WeightedL1 {
    #[inline(always)]
    fn eval(self, d: f32x8, w: f32x8) -> (f32x8, f32x8) {
        (w * d.abs(), w * sign(d))
    }
}

impl PseudoHuber {
    /// The term for width `delta` (> 0; the problem has checked it).
    pub fn new(delta: f64) -> Self {
        Self {
            inv_delta: f32x8::splat((1.0 / delta) as f32),
        }
    }
}

impl FitTerm for PseudoHuber {
    #[inline(always)]
    fn eval(self, d: f32x8, w: f32x8) -> (f32x8, f32x8) {
        let q = d * self.inv_delta;
        let s = (f32x8::splat(1.0) + q * q).sqrt();
        // d²/(s + 1) = δ²(s − 1) without its cancellation (see variants::Fit::phi). A |d|/δ
        // beyond f32 range makes s = ∞ and the value 0·∞: such a z has diverged anyway.
        let abs_d = d.abs();
        (w * (abs_d * (abs_d / (s + f32x8::splat(1.0)))), w * (d / s))
    }
}

impl FitTerm for Squared {
    #[inline(always)]
    fn eval(self, d: f32x8, w: f32x8) -> (f32x8, f32x8) {
        (w * (d * d), w * (d + d))
    }
}

/// Which [`FitTerm`] a problem's kernels run (see [`crate::core::Problem::term`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Term {
    /// [`SeedL1`].
    SeedL1,
    /// [`WeightedL1`].
    WeightedL1,
    /// [`PseudoHuber`] with this δ.
    PseudoHuber(f64),
    /// [`Squared`].
    Squared,
}

/// Calls `$body` with `$t` bound to the problem's [`FitTerm`] instance: one monomorphised copy of
/// the body per variant, chosen once per call.
#[macro_export]
#[doc(hidden)]
macro_rules! with_fit_term {
    ($problem:expr, |$t:ident| $body:expr) => {
        match $problem.term() {
            $crate::core::optim::fit_term::Term::SeedL1 => {
                let $t = $crate::core::optim::fit_term::SeedL1;
                $body
            }
            $crate::core::optim::fit_term::Term::WeightedL1 => {
                let $t = $crate::core::optim::fit_term::WeightedL1;
                $body
            }
            $crate::core::optim::fit_term::Term::PseudoHuber(delta) => {
                let $t = $crate::core::optim::fit_term::PseudoHuber::new(delta);
                $body
            }
            $crate::core::optim::fit_term::Term::Squared => {
                let $t = $crate::core::optim::fit_term::Squared;
                $body
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_is_tensorflows() {
        let d = f32x8::from([-3.5, -0.0, 0.0, 1e-45, -1e-45, f32::INFINITY, f32::NAN, 2.0]);
        let expected = [-1.0f32, 0.0, 0.0, 1.0, -1.0, 1.0, 0.0, 1.0];
        let got = sign(d).to_array();
        // Bits, not values: sign(±0) must be +0, as (d > 0 & 1) − (d < 0 & 1) gave.
        assert_eq!(got.map(f32::to_bits), expected.map(f32::to_bits), "{got:?}");
    }
}
