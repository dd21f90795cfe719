//! Bounded per-epoch history: every epoch for ordinary runs, min/max buckets for huge ones.
//!
//! A run of up to [`FULL_RESOLUTION`] planned epochs keeps every epoch (bucket width 1). A longer
//! run groups consecutive epochs into buckets of width w chosen so that about [`BUCKETS`] buckets
//! cover it, each keeping the min and the max of its epochs, so a spike survives decimation
//! and the chart's envelope stays honest. If a run outgrows its plan, neighbouring buckets merge
//! (w doubles), so memory stays bounded whatever happens.

use serde::{Deserialize, Serialize};

use crate::core::optim::stats::EpochStats;

/// Runs planned up to this many epochs keep every epoch (covers the seed's 25 000).
pub const FULL_RESOLUTION: u64 = 32_768;
/// Target bucket count for longer runs; a series never holds more than 2·BUCKETS buckets then.
pub const BUCKETS: u64 = 2_048;

/// The smaller of a bucket's min and a new value; NaN wins, so a diverging epoch is never
/// hidden inside a bucket or by a merge of buckets.
#[inline]
fn lower(a: f32, b: f32) -> f32 {
    if b < a || b.is_nan() {
        b
    } else {
        a
    }
}

/// The larger of a bucket's max and a new value; NaN wins as in [`lower`].
#[inline]
fn higher(a: f32, b: f32) -> f32 {
    if b > a || b.is_nan() {
        b
    } else {
        a
    }
}

/// One merge pass: each neighbouring pair (a, b) becomes [`higher`]`(a, b)` if `HIGH`, else
/// [`lower`]`(a, b)`; an odd last value is kept as it is. `VECTOR`: on wasm32, four pairs at a
/// time ([`wasm_simd`]); the scalar pass (`false`) is what tests hold the vector one to.
fn halve<const HIGH: bool, const VECTOR: bool>(v: &[f32]) -> Vec<f32> {
    let (pairs, rest) = v.as_chunks::<2>();
    let mut out = Vec::with_capacity(pairs.len() + rest.len());
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    if VECTOR {
        wasm_simd::halve_into::<HIGH>(pairs, &mut out);
    }
    let done = out.len();
    let pick = if HIGH { higher } else { lower };
    out.extend(pairs[done..].iter().map(|&[a, b]| pick(a, b)));
    out.extend_from_slice(rest);
    out
}

/// [`halve`] four pairs at a time in wasm's 128-bit vectors. LLVM leaves the pair loop scalar
/// for wasm32 (its deinterleaving shuffles look too dear to it): a finished seed run's answer
/// spent ≈ 0.5 ms of the worker's time in these merges in Chromium, against 55 µs natively.
/// Each lane computes what the scalar pick does: the right value where it is smaller (larger)
/// or NaN, else the left one, to the bit (tests/web.rs checks it against the scalar pass).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod wasm_simd {
    use core::arch::wasm32::{
        f32x4_gt, f32x4_lt, f32x4_ne, i32x4_shuffle, v128, v128_bitselect, v128_load, v128_or,
        v128_store,
    };

    /// Appends the picks of `pairs`' leading multiple of 4 pairs to `out` (empty, with room).
    pub fn halve_into<const HIGH: bool>(pairs: &[[f32; 2]], out: &mut Vec<f32>) {
        let (quads, _) = pairs.as_chunks::<4>();
        debug_assert!(out.is_empty() && out.capacity() >= 4 * quads.len());
        let dst = out.spare_capacity_mut().as_mut_ptr().cast::<v128>();
        for (k, quad) in quads.iter().enumerate() {
            let src = quad.as_ptr().cast::<v128>();
            // SAFETY: `quad` is 8 f32 (two v128, read unaligned, which wasm allows); `out` has
            // room for 4 values per quad (its capacity is at least the number of pairs).
            unsafe {
                let (x, y) = (v128_load(src), v128_load(src.add(1)));
                let a = i32x4_shuffle::<0, 2, 4, 6>(x, y);
                let b = i32x4_shuffle::<1, 3, 5, 7>(x, y);
                let wins = if HIGH { f32x4_gt(b, a) } else { f32x4_lt(b, a) };
                v128_store(
                    dst.add(k),
                    v128_bitselect(b, a, v128_or(wins, f32x4_ne(b, b))),
                );
            }
        }
        // SAFETY: the loop wrote 4 values per quad.
        unsafe { out.set_len(4 * quads.len()) };
    }
}

