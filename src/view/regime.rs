//! The regime map's maths and words: which of three regions a point (μ, z0) of the plane lies
//! in, where the regions' boundaries run, and the sentences the map's panel shows.
//!
//! For the L1 fit, coordinate i's optimum is z*ᵢ = clamp(z0ᵢ, c − wᵢ/(2μ), c + wᵢ/(2μ)), so the
//! (μ, z0) plane splits along the curves z0 = c ± w/(2μ): below the lower curve z* is pinned to
//! the lower edge, between them z* = z0, above the upper curve z* is pinned to the upper edge.
//! With per-coordinate weights each coordinate has its own curves; the smooth fits (pseudo-Huber,
//! L2) pin nothing, so they have no regions. The μ axis is the μ slider's: positions 1..=501,
//! μ = 0.001 … 100 on a log scale.

mod words;

use crate::core::variants::{band, Fit};
use crate::link::mu_scale::{mu_at, round_sig, MAX_POSITION};
use crate::spec::RunSpec;

/// Where a point (μ, z0) of the plane lies for one weight w.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// z0 < c − w/(2μ): z* = c − w/(2μ).
    Lower,
    /// z0 within c ± w/(2μ) (or μ = 0): z* = z0.
    Inside,
    /// z0 > c + w/(2μ): z* = c + w/(2μ).
    Upper,
}

impl Region {
    /// The three regions, bottom to top.
    pub const ALL: [Region; 3] = [Region::Lower, Region::Inside, Region::Upper];
}

/// The region of z0 at weight μ ≥ 0 for centre c and weight w ≥ 0, and z* there (the L1
/// optimum, equal to [`optimum`]`(Fit::L1, …)` for finite inputs). μ = 0 (and NaN or negative
/// μ, taken as 0) is [`Region::Inside`] everywhere; a NaN or negative w counts as 0, whose band
/// is the point c. A z0 exactly on an edge is inside (z* = z0 = the edge).
pub fn classify(mu: f64, z0: f64, centre: f64, w: f64) -> (Region, f64) {
    let w = if w >= 0.0 { w } else { 0.0 };
    let mu = if mu >= 0.0 { mu } else { 0.0 };
    match band(w, mu, centre) {
        Some((lo, _)) if z0 < lo => (Region::Lower, lo),
        Some((_, hi)) if z0 > hi => (Region::Upper, hi),
        _ => (Region::Inside, z0),
    }
}

/// x to 4 significant digits, shortest form, with a true minus sign: "0.001023", "−1.5", "3.5"
/// (the readout's numbers; `format::short` keeps 4 decimals, too few for a μ under 0.01).
pub fn sig4(x: f64) -> String {
    let sign = if x < 0.0 { "−" } else { "" };
    format!("{sign}{}", round_sig(x.abs(), 4))
}

/// The boundary curves z0 = c ± w/(2μ) at each μ of `mus`: (μ, lower, upper). μ ≤ 0 has no
/// boundary (the whole line is inside) and is left out.
pub fn boundary(mus: &[f64], centre: f64, w: f64) -> Vec<(f64, f64, f64)> {
    mus.iter()
        .filter_map(|&mu| band(w.max(0.0), mu, centre).map(|(lo, hi)| (mu, lo, hi)))
        .collect()
}

/// `count` ≥ 2 values from `lo` to `hi` (both > 0), evenly spaced in log μ, ends included.
pub fn log_grid(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let last = count.max(2) - 1;
    (0..=last)
        .map(|k| lo * (hi / lo).powf(k as f64 / last as f64))
        .collect()
}

/// The map's μ axis: the μ slider's non-zero range, [μ at position 1, μ at the last position].
pub fn mu_axis() -> (f64, f64) {
    (mu_at(1), mu_at(MAX_POSITION))
}

/// The number with the fewest significant digits in [a, b] (the one nearest their middle among
/// those): what a pointer somewhere in that interval reads as ("0.2", not "0.2003").
pub fn roundest(a: f64, b: f64) -> f64 {
    let (a, b) = (a.min(b), a.max(b));
    if !(a.is_finite() && b.is_finite()) {
        return a / 2.0 + b / 2.0;
    }
    if a <= 0.0 && b >= 0.0 {
        return 0.0;
    }
    let mid = a / 2.0 + b / 2.0;
    let top = a.abs().max(b.abs()).log10().floor() as i32 + 1;
    for k in (top - 17..=top).rev() {
        // Divide by an exact power of ten, so 0.2 is the f64 nearest 0.2, not 2 × 0.1.
        let c = if k >= 0 {
            (mid / 10f64.powi(k)).round() * 10f64.powi(k)
        } else {
            (mid * 10f64.powi(-k)).round() / 10f64.powi(-k)
        };
        if (a..=b).contains(&c) {
            return c;
        }
    }
    mid
}

/// Where the map's plot area sits (CSS px, relative to the canvas' top-left corner) and what it
/// spans: μ on a log scale from `mu_lo` (left) to `mu_hi`, z0 from `z_lo` (bottom) to `z_hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapFrame {
    /// The plot area's left edge (the x of μ = `mu_lo`).
    pub left: f64,
    /// Its top edge (the y of z0 = `z_hi`).
    pub top: f64,
    /// Its width: `mu_hi` is at `left + width`.
    pub width: f64,
    /// Its height: `z_lo` is at `top + height`.
    pub height: f64,
    /// μ at the left edge (> 0).
    pub mu_lo: f64,
    /// μ at the right edge.
    pub mu_hi: f64,
    /// z0 at the bottom edge.
    pub z_lo: f64,
    /// z0 at the top edge.
    pub z_hi: f64,
}

