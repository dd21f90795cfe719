//! Analytic optima of weighted variants of the problem. [`crate::core::problem::Problem`] takes
//! its z* from here (for every variant but the seed's unweighted L1, which is
//! [`crate::core::analytic`]'s clamp), as does the proximal step of [`crate::core::optim::prox`];
//! the page's links and run specs use [`Fit`] and the Tournesol weights. This file needs only
//! [`crate::core::fit`] (the fit term φ) and its own [`tournesol`].
//!
//! Per coordinate i (the problem is separable) minimise
//! lᵢ(z) = wᵢ·φ(z − z0ᵢ) + μ(z − c)², with μ ≥ 0, centre c, weight wᵢ ≥ 0 and a [`Fit`] φ.
//! For μ > 0 and w > 0, lᵢ is strictly convex (L1 included: μ(z − c)² is), so the optimum is
//! unique, and it always lies between c and z0ᵢ: moving from either towards the other lowers the
//! other term without raising the first. [`optimum`] computes it: closed forms for L1 and L2,
//! a safeguarded Newton solve for pseudo-Huber. [`tournesol`] adds Tournesol-style weights.

pub mod tournesol;

pub use crate::core::fit::Fit;
pub use tournesol::{comparison_counts, tournesol_weights, MAX_COUNT};

/// lᵢ(z) = w·φ(z − z0) + μ(z − c)², the per-coordinate objective that [`optimum`] minimises.
pub fn objective(fit: Fit, z: f64, z0: f64, w: f64, mu: f64, c: f64) -> f64 {
    w * fit.phi(z - z0) + mu * (z - c) * (z - c)
}

/// The L1 band [c − w/(2μ), c + w/(2μ)]: z* = z0 inside it, its nearer edge outside.
/// `None` when μ ≤ 0, w < 0, anything is NaN or the edges are not finite (nothing is clamped,
/// as [`crate::core::analytic::Band::for_mu`]); w = 0 gives the point band (c, c).
pub fn band(w: f64, mu: f64, c: f64) -> Option<(f64, f64)> {
    let r = w / (2.0 * mu);
    let ok = mu > 0.0 && w >= 0.0 && r.is_finite() && (c - r).is_finite() && (c + r).is_finite();
    ok.then_some((c - r, c + r))
}

/// The minimiser z* of lᵢ(z) = w·φ(z − z0) + μ(z − c)² (see the module docs). Never NaN, never
/// a panic; for finite inputs z* lies between c and z0. Edge cases and fallbacks:
/// * w = 0, μ > 0: z* = c. μ = 0, w > 0: z* = z0. w = μ = 0: every z is optimal; returns z0.
/// * w or μ NaN or < 0 count as 0. w = +∞: z* = z0 (the fit dominates; checked first);
///   μ = +∞: z* = c.
/// * Pseudo-Huber δ: NaN or ≤ 0 is taken as its limit L1 with weight 0 (z* = c when μ > 0);
///   δ = +∞ as its limit L2 with weight w/2.
/// * z0 non-finite: returns c; c non-finite: returns z0; both: returns 0.
///
/// L1: clamp(z0, [`band`]); L2: z0 + t(c − z0) with t = μ/(w + μ) = 1/(1 + w/μ). Pseudo-Huber
/// solves g(z) = w·φ'(z − z0) + 2μ(z − c) = 0 (g is strictly increasing, g(c) and g(z0) have
/// opposite signs) by Newton steps kept inside a shrinking bracket, bisecting whenever a step
/// leaves it or stops halving; it stops at |g| ≤ 1e-12·S with S = w·min(δ, |z0 − c|) +
/// 2μ|z0 − c| (g's range on the bracket), when the bracket is down to a few ulps, or after
/// 100 steps, and returns the evaluated point with the smallest |g|.
pub fn optimum(fit: Fit, z0: f64, w: f64, mu: f64, c: f64) -> f64 {
    match (z0.is_finite(), c.is_finite()) {
        (true, true) => {}
        (true, false) => return z0,
        (false, true) => return c,
        (false, false) => return 0.0,
    }
    let w = if w >= 0.0 { w } else { 0.0 }; // NaN too
    let mu = if mu >= 0.0 { mu } else { 0.0 };
    if w == f64::INFINITY || mu == 0.0 || z0 == c {
        return z0;
    }
    if mu == f64::INFINITY || w == 0.0 {
        return c;
    }
    let (lo, hi) = (z0.min(c), z0.max(c));
    let z = match fit {
        Fit::L1 => {
            let r = w / (2.0 * mu);
            z0.max(c - r).min(c + r)
        }
        Fit::L2 => {
            let t = 1.0 / (1.0 + w / mu);
            z0 * (1.0 - t) + c * t
        }
        Fit::PseudoHuber { delta } if delta == f64::INFINITY => {
            optimum(Fit::L2, z0, w / 2.0, mu, c)
        }
        Fit::PseudoHuber { delta } if delta > 0.0 => solve_huber(delta, z0, w, mu, c),
        Fit::PseudoHuber { .. } => c,
    };
    z.max(lo).min(hi) // rounding must not leave the bracket (nor overflow out of it)
}