/// The merge pass as this target runs it (`vector`: on wasm32, vectorised), for tests that hold
/// the vector pass to the scalar one.
#[doc(hidden)]
pub fn halve_pass(v: &[f32], high: bool, vector: bool) -> Vec<f32> {
    match (high, vector) {
        (false, false) => halve::<false, false>(v),
        (false, true) => halve::<false, true>(v),
        (true, false) => halve::<true, false>(v),
        (true, true) => halve::<true, true>(v),
    }
}

/// One decimated series: bucket k covers epochs k·w + 1 ..= (k + 1)·w (epochs are 1-based).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Epochs per bucket, w.
    pub width: u64,
    /// Smallest value in each bucket.
    #[serde(with = "crate::core::floats::exact")]
    pub min: Vec<f32>,
    /// Largest value in each bucket; empty while buckets are one epoch wide (see [`Series::max`]).
    #[serde(with = "crate::core::floats::exact")]
    max: Vec<f32>,
    /// Epochs recorded into the last bucket so far (0 when it is complete).
    fill: u64,
    cap: usize,
}

impl Series {
    /// An empty series sized for `planned_epochs`.
    pub fn new(planned_epochs: u64) -> Self {
        let (width, cap) = if planned_epochs <= FULL_RESOLUTION {
            (1, FULL_RESOLUTION as usize)
        } else {
            (planned_epochs.div_ceil(BUCKETS), 2 * BUCKETS as usize)
        };
        // A run of one epoch per bucket fills `min` to its plan: reserved now, since growing it
        // by doubling copied each series 14 times in a seed run. With History::push's single
        // test, the seed run in wasm ran 3–6 % faster (V8, interleaved A/B of the same code).
        let reserve = if width == 1 {
            planned_epochs as usize
        } else {
            0
        };
        Self {
            width,
            min: Vec::with_capacity(reserve),
            max: Vec::new(),
            fill: 0,
            cap,
        }
    }

    /// Records the next epoch's value.
    #[inline]
    pub fn push(&mut self, x: f32) {
        if self.next_is_own_bucket() {
            self.min.push(x);
            return;
        }
        if self.fill == 0 {
            if self.min.len() == self.cap {
                self.compact();
            }
            self.min.push(x);
            self.max.push(x);
        } else {
            let k = self.min.len() - 1;
            self.min[k] = lower(self.min[k], x);
            self.max[k] = higher(self.max[k], x);
        }
        self.fill += 1;
        if self.fill == self.width {
            self.fill = 0;
        }
    }

    /// Whether the next epoch is a bucket of its own with room for it (every run of the seed's
    /// size): its min is its max, stored once, in `min` alone. Half the stores of the general
    /// path, on the seed run's per-epoch path.
    #[inline]
    fn next_is_own_bucket(&self) -> bool {
        self.width == 1 && self.min.len() < self.cap
    }

    /// Merges neighbouring buckets until at most [`BUCKETS`] remain (w doubles each time).
    fn compact(&mut self) {
        if self.min.len() > BUCKETS as usize {
            *self = self.merged_to(BUCKETS as usize);
        }
        self.cap = 2 * BUCKETS as usize;
    }

    /// Neighbouring buckets merged in groups of 2ᵏ (w grows 2ᵏ-fold), the smallest k that
    /// leaves at most `limit` buckets, read from `self` in one pass without copying it. The same
    /// buckets as k merges of pairs: a group's min is the min of its mins, whatever the order.
    fn merged_to(&self, limit: usize) -> Series {
        let mut group = 2;
        while self.min.len().div_ceil(group) > limit.max(1) {
            group *= 2;
        }
        // log₂(group) passes that each merge neighbouring pairs: a pass is one loop over pairs
        // ([`halve`]), where a fold per group is a chain of dependent compares (a finished seed
        // run's answer merged 6 × 25 000 values that way in ≈ 0.2 ms natively). The pick keeps
        // the left value unless the right one wins, so the pairs' tree picks the same value, to
        // the bit, as a left-to-right fold of each group would.
        fn fold<const HIGH: bool>(v: &[f32], group: usize) -> Vec<f32> {
            let mut out = halve::<HIGH, true>(v);
            for _ in 1..group.trailing_zeros() {
                out = halve::<HIGH, true>(&out);
            }
            out
        }
        let width = self.width * group as u64;
        let buckets = self.min.len().div_ceil(group) as u64;
        // The last bucket holds what the others do not: all epochs recorded, less theirs.
        let held = self.epochs() - (buckets - 1) * width;
        Series {
            width,
            min: fold::<false>(&self.min, group),
            max: fold::<true>(self.max(), group),
            fill: if held == width { 0 } else { held },
            cap: self.cap,
        }
    }

