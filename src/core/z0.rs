//! The data z0: the seed's linspace and the other shapes a lecturer reaches for. Every preset
//! spans [lo, hi] with n values and is deterministic in (lo, hi, n, seed), so a link that names
//! a preset and a seed reproduces its z0 bit for bit at any n.

use serde::{Deserialize, Serialize};

use crate::core::problem::linspace;
use crate::core::variants::tournesol::SplitMix64;

/// A z0 shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Z0Preset {
    /// The seed: linspace(lo, hi, n).
    #[default]
    Linspace,
    /// linspace plus seeded normal noise of standard deviation (hi − lo)/20: inside the band z
    /// follows every wiggle, outside the band the wiggles vanish.
    Noise,
    /// Five equal plateaus from lo to hi: whole groups clamp together.
    Steps,
    /// Two periods of a sine between lo and hi: the band cuts off its crests and troughs.
    Sine,
}

impl Z0Preset {
    /// Every preset, in menu order.
    pub const ALL: [Z0Preset; 4] = [
        Z0Preset::Linspace,
        Z0Preset::Noise,
        Z0Preset::Steps,
        Z0Preset::Sine,
    ];

    /// The link spelling: `linspace`, `noise`, `steps`, `sine`.
    pub fn key(self) -> &'static str {
        match self {
            Z0Preset::Linspace => "linspace",
            Z0Preset::Noise => "noise",
            Z0Preset::Steps => "steps",
            Z0Preset::Sine => "sine",
        }
    }

    /// The preset spelled `key`, if any.
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The human name, for menus.
    pub fn label(self) -> &'static str {
        match self {
            Z0Preset::Linspace => "straight line (the seed)",
            Z0Preset::Noise => "line + normal noise",
            Z0Preset::Steps => "five steps",
            Z0Preset::Sine => "sine, two periods",
        }
    }

    /// The n values of this preset over [lo, hi] (lo < hi), using `seed` for the noise.
    pub fn values(self, lo: f64, hi: f64, n: usize, seed: u64) -> Vec<f32> {
        let t = |i: usize| {
            if n > 1 {
                i as f64 / (n - 1) as f64
            } else {
                0.0
            }
        };
        match self {
            Z0Preset::Linspace => linspace(lo, hi, n),
            Z0Preset::Noise => {
                let sd = (hi - lo) / 20.0;
                let mut normal = Normal::new(seed);
                linspace(lo, hi, n)
                    .into_iter()
                    .map(|x| (f64::from(x) + sd * normal.next()) as f32)
                    .collect()
            }
            Z0Preset::Steps => (0..n)
                .map(|i| {
                    let level = (t(i) * 5.0).floor().min(4.0);
                    (lo + (hi - lo) * level / 4.0) as f32
                })
                .collect(),
            Z0Preset::Sine => (0..n)
                .map(|i| {
                    let s = (2.0 * std::f64::consts::TAU * t(i)).sin();
                    (lo + (hi - lo) * (s + 1.0) / 2.0) as f32
                })
                .collect(),
        }
    }
}

/// Standard normal draws (Box–Muller on SplitMix64), deterministic in the seed. The stream is
/// keyed apart from the Tournesol comparison counts, which share the link's seed.
struct Normal {
    rng: SplitMix64,
    spare: Option<f64>,
}

impl Normal {
    fn new(seed: u64) -> Self {
        Self {
            rng: SplitMix64(seed ^ 0x6E6F_6973_655F_7A30), // "noise_z0"
            spare: None,
        }
    }

    /// A uniform draw in (0, 1]: 53 random bits, never 0 (ln 0 would be −∞).
    fn uniform(&mut self) -> f64 {
        ((self.rng.next_u64() >> 11) + 1) as f64 / (1u64 << 53) as f64
    }

    fn next(&mut self) -> f64 {
        if let Some(x) = self.spare.take() {
            return x;
        }
        let (u, v) = (self.uniform(), self.uniform());
        let r = (-2.0 * u.ln()).sqrt();
        let a = std::f64::consts::TAU * v;
        self.spare = Some(r * a.sin());
        r * a.cos()
    }
}
