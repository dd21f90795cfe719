//! The problem L(z) = ‖z − z0‖₁ + μ‖z − c‖₂², its losses and its subgradient — and its
//! variants L(z) = Σ wᵢ·φ(zᵢ − z0ᵢ) + μ‖z − c‖₂² with a [`Fit`] φ (L1, pseudo-Huber, L2) and
//! per-coordinate weights wᵢ ≥ 0 (see [`crate::core::variants`] for their optima).
//!
//! Values are f32 as in the seed (TensorFlow's `tf.Variable(tf.zeros(n))` is float32), and the
//! per-coordinate vectors are padded to a multiple of [`LANES`] so the optimizer's hot loop
//! runs over whole SIMD chunks only. A padding lane has z = z0 = z* = c: its subgradient is
//! exactly 0 and it adds exactly 0 to every loss, so it never moves and never shows.

use wide::f32x8;

use crate::core::analytic::{clamp_solution, Band};
use crate::core::fit::Fit;
use crate::core::optim::fit_term::Term;
use crate::core::variants::optimum_vec;

/// Re-exported from [`crate::core::fit`], its home (this path is kept for existing callers).
pub use crate::core::fit::sign0;

/// Width of the chunks the hot loop works on (two SSE registers, one AVX or two wasm simd128).
pub const LANES: usize = 8;

/// Per-coordinate storage: whole SIMD chunks, aligned, so the hot loop loads and stores them
/// directly. [`floats`] / [`floats_mut`] view them as plain f32 values.
pub type Lanes = Vec<f32x8>;

/// Packs `values` into chunks, padding the last one with `pad`.
pub fn to_lanes(values: &[f32], pad: f32) -> Lanes {
    values
        .chunks(LANES)
        .map(|c| {
            let mut chunk = [pad; LANES];
            chunk[..c.len()].copy_from_slice(c);
            f32x8::from(chunk)
        })
        .collect()
}

/// The chunks as f32 values (padding included).
pub fn floats(lanes: &[f32x8]) -> &[f32] {
    bytemuck::cast_slice(lanes)
}

/// The chunks as mutable f32 values (padding included).
pub fn floats_mut(lanes: &mut [f32x8]) -> &mut [f32] {
    bytemuck::cast_slice_mut(lanes)
}

/// Why a problem cannot be built. The messages print no float (the value is in the variant):
/// they reach the page from the worker, whose wasm then needs no float-to-text code — the page
/// checks μ and δ itself before a run, so these are a last line of defence.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProblemError {
    /// n = 0: there is nothing to optimise.
    #[error("the problem needs at least one coordinate (n ≥ 1)")]
    Empty,
    /// μ must be a finite number ≥ 0 (μ < 0 would reward moving away from c: L is unbounded).
    #[error("μ must be a finite number ≥ 0")]
    BadMu(f64),
    /// c and every z0ᵢ must be finite.
    #[error("z0 and the centre c must be finite numbers")]
    NonFinite,
    /// Weights must be finite and ≥ 0, one per coordinate.
    #[error("the weights must be {0} finite numbers ≥ 0")]
    BadWeights(usize),
    /// The pseudo-Huber width δ must be a finite number > 0.
    #[error("the pseudo-Huber width δ must be a finite number > 0")]
    BadDelta(f64),
}

/// `linspace(lo, hi, n)` exactly as numpy makes it (in f64: lo + i·(hi − lo)/(n − 1), the last
/// value set to hi), then cast to f32 as TensorFlow does when it meets a float64 array.
pub fn linspace(lo: f64, hi: f64, n: usize) -> Vec<f32> {
    match n {
        0 => Vec::new(),
        1 => vec![lo as f32],
        _ => {
            let step = (hi - lo) / (n - 1) as f64;
            let mut out: Vec<f32> = (0..n).map(|i| (lo + i as f64 * step) as f32).collect();
            out[n - 1] = hi as f32;
            out
        }
    }
}

