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

    /// wᵢ·φ'(zᵢ − z0ᵢ) alone, what a step needs: the second half of [`FitTerm::eval`] at
    /// d = z − z0, to the bit.
    #[inline(always)]
    fn grad(self, z: f32x8, z0: f32x8, w: f32x8) -> f32x8 {
        self.eval(z - z0, w).1
    }
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

/// sign(z − z0) without the subtraction: for floats, z − z0 < 0 exactly when z < z0 and
/// z − z0 > 0 exactly when z > z0 (a difference of two finite values rounds to 0 only when they
/// are equal, as subnormals are kept; with ∞ or NaN both ways give the same mask). One operation
/// fewer per chunk in Adam's stepping loop, and no zero to rebuild for each comparison: the
/// core's seed run 3.98 → 3.74 ms in V8.
#[inline(always)]
fn sign_of_difference(z: f32x8, z0: f32x8) -> f32x8 {
    // sign(0) = 0, branch-free: a comparison mask is −1 as an integer, so (z < z0) − (z > z0)
    // is −1, 0 or 1, converted exactly (NaN: 0). One operation fewer than masking 1.0 twice and
    // subtracting, and no 1.0 to keep in a register, in the hottest loop.
    let (below, above): (i32x8, i32x8) =
        (bytemuck::cast(z.simd_lt(z0)), bytemuck::cast(z.simd_gt(z0)));
    (below - above).round_float()
}

/// sign(d) with sign(0) = 0, as `tf.sign`.
#[inline(always)]
fn sign(d: f32x8) -> f32x8 {
    sign_of_difference(d, f32x8::ZERO)
}

impl FitTerm for SeedL1 {
    #[inline(always)]
    fn eval(self, d: f32x8, _w: f32x8) -> (f32x8, f32x8) {
        (d.abs(), sign(d))
    }

    #[inline(always)]
    fn grad(self, z: f32x8, z0: f32x8, _w: f32x8) -> f32x8 {
        sign_of_difference(z, z0)
    }
}

impl FitTerm for WeightedL1 {
    #[inline(always)]
    fn eval(self, d: f32x8, w: f32x8) -> (f32x8, f32x8) {
        (w * d.abs(), w * sign(d))
    }

    #[inline(always)]
    fn grad(self, z: f32x8, z0: f32x8, w: f32x8) -> f32x8 {
        w * sign_of_difference(z, z0)
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

    /// Every pair of these values, in both orders: the signed zeros, subnormals, neighbours of
    /// 1 and of the seed's z0, the largest floats, ∞ and NaN.
    const EDGES: [f32; 16] = [
        0.0,
        -0.0,
        1e-45,
        -1e-45,
        f32::MIN_POSITIVE,
        1.0,
        1.000_000_1,
        0.999_999_94,
        -4.141_414,
        -4.141_414_5,
        6.0,
        f32::MAX,
        -f32::MAX,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
    ];

    fn lanes(x: f32) -> f32x8 {
        f32x8::splat(x)
    }

    #[test]
    fn sign_of_difference_is_the_sign_of_the_subtraction() {
        for z in EDGES {
            for z0 in EDGES {
                let want = sign(lanes(z) - lanes(z0)).to_array()[0];
                let got = sign_of_difference(lanes(z), lanes(z0)).to_array()[0];
                assert_eq!(got.to_bits(), want.to_bits(), "z = {z:e}, z0 = {z0:e}");
            }
        }
    }

    proptest::proptest! {
        /// Any two floats (any bit pattern, so every exponent, subnormals and NaNs too).
        #[test]
        fn sign_of_difference_matches_for_any_bits(a in proptest::num::u32::ANY, b in proptest::num::u32::ANY) {
            let (z, z0) = (f32::from_bits(a), f32::from_bits(b));
            let want = sign(lanes(z) - lanes(z0)).to_array()[0];
            let got = sign_of_difference(lanes(z), lanes(z0)).to_array()[0];
            proptest::prop_assert_eq!(got.to_bits(), want.to_bits(), "z = {:e}, z0 = {:e}", z, z0);
        }
    }

    #[test]
    fn every_terms_grad_is_its_evals_gradient() {
        let z = f32x8::from([-3.5, -0.0, 0.0, 1e-45, 6.0, f32::INFINITY, f32::NAN, 2.0]);
        let z0 = f32x8::from([
            -3.5,
            0.0,
            -4.141_414,
            1e-45,
            5.999_999_5,
            1.0,
            0.0,
            2.000_000_2,
        ]);
        let w = f32x8::from([1.0, 0.5, 2.0, 3.0, 0.25, 1.0, 1.0, 4.0]);
        let bits = |x: f32x8| x.to_array().map(f32::to_bits);
        let huber = PseudoHuber::new(0.5);
        let d = z - z0;
        let cases = [
            ("seed L1", SeedL1.eval(d, w).1, SeedL1.grad(z, z0, w)),
            (
                "weighted L1",
                WeightedL1.eval(d, w).1,
                WeightedL1.grad(z, z0, w),
            ),
            ("pseudo-Huber", huber.eval(d, w).1, huber.grad(z, z0, w)),
            ("squared", Squared.eval(d, w).1, Squared.grad(z, z0, w)),
        ];
        for (name, want, got) in cases {
            assert_eq!(bits(got), bits(want), "{name}");
        }
    }
}
