//! Optimizers. Each does one step per call; the loop, stopping and recording live in
//! [`crate::core::run`].
//!
//! Every optimizer minimises L(z) = ‖z − z0‖₁ + μ‖z − c‖² from the subgradient
//! g = sign(z − z0) + 2μ(z − c) (sign(0) = 0), except [`prox::Prox`], which handles the ‖·‖₁
//! term exactly by its proximal map. Each `step` returns the [`EpochStats`] measured at z
//! *before* it moves z. [`Optimizer`] picks one by [`OptimizerKind`]; [`OptimizerConfig`]
//! carries the settings they share.

pub mod adagrad;
pub mod adam;
pub mod fit_term;
pub mod measure;
pub mod momentum;
pub mod prox;
pub mod rmsprop;
pub mod schedule;
pub mod sgd;
pub mod step_size;

use serde::{Deserialize, Serialize};
use wide::f32x8;

use crate::core::problem::Problem;
use adagrad::Adagrad;
use adam::{Adam, AdamConfig};
use momentum::Momentum;
use prox::Prox;
use rmsprop::RmsProp;
pub use schedule::Decay;
use sgd::Sgd;

/// What one epoch measured, at z *before* that epoch's step (as the seed records them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct EpochStats {
    /// fit = Σ|zᵢ − z0ᵢ|.
    pub fit: f32,
    /// reg = Σ(zᵢ − c)².
    pub reg: f32,
    /// total = fit + μ·reg.
    pub total: f32,
    /// ‖g‖₂ of the subgradient g = sign(z − z0) + 2μ(z − c).
    pub grad_norm: f32,
    /// ‖z − z*‖∞, the distance to the exact optimum.
    pub err_inf: f32,
    /// L(z) − L(z*) ≥ 0, summed per coordinate (each term is ≥ 0, so no cancellation).
    pub subopt: f32,
}

impl EpochStats {
    /// Whether every measured value is a finite number (a run diverges when one is not).
    pub fn is_finite(&self) -> bool {
        [
            self.fit,
            self.reg,
            self.total,
            self.grad_norm,
            self.err_inf,
            self.subopt,
        ]
        .iter()
        .all(|x| x.is_finite())
    }
}

/// Which optimizer a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum OptimizerKind {
    /// Adam, bit for bit Keras' (the seed's `tf.optimizers.Adam()`).
    #[default]
    Adam,
    /// Plain subgradient descent z ← z − lr·g.
    Sgd,
    /// Heavy-ball momentum v ← m·v − lr·g, z ← z + v.
    Momentum,
    /// Nesterov momentum v ← m·v − lr·g, z ← z + m·v − lr·g.
    Nesterov,
    /// RMSprop: z ← z − lr·g/√(s + ε), s the running mean of g².
    RmsProp,
    /// Adagrad: z ← z − lr·g/√(a + ε), a the running sum of g².
    Adagrad,
    /// Proximal gradient: a gradient step on μ‖z − c‖², then soft-thresholding towards z0.
    Prox,
}

impl OptimizerKind {
    /// Every kind, in the order a menu lists them.
    pub const ALL: [OptimizerKind; 7] = [
        OptimizerKind::Adam,
        OptimizerKind::Sgd,
        OptimizerKind::Momentum,
        OptimizerKind::Nesterov,
        OptimizerKind::RmsProp,
        OptimizerKind::Adagrad,
        OptimizerKind::Prox,
    ];

    /// The short key used in links and files: "adam", "sgd", "momentum", "nesterov",
    /// "rmsprop", "adagrad" or "prox"; [`OptimizerKind::parse`] reads it back.
    pub fn key(self) -> &'static str {
        match self {
            OptimizerKind::Adam => "adam",
            OptimizerKind::Sgd => "sgd",
            OptimizerKind::Momentum => "momentum",
            OptimizerKind::Nesterov => "nesterov",
            OptimizerKind::RmsProp => "rmsprop",
            OptimizerKind::Adagrad => "adagrad",
            OptimizerKind::Prox => "prox",
        }
    }

    /// The kind whose [`key`](OptimizerKind::key) is `key` (exact, lower case), if any.
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The human name, for menus and legends.
    pub fn label(self) -> &'static str {
        match self {
            OptimizerKind::Adam => "Adam",
            OptimizerKind::Sgd => "SGD",
            OptimizerKind::Momentum => "SGD with momentum",
            OptimizerKind::Nesterov => "Nesterov momentum",
            OptimizerKind::RmsProp => "RMSprop",
            OptimizerKind::Adagrad => "Adagrad",
            OptimizerKind::Prox => "Proximal gradient",
        }
    }
}