/// One instance of the problem, with its analytic optimum precomputed for the metrics.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    n: usize,
    mu: f64,
    centre: f64,
    band: Option<Band>,
    fit: Fit,
    /// Whether the weights are not all 1 (then `w` matters).
    weighted: bool,
    /// The weights wᵢ, padded with 1 (the padding's d = 0 makes any weight harmless).
    pub(crate) w: Lanes,
    /// z0, padded with c to a multiple of [`LANES`].
    pub(crate) z0: Lanes,
    /// z*: clamp(z0, band) for the seed's fit, the variant's optimum otherwise; padded with c.
    pub(crate) z_star: Lanes,
    /// wᵢ·φ(z*ᵢ − z0ᵢ): the fit loss of z* per coordinate, for L(z) − L(z*) without cancellation.
    pub(crate) fit_star: Lanes,
    /// (z*ᵢ − c)²: the regulariser of z* per coordinate.
    pub(crate) reg_star: Lanes,
}

impl Problem {
    /// Builds the problem for data `z0`, weight `mu` ≥ 0 and centre `centre` (the seed's 1).
    pub fn new(z0: &[f32], mu: f64, centre: f64) -> Result<Self, ProblemError> {
        Self::variant(z0, mu, centre, Fit::L1, &[])
    }

    /// Builds a variant: fit term `fit` with weights `weights` (one per coordinate, or empty for
    /// every weight 1). L1 with no weights is exactly [`Problem::new`].
    pub fn variant(
        z0: &[f32],
        mu: f64,
        centre: f64,
        fit: Fit,
        weights: &[f32],
    ) -> Result<Self, ProblemError> {
        if z0.is_empty() {
            return Err(ProblemError::Empty);
        }
        if !mu.is_finite() || mu < 0.0 {
            return Err(ProblemError::BadMu(mu));
        }
        if !centre.is_finite() || z0.iter().any(|x| !x.is_finite()) {
            return Err(ProblemError::NonFinite);
        }
        let n = z0.len();
        if !weights.is_empty()
            && (weights.len() != n || weights.iter().any(|w| !w.is_finite() || *w < 0.0))
        {
            return Err(ProblemError::BadWeights(n));
        }
        if let Fit::PseudoHuber { delta } = fit {
            if !(delta.is_finite() && delta > 0.0) {
                return Err(ProblemError::BadDelta(delta));
            }
        }
        let weighted = weights.iter().any(|&w| w != 1.0);
        let c = centre as f32;
        let band = Band::for_mu(mu, centre).filter(|_| fit == Fit::L1 && !weighted);
        let z_star = if fit == Fit::L1 && !weighted {
            clamp_solution(z0, Band::for_mu(mu, centre))
        } else {
            optimum_vec(fit, z0, weights, mu, centre)
        };
        let w_at = |i: usize| weights.get(i).map_or(1.0, |&w| f64::from(w));
        let fit_star: Vec<f32> = z_star
            .iter()
            .zip(z0)
            .enumerate()
            .map(|(i, (&s, &a))| (w_at(i) * fit.phi(f64::from(s) - f64::from(a))) as f32)
            .collect();
        let reg_star: Vec<f32> = z_star.iter().map(|s| (s - c) * (s - c)).collect();
        let w: Vec<f32> = (0..n).map(|i| w_at(i) as f32).collect();
        Ok(Self {
            n,
            mu,
            centre,
            band,
            fit,
            weighted,
            w: to_lanes(&w, 1.0),
            z0: to_lanes(z0, c),
            z_star: to_lanes(&z_star, c),
            fit_star: to_lanes(&fit_star, 0.0),
            reg_star: to_lanes(&reg_star, 0.0),
        })
    }

    /// The seed problem: z0 = linspace(−10, 10, 100), c = 1, at weight `mu`. (Panics on a bad
    /// `mu` with the error's message, not its `Debug`: that would print floats, and so link Rust's
    /// float printer into the worker's wasm, which calls this and otherwise prints no number.)
    pub fn seed(mu: f64) -> Self {
        Self::new(&linspace(-10.0, 10.0, 100), mu, 1.0)
            .unwrap_or_else(|e| panic!("the seed problem: {e}"))
    }