impl MapFrame {
    /// The CSS x of μ (log scale).
    pub fn x_of(&self, mu: f64) -> f64 {
        self.left + self.width * (mu / self.mu_lo).ln() / (self.mu_hi / self.mu_lo).ln()
    }

    /// The CSS y of z0.
    pub fn y_of(&self, z0: f64) -> f64 {
        self.top + self.height * (self.z_hi - z0) / (self.z_hi - self.z_lo)
    }

    /// μ at CSS x (beyond the plot's ends too).
    pub fn mu_at_x(&self, x: f64) -> f64 {
        self.mu_lo * (self.mu_hi / self.mu_lo).powf((x - self.left) / self.width)
    }

    /// z0 at CSS y.
    pub fn z_at_y(&self, y: f64) -> f64 {
        self.z_hi - (y - self.top) / self.height * (self.z_hi - self.z_lo)
    }

    /// μ at CSS x, kept within the axis (a drag past either end stops there).
    pub fn mu_within(&self, x: f64) -> f64 {
        self.mu_at_x(x.clamp(self.left, self.left + self.width))
    }

    /// The point a pointer at CSS (x, y) names, as a person would read it: the roundest μ and
    /// z0 within `slack` px of (x, y) ([`roundest`]); `None` outside the plot area.
    pub fn point_at(&self, x: f64, y: f64, slack: f64) -> Option<(f64, f64)> {
        let inside = |v: f64, lo: f64, len: f64| v >= lo - 0.5 && v <= lo + len + 0.5;
        if !(inside(x, self.left, self.width) && inside(y, self.top, self.height)) {
            return None;
        }
        let mu = roundest(self.mu_at_x(x - slack), self.mu_at_x(x + slack));
        let z0 = roundest(self.z_at_y(y + slack), self.z_at_y(y - slack));
        Some((mu.clamp(self.mu_lo, self.mu_hi), z0))
    }
}

/// What the regime map shows: the problem's shape (fit, centre, weights), its z0 and the
/// current μ.
#[derive(Debug, Clone, PartialEq)]
pub struct Regimes {
    /// The current μ ≥ 0 (the vertical line).
    pub mu: f64,
    /// The centre c.
    pub centre: f64,
    /// The fit term: only L1 pins, so only L1 has regions.
    pub fit: Fit,
    /// The data.
    pub z0: Vec<f32>,
    /// Per-coordinate weights; empty when every wᵢ = 1.
    pub weights: Vec<f32>,
}

impl Regimes {
    /// The map of a run's problem at its μ.
    pub fn of(spec: &RunSpec) -> Self {
        let z0 = spec.z0();
        let weights = spec.weights(z0.len());
        Self {
            mu: spec.mu,
            centre: spec.centre,
            fit: spec.fit,
            z0,
            weights,
        }
    }

    /// Whether the fit pins z* to band edges (L1), i.e. whether the map has regions.
    pub fn pins(&self) -> bool {
        self.fit == Fit::L1
    }

    /// Whether every coordinate has the same weight (the seed's w = 1, or one repeated value).
    pub fn uniform(&self) -> bool {
        let (lo, hi) = self.weight_range();
        lo == hi
    }

    /// Coordinate i's weight.
    pub fn weight(&self, i: usize) -> f64 {
        self.weights.get(i).map_or(1.0, |&w| f64::from(w))
    }

    /// The smallest and largest weight ((1, 1) for the seed).
    pub fn weight_range(&self) -> (f64, f64) {
        let w = self.distinct_weights();
        (w[0], w[w.len() - 1])
    }

    /// The distinct weights, ascending ([1] for the seed).
    pub fn distinct_weights(&self) -> Vec<f64> {
        let mut w: Vec<f64> = self.weights.iter().map(|&x| f64::from(x)).collect();
        if w.is_empty() {
            w.push(1.0);
        }
        w.sort_by(f64::total_cmp);
        w.dedup();
        w
    }

    /// The z0 axis: the data's range and c, with a tenth of that span of room on each side.
    pub fn z_axis(&self) -> (f64, f64) {
        let finite = self
            .z0
            .iter()
            .map(|&v| f64::from(v))
            .filter(|v| v.is_finite());
        let (lo, hi) = finite.fold((self.centre, self.centre), |(a, b), v| (a.min(v), b.max(v)));
        let pad = ((hi - lo) * 0.1).max(0.5);
        (lo - pad, hi + pad)
    }

    /// Each coordinate's region at the current μ (by its own weight); `None` for a smooth fit.
    pub fn regions(&self) -> Option<Vec<Region>> {
        self.pins().then(|| {
            self.z0
                .iter()
                .enumerate()
                .map(|(i, &v)| classify(self.mu, f64::from(v), self.centre, self.weight(i)).0)
                .collect()
        })
    }

    /// How many coordinates lie in each region at the current μ (lower, inside, upper).
    pub fn counts(&self) -> Option<[usize; 3]> {
        let regions = self.regions()?;
        let count = |r: Region| regions.iter().filter(|&&x| x == r).count();
        Some(Region::ALL.map(count))
    }
}