/// The safeguarded Newton solve for pseudo-Huber (μ, w > 0 finite, z0 ≠ c, all finite).
fn solve_huber(delta: f64, z0: f64, w: f64, mu: f64, c: f64) -> f64 {
    let fit = Fit::PseudoHuber { delta };
    let g = |z: f64| w * fit.dphi(z - z0) + 2.0 * mu * (z - c);
    let dg = |z: f64| w / ((z - z0) / delta).hypot(1.0).powi(3) + 2.0 * mu;
    let gap = (z0 - c).abs();
    let tol = 1e-12 * (w * delta.min(gap) + 2.0 * mu * gap);
    let (mut lo, mut hi) = (z0.min(c), z0.max(c)); // g(lo) < 0 < g(hi)
                                                   // Start from the better of the quadratic-core guess and the linear-tail (L1) guess.
    let quad = optimum(Fit::L2, z0, w / 2.0, mu, c);
    let lin = optimum(Fit::L1, z0, w * delta, mu, c);
    let mut z = if g(quad).abs() <= g(lin).abs() {
        quad
    } else {
        lin
    };
    let (mut best, mut best_g) = (z, f64::INFINITY);
    let mut last_step = hi - lo;
    for _ in 0..100 {
        let gz = g(z);
        if gz.is_nan() {
            break;
        }
        if gz.abs() < best_g {
            (best, best_g) = (z, gz.abs());
        }
        if gz.abs() <= tol {
            break;
        }
        if gz < 0.0 {
            lo = z;
        } else {
            hi = z;
        }
        let mid = lo / 2.0 + hi / 2.0;
        if hi - lo <= 4.0 * f64::EPSILON * lo.abs().max(hi.abs()) || mid <= lo || mid >= hi {
            break; // the bracket is down to adjacent floats
        }
        let newton = z - gz / dg(z);
        let step = (newton - z).abs();
        z = if newton > lo && newton < hi && step <= last_step / 2.0 {
            newton
        } else {
            mid
        };
        last_step = step.min(hi - lo);
    }
    best
}

/// z*ᵢ = [`optimum`]`(fit, z0ᵢ, wᵢ, μ, c)` for every coordinate, computed in f64 and rounded to
/// f32. Coordinates beyond `w.len()` get weight 1 (the seed's unweighted problem), so
/// `optimum_vec(Fit::L1, z0, &[], μ, c)` is the seed's clamp; extra weights are ignored.
pub fn optimum_vec(fit: Fit, z0: &[f32], w: &[f32], mu: f64, c: f64) -> Vec<f32> {
    let weights = w
        .iter()
        .map(|&x| f64::from(x))
        .chain(std::iter::repeat(1.0));
    z0.iter()
        .zip(weights)
        .map(|(&a, wi)| optimum(fit, f64::from(a), wi, mu, c) as f32)
        .collect()
}
