//! The link's word-valued settings as enums. Each enum owns its words (what a link says) and its
//! labels (what a menu says), so the parser, the query writer and the menus read one list.

use crate::core::optim::schedule::Decay;
use crate::core::optim::OptimizerKind;
use crate::core::variants::Fit;
use crate::core::z0::Z0Preset;

/// A setting a link spells as one word from a fixed list.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every choice, in menu order.
    fn all() -> &'static [Self];
    /// The link spelling.
    fn word(self) -> &'static str;
    /// What a menu shows.
    fn label(self) -> &'static str;

    /// The choice spelled `word` (exact, lower case), if any.
    fn parse(word: &str) -> Option<Self> {
        Self::all().iter().copied().find(|c| c.word() == word)
    }

    /// (word, label) of every choice, in menu order: what a menu offers.
    fn menu() -> Vec<(&'static str, &'static str)> {
        Self::all()
            .iter()
            .map(|c| (c.word(), crate::i18n::name(c.label())))
            .collect()
    }

    /// The choice spelled `word`, or why not ("not one of adam, sgd, …").
    fn read(word: &str) -> Result<Self, String> {
        Self::parse(word).ok_or_else(|| {
            let words: Vec<&str> = Self::all().iter().map(|c| c.word()).collect();
            crate::i18n::fill(
                crate::i18n::t().notices.not_one_of,
                &[("words", &words.join(", "))],
            )
        })
    }
}

impl Choice for OptimizerKind {
    fn all() -> &'static [Self] {
        &OptimizerKind::ALL
    }
    fn word(self) -> &'static str {
        self.key()
    }
    fn label(self) -> &'static str {
        OptimizerKind::label(self)
    }
}

/// `compare=`: a second optimizer run on the same problem, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Compare {
    /// No comparison (the seed).
    #[default]
    None,
    /// Also run this optimizer.
    With(OptimizerKind),
}

impl Compare {
    /// The compared optimizer, if any.
    pub fn kind(self) -> Option<OptimizerKind> {
        match self {
            Compare::None => None,
            Compare::With(k) => Some(k),
        }
    }
}

impl Choice for Compare {
    fn all() -> &'static [Self] {
        use OptimizerKind as K;
        &[
            Compare::None,
            Compare::With(K::Adam),
            Compare::With(K::Sgd),
            Compare::With(K::Momentum),
            Compare::With(K::Nesterov),
            Compare::With(K::RmsProp),
            Compare::With(K::Adagrad),
            Compare::With(K::Prox),
        ]
    }
    fn word(self) -> &'static str {
        self.kind().map_or("none", OptimizerKind::key)
    }
    fn label(self) -> &'static str {
        self.kind().map_or("none", OptimizerKind::label)
    }
}

/// `decay=`: how the learning rate shrinks over a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum DecayKind {
    /// A constant learning rate (the seed).
    #[default]
    None,
    /// Halve it five times over the run.
    Step,
    /// Shrink it 100× over the run, geometrically.
    Exp,
    /// Divide it by √t.
    InvSqrt,
}

impl DecayKind {
    /// The schedule for a run of `epochs` epochs.
    pub fn decay(self, epochs: u64) -> Decay {
        match self {
            DecayKind::None => Decay::None,
            DecayKind::Step => Decay::Step {
                every: (epochs / 5).max(1),
                factor: 0.5,
            },
            DecayKind::Exp => Decay::Exponential {
                rate: 0.01f64.powf(1.0 / epochs.max(1) as f64),
            },
            DecayKind::InvSqrt => Decay::InvSqrt,
        }
    }
}

impl Choice for DecayKind {
    fn all() -> &'static [Self] {
        &[
            DecayKind::None,
            DecayKind::Step,
            DecayKind::Exp,
            DecayKind::InvSqrt,
        ]
    }
    fn word(self) -> &'static str {
        match self {
            DecayKind::None => "none",
            DecayKind::Step => "step",
            DecayKind::Exp => "exp",
            DecayKind::InvSqrt => "invsqrt",
        }
    }
    fn label(self) -> &'static str {
        match self {
            DecayKind::None => "none",
            DecayKind::Step => "halve 5 times",
            DecayKind::Exp => "exponential (÷100)",
            DecayKind::InvSqrt => "1/√t",
        }
    }
}

/// `z0=`: a preset over [z0min, z0max], or the values in `z0data=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Z0Source {
    /// A preset shape.
    Preset(Z0Preset),
    /// Values typed, pasted or dragged.
    Data,
}

impl Default for Z0Source {
    fn default() -> Self {
        Z0Source::Preset(Z0Preset::Linspace)
    }
}

impl Choice for Z0Source {
    fn all() -> &'static [Self] {
        &[
            Z0Source::Preset(Z0Preset::Linspace),
            Z0Source::Preset(Z0Preset::Noise),
            Z0Source::Preset(Z0Preset::Steps),
            Z0Source::Preset(Z0Preset::Sine),
            Z0Source::Data,
        ]
    }
    fn word(self) -> &'static str {
        match self {
            Z0Source::Preset(p) => p.key(),
            Z0Source::Data => "data",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Z0Source::Preset(p) => p.label(),
            Z0Source::Data => "your values (pasted or dragged)",
        }
    }
}

/// `fit=`: the fit term (pseudo-Huber takes its width from `delta=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum FitKind {
    /// |d| (the seed).
    #[default]
    L1,
    /// Pseudo-Huber of width δ.
    Huber,
    /// d².
    L2,
}

impl FitKind {
    /// The fit term, with width `delta` for pseudo-Huber (the table keeps δ ≥ 1e-6).
    pub fn fit(self, delta: f64) -> Fit {
        match self {
            FitKind::L1 => Fit::L1,
            FitKind::Huber => Fit::PseudoHuber { delta },
            FitKind::L2 => Fit::L2,
        }
    }
}

impl Choice for FitKind {
    fn all() -> &'static [Self] {
        &[FitKind::L1, FitKind::Huber, FitKind::L2]
    }
    fn word(self) -> &'static str {
        match self {
            FitKind::L1 => "l1",
            FitKind::Huber => "huber",
            FitKind::L2 => "l2",
        }
    }
    fn label(self) -> &'static str {
        match self {
            FitKind::L1 => "L1 (the seed)",
            FitKind::Huber => "pseudo-Huber (smooth L1)",
            FitKind::L2 => "L2 (squared error)",
        }
    }
}

/// `w=`: the fit term's weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum WeightKind {
    /// Every weight 1 (the seed).
    #[default]
    Uniform,
    /// Tournesol's λ·nᵢ/(C + nᵢ) (from `tlambda=` and `tcap=`).
    Tournesol,
}

impl Choice for WeightKind {
    fn all() -> &'static [Self] {
        &[WeightKind::Uniform, WeightKind::Tournesol]
    }
    fn word(self) -> &'static str {
        match self {
            WeightKind::Uniform => "uniform",
            WeightKind::Tournesol => "tournesol",
        }
    }
    fn label(self) -> &'static str {
        match self {
            WeightKind::Uniform => "all 1 (the seed)",
            WeightKind::Tournesol => "Tournesol λ·n/(C + n)",
        }
    }
}
