//! The measurement and subgradient the optimizers share: every one measures with
//! [`measure_pass`], and all but Adam step through [`measure_and_update`] (Adam keeps its own
//! stepping loop, pinned bit for bit to Keras).
//!
//! For each chunk of [`LANES`] coordinates it computes, in f32 as Adam does,
//!   d = z − z0,  r = z − c,  g = sign(d) + μ·(2r)   (sign(0) = 0, TensorFlow's subgradient),
//! (for a variant, w·φ'(d) in place of sign(d): see [`crate::core::optim::fit_term`]),
//! accumulates fit = Σ|d| (Σ w·φ(d)), reg = Σr², ‖g‖₂², ‖z − z*‖∞ and L(z) − L(z*) (summed per coordinate,
//! each term ≥ 0, so there is no cancellation), and hands (chunk index, z, g) to the optimizer's
//! update, which returns the new z. It measures in one loop and steps in a second (see
//! [`measure_pass`], which Adam's kernel shares); the update is a closure, so it is inlined
//! into the loop and stays SIMD.

use wide::{f32x4, f32x8, i32x4};

use crate::core::optim::fit_term::FitTerm;
use crate::core::optim::stats::EpochStats;
use crate::core::problem::{Problem, LANES};

/// Measures the losses at `z` (padded storage) and replaces every chunk zₖ by
/// `update(k, zₖ, gₖ)`, where gₖ is the subgradient sign(z − z0) + 2μ(z − c) at zₖ.
/// Returns the measurements taken *before* the update, as [`EpochStats`] defines them.
///
/// # Panics
/// If `z` does not have the problem's padded length (a programming error, not user input).
#[inline(always)]
pub fn measure_and_update<F>(problem: &Problem, z: &mut [f32x8], mut update: F) -> EpochStats
where
    F: FnMut(usize, f32x8, f32x8) -> f32x8,
{
    assert_eq!(
        z.len() * LANES,
        problem.padded_len(),
        "z must match the problem's padded length"
    );
    use crate::core::optim::fit_term::{PseudoHuber, Squared, Term, WeightedL1};
    // The seed's L1 runs as weighted L1 with every wᵢ = 1 (the problem stores them): 1·|d| and
    // 1·sign(d) are |d| and sign(d) to the bit, and these optimizers then carry one SIMD loop
    // less each (≈ 1 KB of the worker's wasm apiece). Adam keeps its own seed loop.
    match problem.term() {
        Term::SeedL1 | Term::WeightedL1 => kernel(problem, WeightedL1, z, &mut update),
        Term::PseudoHuber(delta) => kernel(problem, PseudoHuber::new(delta), z, &mut update),
        Term::Squared => kernel(problem, Squared, z, &mut update),
    }
}

#[inline(always)]
fn kernel<T: FitTerm, F>(problem: &Problem, term: T, z: &mut [f32x8], update: &mut F) -> EpochStats
where
    F: FnMut(usize, f32x8, f32x8) -> f32x8,
{
    let [fit, reg, err_inf, subopt] = measure_pass(problem, term, z);
    let mu = problem.mu() as f32;
    let splat = f32x8::splat;
    let (two, mu_v, c_v) = (splat(2.0), splat(mu), splat(problem.centre() as f32));
    let mut grad_sq = f32x8::ZERO;
    let chunks = z.iter_mut().zip(problem.z0.iter()).zip(problem.w.iter());
    for (k, ((z_c, &z0), &w)) in chunks.enumerate() {
        let z = *z_c;
        let fit_grad = term.grad(z, z0, w);
        let g = fit_grad + mu_v * ((z - c_v) * two);
        grad_sq += g * g;
        *z_c = update(k, z, g);
    }
    stats_of([fit, reg, fold(grad_sq), err_inf, subopt], mu)
}

/// An epoch's measuring pass at `z`: the accumulators [fit, reg, max |z − z*|, L − L*], each
/// folded to 4 lanes (‖g‖² is summed by the stepping pass, which computes g anyway).
///
/// Every kernel measures in a loop of its own, then steps in a second one that recomputes
/// d = z − z0 and r = z − c. One fused loop kept ≈ 20 vectors live (10 accumulator halves and
/// the constants) against x86's 16 SIMD registers, and V8 spilled: in Adam's, 52 of 184
/// instructions per chunk touched the stack. Both loops do the same operations on the same
/// values in the same order as the fused one did, so z and every sum keep their bits.
///
/// fit and reg keep 8 lanes until the end: [`fold`] then [`lane_sum`] adds them in the order the
/// 8-lane sum always did, so the losses a CSV shows keep their bits. max |z − z*| and L − L* fold
/// each chunk's two halves at once, which keeps 4 accumulators live where 8 were and freed the
/// registers V8 spilled (the core's seed run ≈ 3 % faster). The maximum is the same number
/// either way; L − L*, a sum of terms ≥ 0, may differ from the 8-lane order in its last bits.
#[inline(always)]
pub fn measure_pass<T: FitTerm>(problem: &Problem, term: T, z: &[f32x8]) -> [f32x4; 4] {
    let splat = f32x8::splat;
    let (mu_v, c_v) = (splat(problem.mu() as f32), splat(problem.centre() as f32));
    let (mut fit, mut reg) = (f32x8::ZERO, f32x8::ZERO);
    let (mut err_inf, mut subopt) = (f32x4::ZERO, f32x4::ZERO);
    let chunks = z
        .iter()
        .zip(problem.z0.iter().zip(problem.z_star.iter()))
        .zip(problem.fit_star.iter().zip(problem.reg_star.iter()))
        .zip(problem.w.iter());
    for (((&z, (&z0, &z_star)), (&fit_star, &reg_star)), &w) in chunks {
        let (loss, _) = term.eval(z - z0, w);
        let r = z - c_v;
        let r2 = r * r;
        fit += loss;
        reg += r2;
        let [lo, hi]: [f32x4; 2] = bytemuck::cast((z - z_star).abs());
        err_inf = err_inf.fast_max(lo.fast_max(hi));
        subopt += fold((loss - fit_star) + mu_v * (r2 - reg_star));
    }
    [fold(fit), fold(reg), err_inf, subopt]
}