/// The settings of a run's optimizer. Fields an optimizer does not use are ignored by it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OptimizerConfig {
    /// Which optimizer.
    pub kind: OptimizerKind,
    /// Adam's lr, β1, β2, ε. The learning rate lr is shared by every optimizer (the
    /// proximal gradient uses it only at μ = 0); β1, β2, ε are Adam's alone.
    pub adam: AdamConfig,
    /// The momentum m of [`OptimizerKind::Momentum`] and [`OptimizerKind::Nesterov`] (0.9).
    pub momentum: f64,
    /// Learning-rate decay lrₜ = lr·sₜ, for every optimizer but the proximal gradient.
    pub decay: Decay,
}

impl Default for OptimizerConfig {
    /// Keras-default Adam, m = 0.9, no decay: the seed's optimizer.
    fn default() -> Self {
        Self {
            kind: OptimizerKind::Adam,
            adam: AdamConfig::default(),
            momentum: 0.9,
            decay: Decay::None,
        }
    }
}

/// A running optimizer of any kind: one state, one step per call (enum dispatch per epoch).
#[derive(Debug, Clone)]
pub enum Optimizer {
    /// [`Adam`] (with its decay, if any).
    Adam(Adam),
    /// [`Sgd`].
    Sgd(Sgd),
    /// [`Momentum`], heavy ball or Nesterov.
    Momentum(Momentum),
    /// [`RmsProp`].
    RmsProp(RmsProp),
    /// [`Adagrad`].
    Adagrad(Adagrad),
    /// [`Prox`].
    Prox(Prox),
}

impl Optimizer {
    /// Fresh state of `config.kind` for `padded_len` coordinates (see
    /// [`Problem::padded_len`]).
    pub fn new(config: &OptimizerConfig, padded_len: usize) -> Self {
        match config.kind {
            OptimizerKind::Adam => {
                Self::Adam(Adam::new(config.adam, padded_len).with_decay(config.decay))
            }
            OptimizerKind::Sgd => Self::Sgd(Sgd::new(config, padded_len)),
            OptimizerKind::Momentum | OptimizerKind::Nesterov => {
                Self::Momentum(Momentum::new(config, padded_len))
            }
            OptimizerKind::RmsProp => Self::RmsProp(RmsProp::new(config, padded_len)),
            OptimizerKind::Adagrad => Self::Adagrad(Adagrad::new(config, padded_len)),
            OptimizerKind::Prox => Self::Prox(Prox::new(config, padded_len)),
        }
    }

    /// Which kind this is.
    pub fn kind(&self) -> OptimizerKind {
        match self {
            Self::Adam(_) => OptimizerKind::Adam,
            Self::Sgd(_) => OptimizerKind::Sgd,
            Self::Momentum(o) if o.nesterov() => OptimizerKind::Nesterov,
            Self::Momentum(_) => OptimizerKind::Momentum,
            Self::RmsProp(_) => OptimizerKind::RmsProp,
            Self::Adagrad(_) => OptimizerKind::Adagrad,
            Self::Prox(_) => OptimizerKind::Prox,
        }
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u64 {
        match self {
            Self::Adam(o) => o.steps(),
            Self::Sgd(o) => o.steps(),
            Self::Momentum(o) => o.steps(),
            Self::RmsProp(o) => o.steps(),
            Self::Adagrad(o) => o.steps(),
            Self::Prox(o) => o.steps(),
        }
    }

    /// One step of this optimizer on `z` (padded storage); returns the measurements at z
    /// before the step.
    #[inline]
    pub fn step(&mut self, problem: &Problem, z: &mut [f32x8]) -> EpochStats {
        match self {
            Self::Adam(o) => o.step(problem, z),
            Self::Sgd(o) => o.step(problem, z),
            Self::Momentum(o) => o.step(problem, z),
            Self::RmsProp(o) => o.step(problem, z),
            Self::Adagrad(o) => o.step(problem, z),
            Self::Prox(o) => o.step(problem, z),
        }
    }
}
