//! The optimizers' settings: [`AdamConfig`] (Adam's hyper-parameters, from which
//! [`crate::core::optim::step_size`] tabulates α(t)), [`OptimizerKind`] and [`OptimizerConfig`].
//! They live apart from the optimizers so that Adam and its step-size table, and every optimizer
//! and [`crate::core::optim`]'s dispatch, need not import each other.

use serde::{Deserialize, Serialize};

use crate::core::optim::schedule::Decay;

/// Adam's hyper-parameters, as the Python floats Keras receives (defaults = Keras defaults).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AdamConfig {
    /// Learning rate lr (Keras default 1e-3).
    pub lr: f64,
    /// Decay of the first moment β1 (0.9).
    pub beta1: f64,
    /// Decay of the second moment β2 (0.999).
    pub beta2: f64,
    /// ε added to √v (1e-7, Keras' default; PyTorch uses 1e-8).
    pub eps: f64,
}

impl Default for AdamConfig {
    fn default() -> Self {
        Self {
            lr: 1e-3,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-7,
        }
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