/// The [`EpochStats`] of a kernel's accumulators [fit, reg, ‖g‖², max |z − z*|, subopt], folded.
#[inline(always)]
pub fn stats_of([fit, reg, grad_sq, err_inf, subopt]: [f32x4; 5], mu: f32) -> EpochStats {
    EpochStats {
        fit: lane_sum(fit),
        reg: lane_sum(reg),
        total: lane_sum(fit) + mu * lane_sum(reg),
        grad_norm: lane_sum(grad_sq).sqrt(),
        err_inf: nan_first_max(err_inf),
        subopt: lane_sum(subopt),
    }
}

/// The largest lane, NaN first: a diverged z must never read as a perfect 0.
///
/// Every lane is |·| (sign bit clear) or the accumulator's +0, and for such values the order of
/// the bit patterns as integers is the order of the numbers, with every NaN above +∞: the
/// largest pattern is the largest lane, or a NaN if there is one. Integer maxima need no NaN
/// test per lane (the scalar fold's compares and branches were ≈ 3 % of a seed run in V8).
#[inline(always)]
pub fn nan_first_max(x: f32x4) -> f32 {
    let m = bytemuck::cast::<f32x4, i32x4>(x).to_array();
    f32::from_bits(m[0].max(m[1]).max(m[2].max(m[3])) as u32)
}

/// The measurements at `z` without moving it (the same numbers a step would report).
pub fn measure(problem: &Problem, z: &[f32x8]) -> EpochStats {
    let mut copy = z.to_vec();
    measure_and_update(problem, &mut copy, |_, z, _| z)
}

/// Sets to 0 every lane of a state vector whose magnitude is below the smallest normal f32.
///
/// A state that decays geometrically (momentum's velocity, RMSprop's mean square) where g = 0
/// exactly (a coordinate sitting on a band edge, the padding) would go subnormal, and subnormal
/// arithmetic is up to 100× slower. Flushing changes z by less than 1e-38·lr: never a visible bit.
#[inline(always)]
pub fn flush_subnormal(x: f32x8) -> f32x8 {
    x.abs().simd_ge(f32x8::splat(f32::MIN_POSITIVE)) & x
}

/// Pairwise sum of the 4 lanes; after [`fold`], the order an 8-lane horizontal add uses.
#[inline(always)]
pub fn lane_sum(x: f32x4) -> f32 {
    let a = x.to_array();
    (a[0] + a[2]) + (a[1] + a[3])
}

/// The two halves of 8 lanes added lane by lane (lane k + lane k + 4).
#[inline(always)]
pub fn fold(x: f32x8) -> f32x4 {
    let [lo, hi]: [f32x4; 2] = bytemuck::cast(x);
    lo + hi
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The integer maximum against the scalar fold it replaced (NaN first, from 0).
    fn fold_max(x: f32x4) -> f32 {
        x.to_array()
            .into_iter()
            .fold(0.0, |m: f32, e| if e.is_nan() || e > m { e } else { m })
    }

    #[test]
    fn nan_first_max_is_the_largest_lane_or_nan() {
        let cases = [
            [0.0; 4],
            [0.5, 3.0, 1e-40, 0.0],
            [2.9, 7.25, f32::MIN_POSITIVE, 1.0],
            [1.0, 2.0, 3.0, f32::INFINITY],
            [1e30, 0.0, 0.0, 1e-45],
        ];
        for lanes in cases {
            let x = f32x4::from(lanes);
            assert_eq!(
                nan_first_max(x).to_bits(),
                fold_max(x).to_bits(),
                "{lanes:?}"
            );
        }
        for k in 0..4 {
            let mut lanes = [1.0; 4];
            lanes[k] = f32::NAN;
            assert!(
                nan_first_max(f32x4::from(lanes)).is_nan(),
                "NaN in lane {k}"
            );
            lanes[k] = f32::INFINITY;
            assert_eq!(nan_first_max(f32x4::from(lanes)), f32::INFINITY);
        }
    }
}
