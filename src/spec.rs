//! What a run is: the problem it solves, as a link and a [`RunSpec`] describe it: where z0 comes from, the
//! fit term, the centre and the weights. One place turns that description into numbers — z0,
//! the weights, the [`Problem`], its optimum and its bands — so the worker, the charts and the
//! exports can never disagree about it.

use serde::{Deserialize, Serialize};

use crate::core::optim::schedule::Decay;
use crate::core::optim::OptimizerKind;
use crate::core::variants::{band, comparison_counts, tournesol_weights, Fit};
use crate::core::z0::Z0Preset;
use crate::core::{AdamConfig, Problem};

/// What to compute: the problem, the optimizer and how much to record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunSpec {
    /// μ ≥ 0.
    pub mu: f64,
    /// The centre c of the L2 pull (the seed's 1).
    pub centre: f64,
    /// z0's smallest value (for a preset; see [`RunSpec::z0`]).
    pub z0min: f64,
    /// Last value of z0.
    pub z0max: f64,
    /// Number of coordinates.
    pub n: usize,
    /// Adam's hyper-parameters.
    pub adam: AdamConfig,
    /// Epochs to run.
    pub epochs: u64,
    /// z snapshots to keep for "watch it learn" playback (0: only the final z).
    pub snapshots: u32,
    /// The optimizer (Adam unless a link says otherwise).
    #[serde(default)]
    pub opt: OptimizerKind,
    /// Learning-rate decay.
    #[serde(default)]
    pub decay: Decay,
    /// Where z0 comes from (z0min, z0max and n shape a preset).
    #[serde(default)]
    pub z0: Z0Spec,
    /// The seed of the noise preset and of the Tournesol comparison counts.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// The fit term φ.
    #[serde(default)]
    pub fit: Fit,
    /// The weights wᵢ of the fit term.
    #[serde(default)]
    pub weights: Weights,
}

fn default_seed() -> u64 {
    1
}

impl RunSpec {
    /// What a decoded answer holds until the page puts back the spec it sent (the wire does
    /// not carry it: see [`crate::protocol::RunResult::spec`]): the seed's run with no epochs.
    pub fn unsent() -> Self {
        RunSpec {
            mu: 0.0,
            centre: 1.0,
            z0min: -10.0,
            z0max: 10.0,
            n: 0,
            adam: AdamConfig::default(),
            epochs: 0,
            snapshots: 0,
            opt: OptimizerKind::default(),
            decay: Decay::default(),
            z0: Z0Spec::default(),
            seed: 1,
            fit: Fit::default(),
            weights: Weights::default(),
        }
    }

    /// The same run with another optimizer (compare mode).
    pub fn with_opt(&self, opt: OptimizerKind) -> Self {
        Self {
            opt,
            ..self.clone()
        }
    }

    /// The optimizer's full configuration.
    pub fn optimizer(&self) -> crate::core::optim::OptimizerConfig {
        crate::core::optim::OptimizerConfig {
            kind: self.opt,
            adam: self.adam,
            decay: self.decay,
            ..Default::default()
        }
    }
}

/// What a sweep computes: the same run for each μ of a grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SweepSpec {
    /// Everything but μ (its `mu` is ignored).
    pub base: RunSpec,
    /// The μ grid, in order.
    pub mus: Vec<f64>,
}

impl SweepSpec {
    /// What a decoded sweep answer holds until the page puts back its spec ([`RunSpec::unsent`]).
    pub fn unsent() -> Self {
        SweepSpec {
            base: RunSpec::unsent(),
            mus: Vec::new(),
        }
    }
}

/// Where z0 comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Z0Spec {
    /// A preset over [z0min, z0max] with n values (and the seed, for the noise).
    Preset(Z0Preset),
    /// Values typed, pasted or dragged (as the link carries them: see [`crate::link::z0_code`]).
    Values(Vec<f32>),
}

impl Z0Spec {
    /// The values: a preset's n values over [lo, hi] (with `seed` for the noise), or the given
    /// values (which decide n).
    pub fn values(&self, lo: f64, hi: f64, n: usize, seed: u64) -> Vec<f32> {
        match self {
            Z0Spec::Preset(p) => p.values(lo, hi, n, seed),
            Z0Spec::Values(v) => v.clone(),
        }
    }
}

impl Default for Z0Spec {
    fn default() -> Self {
        Z0Spec::Preset(Z0Preset::Linspace)
    }
}

/// The weights wᵢ of the fit term.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub enum Weights {
    /// Every wᵢ = 1 (the seed).
    #[default]
    Uniform,
    /// Tournesol's wᵢ = λ·nᵢ/(C + nᵢ), with comparison counts nᵢ drawn from the seed.
    Tournesol {
        /// λ, the weight of an entity compared very often.
        lambda: f64,
        /// C, the number of comparisons at which wᵢ reaches λ/2.
        cap: f64,
    },
}

