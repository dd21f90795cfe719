//! The problem L(z) = ‖z − z0‖₁ + μ‖z − c‖₂², its losses and its subgradient.
//!
//! Values are f32 as in the seed (TensorFlow's `tf.Variable(tf.zeros(n))` is float32), and the
//! per-coordinate vectors are padded to a multiple of [`LANES`] so the optimizer's hot loop
//! runs over whole SIMD chunks only. A padding lane has z = z0 = z* = c: its subgradient is
//! exactly 0 and it adds exactly 0 to every loss, so it never moves and never shows.

use wide::f32x8;

use crate::core::analytic::{clamp_solution, Band};

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

/// Why a problem cannot be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProblemError {
    /// n = 0: there is nothing to optimise.
    #[error("the problem needs at least one coordinate (n ≥ 1)")]
    Empty,
    /// μ must be a finite number ≥ 0 (μ < 0 would reward moving away from c: L is unbounded).
    #[error("μ must be a finite number ≥ 0, got {0}")]
    BadMu(f64),
    /// c and every z0ᵢ must be finite.
    #[error("z0 and the centre c must be finite numbers")]
    NonFinite,
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
    /// z0, padded with c to a multiple of [`LANES`].
    pub(crate) z0: Lanes,
    /// z* = clamp(z0, band), padded with c.
    pub(crate) z_star: Lanes,
    /// |z*ᵢ − z0ᵢ|: the fit loss of z* per coordinate, for L(z) − L(z*) without cancellation.
    pub(crate) fit_star: Lanes,
    /// (z*ᵢ − c)²: the regulariser of z* per coordinate.
    pub(crate) reg_star: Lanes,
}

impl Problem {
    /// Builds the problem for data `z0`, weight `mu` ≥ 0 and centre `centre` (the seed's 1).
    pub fn new(z0: &[f32], mu: f64, centre: f64) -> Result<Self, ProblemError> {
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
        let c = centre as f32;
        let band = Band::for_mu(mu, centre);
        let z_star = clamp_solution(z0, band);
        let fit_star: Vec<f32> = z_star.iter().zip(z0).map(|(s, a)| (s - a).abs()).collect();
        let reg_star: Vec<f32> = z_star.iter().map(|s| (s - c) * (s - c)).collect();
        Ok(Self {
            n,
            mu,
            centre,
            band,
            z0: to_lanes(z0, c),
            z_star: to_lanes(&z_star, c),
            fit_star: to_lanes(&fit_star, 0.0),
            reg_star: to_lanes(&reg_star, 0.0),
        })
    }

    /// The seed problem: z0 = linspace(−10, 10, 100), c = 1, at weight `mu`.
    pub fn seed(mu: f64) -> Self {
        Self::new(&linspace(-10.0, 10.0, 100), mu, 1.0).expect("the seed problem is valid")
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

    /// The band [c − 1/(2μ), c + 1/(2μ)]; `None` for μ = 0 (no pull, z* = z0).
    pub fn band(&self) -> Option<Band> {
        self.band
    }

    /// The data z0 (n values).
    pub fn z0(&self) -> &[f32] {
        &floats(&self.z0)[..self.n]
    }

    /// The exact minimiser z* = clamp(z0, band) (n values).
    pub fn z_star(&self) -> &[f32] {
        &floats(&self.z_star)[..self.n]
    }

    /// The starting point of the seed, z = 0, in chunked storage (padding lanes hold c).
    pub fn initial_z(&self) -> Lanes {
        to_lanes(&vec![0.0; self.n], self.centre as f32)
    }

    /// fit(z) = Σ|zᵢ − z0ᵢ| (reference implementation, f64 accumulation; `z` has n values).
    pub fn fit_loss(&self, z: &[f32]) -> f64 {
        z.iter()
            .zip(self.z0())
            .map(|(&z, &a)| (f64::from(z) - f64::from(a)).abs())
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

    /// The subgradient TensorFlow takes: gᵢ = sign(zᵢ − z0ᵢ) + 2μ(zᵢ − c), with sign(0) = 0.
    pub fn subgradient(&self, z: &[f32]) -> Vec<f64> {
        z.iter()
            .zip(self.z0())
            .map(|(&z, &a)| {
                sign0(f64::from(z) - f64::from(a)) + 2.0 * self.mu * (f64::from(z) - self.centre)
            })
            .collect()
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