    /// Number of coordinates n.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Storage length of every per-coordinate vector: n rounded up to a multiple of [`LANES`].
    pub fn padded_len(&self) -> usize {
        self.z0.len() * LANES
    }

    /// The regularisation weight μ.
    pub fn mu(&self) -> f64 {
        self.mu
    }

    /// The centre c that the L2 term pulls towards.
    pub fn centre(&self) -> f64 {
        self.centre
    }

    /// The band [c − 1/(2μ), c + 1/(2μ)] of the seed's fit; `None` for μ = 0 (no pull,
    /// z* = z0) and for every variant (weighted bands: [`crate::core::variants::band`]).
    pub fn band(&self) -> Option<Band> {
        self.band
    }

    /// The fit term φ.
    pub fn fit(&self) -> Fit {
        self.fit
    }

    /// The weights wᵢ (n values; all 1 unless the problem is weighted).
    pub fn weights(&self) -> &[f32] {
        &floats(&self.w)[..self.n]
    }

    /// Which fit-term kernel the optimizers run.
    pub fn term(&self) -> Term {
        match self.fit {
            Fit::L1 if self.weighted => Term::WeightedL1,
            Fit::L1 => Term::SeedL1,
            Fit::PseudoHuber { delta } => Term::PseudoHuber(delta),
            Fit::L2 => Term::Squared,
        }
    }

    /// The data z0 (n values).
    pub fn z0(&self) -> &[f32] {
        &floats(&self.z0)[..self.n]
    }

    /// The exact minimiser z* of L(z) = Σ wᵢ·φ(zᵢ − z0ᵢ) + μ‖z − c‖₂² (n values), per
    /// coordinate [`crate::core::variants::optimum`] of (φ, z0ᵢ, wᵢ, μ, c) rounded to f32; for
    /// the seed's unweighted L1 it is clamp(z0, [`Problem::band`]) = clamp(z0, c ± 1/(2μ)).
    pub fn z_star(&self) -> &[f32] {
        &floats(&self.z_star)[..self.n]
    }

    /// The starting point of the seed, z = 0, in chunked storage (padding lanes hold c).
    pub fn initial_z(&self) -> Lanes {
        to_lanes(&vec![0.0; self.n], self.centre as f32)
    }

    /// fit(z) = Σ wᵢ·φ(zᵢ − z0ᵢ) (reference implementation, f64 accumulation; `z` has n
    /// values). The seed: Σ|zᵢ − z0ᵢ|.
    pub fn fit_loss(&self, z: &[f32]) -> f64 {
        z.iter()
            .zip(self.z0())
            .zip(self.weights())
            .map(|((&z, &a), &w)| f64::from(w) * self.fit.phi(f64::from(z) - f64::from(a)))
            .sum()
    }

    /// reg(z) = Σ(zᵢ − c)² (reference implementation, f64 accumulation).
    pub fn reg_loss(&self, z: &[f32]) -> f64 {
        let c = self.centre;
        z.iter().map(|&z| (f64::from(z) - c).powi(2)).sum()
    }

    /// L(z) = fit(z) + μ·reg(z).
    pub fn total_loss(&self, z: &[f32]) -> f64 {
        self.fit_loss(z) + self.mu * self.reg_loss(z)
    }

    /// The subgradient TensorFlow takes: gᵢ = sign(zᵢ − z0ᵢ) + 2μ(zᵢ − c), with sign(0) = 0;
    /// for a variant gᵢ = wᵢ·φ'(zᵢ − z0ᵢ) + 2μ(zᵢ − c).
    pub fn subgradient(&self, z: &[f32]) -> Vec<f64> {
        z.iter()
            .zip(self.z0())
            .zip(self.weights())
            .map(|((&z, &a), &w)| {
                f64::from(w) * self.fit.dphi(f64::from(z) - f64::from(a))
                    + 2.0 * self.mu * (f64::from(z) - self.centre)
            })
            .collect()
    }
}