/// The exact optimum of a run's problem and how to draw it.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// z* (n values).
    pub z_star: Vec<f32>,
    /// Per-coordinate bands [c − wᵢ/(2μ), c + wᵢ/(2μ)] of a weighted L1 fit (`None` for the
    /// seed's single band, for μ = 0 and for the smooth fits, which have no band).
    pub bands: Option<Vec<(f64, f64)>>,
    /// Coordinates held away from z0 by the pull: z*ᵢ ≠ z0ᵢ (the seed's "k clamped").
    pub moved: usize,
    /// The weights wᵢ ([`RunSpec::weights`]: empty when all are 1).
    pub weights: Vec<f32>,
}

impl RunSpec {
    /// z0 (n values for a preset; the given values otherwise).
    pub fn z0(&self) -> Vec<f32> {
        self.z0.values(self.z0min, self.z0max, self.n, self.seed)
    }

    /// The weights wᵢ for `n` coordinates; empty for the uniform weights (every wᵢ = 1).
    pub fn weights(&self, n: usize) -> Vec<f32> {
        match self.weights {
            Weights::Uniform => Vec::new(),
            Weights::Tournesol { lambda, cap } => {
                tournesol_weights(lambda, cap, &comparison_counts(self.seed, n))
            }
        }
    }

    /// The problem at weight `mu`; `Err` says what is wrong for a person.
    pub fn problem(&self, mu: f64) -> Result<Problem, String> {
        let z0 = self.z0();
        let w = self.weights(z0.len());
        Problem::variant(&z0, mu, self.centre, self.fit, &w).map_err(|e| e.to_string())
    }

    /// The problem at weight `mu` restricted to the coordinates `block` (a worker's share of a
    /// split run): z0 and the weights of the whole problem, sliced, so each coordinate is the
    /// one the whole problem has. `Err` as [`RunSpec::problem`], or for a block outside z0.
    pub fn block_problem(&self, mu: f64, block: std::ops::Range<usize>) -> Result<Problem, String> {
        let z0 = self.z0();
        let Some(part) = z0.get(block.clone()) else {
            return Err("a block outside z0".into());
        };
        // Uniform weights are an empty list, of which no block is a slice.
        let w = self.weights(z0.len());
        let w = w.get(block).unwrap_or(&[]);
        Problem::variant(part, mu, self.centre, self.fit, w).map_err(|e| e.to_string())
    }

    /// The optimum at `mu` and its bands, for the charts and exports (an invalid problem, which
    /// the worker reports, gives z* = z0).
    pub fn reference(&self, mu: f64) -> Reference {
        let z0 = self.z0();
        let Ok(problem) = self.problem(mu) else {
            return Reference {
                moved: 0,
                z_star: z0,
                bands: None,
                weights: Vec::new(),
            };
        };
        let bands =
            (self.fit == Fit::L1 && self.weights != Weights::Uniform && mu > 0.0).then(|| {
                problem
                    .weights()
                    .iter()
                    .map(|&w| {
                        band(f64::from(w), mu, self.centre).unwrap_or((self.centre, self.centre))
                    })
                    .collect()
            });
        let z_star = problem.z_star().to_vec();
        let moved = z_star.iter().zip(&z0).filter(|(s, a)| s != a).count();
        let weights = match self.weights {
            Weights::Uniform => Vec::new(),
            _ => problem.weights().to_vec(),
        };
        Reference {
            z_star,
            bands,
            moved,
            weights,
        }
    }

    /// Whether this is the seed's problem shape (L1, every weight 1), whose optimum is one band.
    pub fn is_seed_shape(&self) -> bool {
        self.fit == Fit::L1 && self.weights == Weights::Uniform
    }

    /// The band the charts and readouts show: the seed's shape with μ > 0 only (the variants
    /// have per-coordinate bands or none).
    pub fn band(&self) -> Option<crate::core::Band> {
        crate::core::Band::for_mu(self.mu, self.centre).filter(|_| self.is_seed_shape())
    }
}

impl RunSpec {
    /// The problem in a few words for titles: "L1 fit", "pseudo-Huber fit (δ = 0.5)",
    /// "L2 fit", with ", Tournesol weights (λ = 2, C = 3)" and ", c = 0" when they apply.
    pub fn problem_label(&self) -> String {
        let m = &t().names;
        let mut out = match self.fit {
            Fit::L1 => m.l1_fit.to_string(),
            Fit::PseudoHuber { delta } => fill(m.huber_fit, &[("delta", &num(delta))]),
            Fit::L2 => m.l2_fit.to_string(),
        };
        if let Weights::Tournesol { lambda, cap } = self.weights {
            let (lambda, cap) = (num(lambda), num(cap));
            out.push_str(&fill(
                m.tournesol_weights,
                &[("lambda", &lambda), ("cap", &cap)],
            ));
        }
        if self.centre != 1.0 {
            out.push_str(&format!(", c = {}", num(self.centre)));
        }
        out
    }

    /// The legend's name for z*.
    pub fn star_label(&self) -> &'static str {
        match (self.fit, self.weights) {
            (Fit::L1, Weights::Uniform) => t().names.star_l1,
            (Fit::L1, _) => "z*ᵢ = clamp(z0ᵢ, c ± wᵢ/(2μ))",
            (Fit::PseudoHuber { .. }, _) => t().names.star_huber,
            (Fit::L2, _) => "z* = (w·z0 + μc)/(w + μ)",
        }
    }
}

use crate::i18n::{fill, num, t};