    /// A copy with at most `limit` buckets (neighbours merged, min of mins and max of maxes):
    /// what a chart needs, since it draws at most a few points per pixel column. The merge
    /// reads this series in place: a finished run's answer copies 6 × 25 000 values less.
    pub fn decimated(&self, limit: usize) -> Series {
        if self.min.len() <= limit.max(1) {
            return self.clone();
        }
        self.merged_to(limit)
    }

    /// Largest value in each bucket: the values themselves while buckets are one epoch wide.
    pub fn max(&self) -> &[f32] {
        if self.width == 1 {
            &self.min
        } else {
            &self.max
        }
    }

    /// Epochs recorded so far.
    pub fn epochs(&self) -> u64 {
        match self.fill {
            0 => self.min.len() as u64 * self.width,
            f => (self.min.len() as u64 - 1) * self.width + f,
        }
    }

    /// Number of buckets (points per min/max line).
    pub fn len(&self) -> usize {
        self.min.len()
    }

    /// Whether nothing has been recorded.
    pub fn is_empty(&self) -> bool {
        self.min.is_empty()
    }

    /// The last epoch covered by bucket k (1-based epochs).
    pub fn bucket_end_epoch(&self, k: usize) -> u64 {
        (k as u64 + 1) * self.width
    }
}

/// The six series the page draws, one value per epoch each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// fit = Σ wᵢ·φ(zᵢ − z0ᵢ) (the seed: Σ|zᵢ − z0ᵢ|).
    pub fit: Series,
    /// reg = Σ(zᵢ − c)².
    pub reg: Series,
    /// total = fit + μ·reg.
    pub total: Series,
    /// ‖g‖₂.
    pub grad_norm: Series,
    /// ‖z − z*‖∞.
    pub err_inf: Series,
    /// L(z) − L(z*).
    pub subopt: Series,
}

impl History {
    /// Empty history sized for `planned_epochs`.
    pub fn new(planned_epochs: u64) -> Self {
        // Six `new`s, not clones: a clone would not keep the reserved capacity.
        let s = || Series::new(planned_epochs);
        Self {
            fit: s(),
            reg: s(),
            total: s(),
            grad_norm: s(),
            err_inf: s(),
            subopt: s(),
        }
    }

    /// The six series, in the order of the fields.
    pub fn series(&self) -> [&Series; 6] {
        [
            &self.fit,
            &self.reg,
            &self.total,
            &self.grad_norm,
            &self.err_inf,
            &self.subopt,
        ]
    }

    /// A copy with at most `limit` buckets per series (see [`Series::decimated`]).
    pub fn decimated(&self, limit: usize) -> History {
        Self {
            fit: self.fit.decimated(limit),
            reg: self.reg.decimated(limit),
            total: self.total.decimated(limit),
            grad_norm: self.grad_norm.decimated(limit),
            err_inf: self.err_inf.decimated(limit),
            subopt: self.subopt.decimated(limit),
        }
    }

    /// Records one epoch.
    #[inline]
    pub fn push(&mut self, e: &EpochStats) {
        // The six series are only ever pushed together, so they share width, length and cap:
        // the seed run's case (one epoch per bucket, room left) is tested once, not six times
        // in six calls (wasm kept them as calls: ≈ 10 % of a seed run's samples in V8).
        if self.fit.next_is_own_bucket() {
            self.fit.min.push(e.fit);
            self.reg.min.push(e.reg);
            self.total.min.push(e.total);
            self.grad_norm.min.push(e.grad_norm);
            self.err_inf.min.push(e.err_inf);
            self.subopt.min.push(e.subopt);
            return;
        }
        self.fit.push(e.fit);
        self.reg.push(e.reg);
        self.total.push(e.total);
        self.grad_norm.push(e.grad_norm);
        self.err_inf.push(e.err_inf);
        self.subopt.push(e.subopt);
    }
}
