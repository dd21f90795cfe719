//! Tournesol-style per-coordinate weights: an entity compared nᵢ times gets
//! wᵢ = λ·nᵢ/(C + nᵢ), which grows from 0 (never compared) towards λ (compared often).
//! The counts come from a small seeded PRNG so a preset is reproducible bit for bit.

/// The largest count [`comparison_counts`] draws.
pub const MAX_COUNT: u32 = 20;

/// wᵢ = λ·nᵢ/(C + nᵢ) for each count nᵢ (λ = 2, C = 3 in the preset), in f64 then rounded to
/// f32. nᵢ = 0 gives 0 (also when C = 0). λ and C are meant to be finite and ≥ 0; a weight the
/// formula leaves non-finite (e.g. C = −nᵢ) is returned as 0, so no NaN or ∞ ever leaves.
pub fn tournesol_weights(lambda: f64, c_cap: f64, counts: &[u32]) -> Vec<f32> {
    counts
        .iter()
        .map(|&n| {
            let n = f64::from(n);
            let w = if n == 0.0 {
                0.0
            } else {
                lambda * n / (c_cap + n)
            };
            let w = w as f32;
            if w.is_finite() {
                w
            } else {
                0.0
            }
        })
        .collect()
}

/// n comparison counts, independent and uniform on 0..=[`MAX_COUNT`] (mean 10), drawn from
/// SplitMix64 seeded with `seed`: the i-th count is ⌊21·xᵢ/2³²⌋ where xᵢ is the high 32 bits of
/// SplitMix64's i-th output (Lemire's multiply-shift; bias below 21/2³² per value).
/// Deterministic: the same (seed, n) always gives the same counts, and a longer draw extends a
/// shorter one.
pub fn comparison_counts(seed: u64, n: usize) -> Vec<u32> {
    let mut rng = SplitMix64(seed);
    (0..n)
        .map(|_| (((rng.next_u64() >> 32) * u64::from(MAX_COUNT + 1)) >> 32) as u32)
        .collect()
}

/// SplitMix64 (Steele, Lea & Flood 2014; the seeder of xoshiro): state += γ, then a mix.
pub(crate) struct SplitMix64(pub(crate) u64);

impl SplitMix64 {
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}
