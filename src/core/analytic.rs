//! The closed-form optimum: the oracle for tests and the reference line on the charts.
//!
//! L is separable: coordinate i minimises lᵢ(z) = |z − z0ᵢ| + μ(z − c)². Its subdifferential is
//! sign(z − z0ᵢ) + 2μ(z − c), with [−1, 1] in place of the sign at z = z0ᵢ. 0 lies in it at
//! z = z0ᵢ exactly when |2μ(z0ᵢ − c)| ≤ 1, i.e. z0ᵢ ∈ [c − 1/(2μ), c + 1/(2μ)] (the band);
//! outside the band the optimum is the band's nearer edge, where 2μ(z − c) = ±1 cancels the sign.
//! So z* = clamp(z0, band).

use serde::{Deserialize, Serialize};

/// The interval [lo, hi] = [c − 1/(2μ), c + 1/(2μ)] inside which z follows z0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// Lower edge c − 1/(2μ).
    pub lo: f64,
    /// Upper edge c + 1/(2μ).
    pub hi: f64,
}

impl Band {
    /// The smallest μ whose band is narrower than the z0 range [lo, hi] on some side, i.e. the
    /// first μ that clamps anything: 1/(2·max(hi − c, c − lo)); `None` when every z0 is c.
    pub fn clamping_starts(z0_range: (f64, f64), centre: f64) -> Option<f64> {
        let reach = (z0_range.1 - centre).max(centre - z0_range.0);
        (reach > 0.0).then(|| 1.0 / (2.0 * reach))
    }

    /// The band for weight μ and centre c; `None` when μ = 0 (or so small that 1/(2μ) is not
    /// finite): then nothing is clamped, and no infinity ever reaches a caller.
    pub fn for_mu(mu: f64, centre: f64) -> Option<Self> {
        let half_width = 1.0 / (2.0 * mu);
        (mu > 0.0 && half_width.is_finite()).then_some(Band {
            lo: centre - half_width,
            hi: centre + half_width,
        })
    }

    /// Half the band's width, 1/(2μ).
    pub fn half_width(&self) -> f64 {
        (self.hi - self.lo) / 2.0
    }

    /// Whether z0ᵢ lies strictly outside the band (its optimum sits on an edge).
    pub fn clamps(&self, z0: f32) -> bool {
        let x = f64::from(z0);
        x < self.lo || x > self.hi
    }
}

/// z* = clamp(z0, band) coordinate-wise; z* = z0 when there is no band (μ = 0).
pub fn clamp_solution(z0: &[f32], band: Option<Band>) -> Vec<f32> {
    match band {
        None => z0.to_vec(),
        Some(b) => z0
            .iter()
            .map(|&x| clamp(f64::from(x), b.lo, b.hi) as f32)
            .collect(),
    }
}

/// `x` within [lo, hi] (NaN stays NaN), as `f64::clamp` for lo ≤ hi. Not `f64::clamp`: its
/// lo ≤ hi assertion prints both bounds, which links Rust's float printer (~16 KB) into the
/// worker's wasm, which otherwise prints no number at all.
fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// k, the number of coordinates whose z0 lies outside the band ("k of n clamped").
pub fn clamped_count(z0: &[f32], band: Option<Band>) -> usize {
    band.map_or(0, |b| z0.iter().filter(|&&x| b.clamps(x)).count())
}

/// L(z*) = Σ|z*ᵢ − z0ᵢ| + μ Σ(z*ᵢ − c)², the minimum value of the loss (f64).
pub fn optimal_loss(z0: &[f32], mu: f64, centre: f64) -> f64 {
    let band = Band::for_mu(mu, centre);
    clamp_solution(z0, band)
        .iter()
        .zip(z0)
        .map(|(&s, &a)| {
            let (s, a) = (f64::from(s), f64::from(a));
            (s - a).abs() + mu * (s - centre).powi(2)
        })
        .sum()
}
