//! The link's table: one row per URL key — its kind, its bounds, the field it sets and what a
//! person calls it — and the keys of older links. Everything that reads or writes a link
//! follows this table, so a new setting is one row here and one field in [`super::Params`].

/// The largest seed a link may hold.
pub const MAX_SEED: u64 = u32::MAX as u64;

/// Panels a link may hide with `hide=`.
pub const PANELS: [&str; 8] = [
    "controls", "readouts", "explain", "z", "loss", "subopt", "exports", "tabs",
];
/// Steps of the guided tour.
pub const TOUR_STEPS: u64 = 7;

/// The kind of value a URL key holds and its inclusive bounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A finite real in [min, max].
    Real {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// A whole number in [min, max].
    Int {
        /// Smallest allowed value.
        min: u64,
        /// Largest allowed value.
        max: u64,
    },
    /// One of [`Playback::CHOICES`].
    Play,
    /// One of [`View::CHOICES`].
    View,
    /// `0` or `1`.
    Flag,
    /// A comma-separated list of [`PANELS`].
    Panels,
    /// One word of a [`super::choice::Choice`] enum (which one follows from the field).
    Choice,
    /// z0 values in the link encoding of [`super::z0_code`] (empty: none).
    Z0Data,
    /// A language code of [`crate::i18n::Lang`]; any other value is ignored without a notice
    /// (the page then speaks the browser's language).
    Lang,
}

/// Which field of [`Params`] a row of the table reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // one variant per URL key; the table documents them
pub enum Field {
    Mu,
    Lr,
    Epochs,
    N,
    Z0Min,
    Z0Max,
    Beta1,
    Beta2,
    Eps,
    Play,
    View,
    SMin,
    SMax,
    SCount,
    Present,
    Embed,
    Hide,
    Tour,
    Opt,
    Compare,
    Decay,
    Z0,
    Z0Data,
    Seed,
    C,
    Fit,
    Delta,
    W,
    TLambda,
    TCap,
    Quiz,
    Warm,
    Lang,
    Workers,
}

/// One row of the table: a URL key, what it holds and where it goes.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// The URL query key.
    pub key: &'static str,
    /// What a person calls it (used in notices).
    pub label: &'static str,
    /// The field it sets.
    pub field: Field,
    /// Kind and bounds.
    pub kind: Kind,
}

/// The largest n a link may ask for (keeps every link computable on a phone).
pub const MAX_N: u64 = 10_000;
/// The most epochs a run may ask for.
pub const MAX_EPOCHS: u64 = 10_000_000;
/// The largest μ accepted (the band is then 1 ± 5e-7: everything sits on c).
pub const MAX_MU: f64 = 1e6;
/// The most μ values a sweep may have.
pub const MAX_SWEEP: u64 = 200;
/// The most workers a link may ask a run to be shared among.
pub const MAX_WORKERS: u64 = 16;

const fn real(key: &'static str, label: &'static str, field: Field, min: f64, max: f64) -> Spec {
    Spec {
        key,
        label,
        field,
        kind: Kind::Real { min, max },
    }
}

const fn choice(key: &'static str, label: &'static str, field: Field) -> Spec {
    Spec {
        key,
        label,
        field,
        kind: Kind::Choice,
    }
}

/// The row of the table for URL key `key`.
///
/// # Panics
/// If no row has that key (the callers name keys of the table: a programming error).
pub fn spec(key: &str) -> &'static Spec {
    SPECS
        .iter()
        .find(|s| s.key == key)
        .unwrap_or_else(|| panic!("no parameter {key} in the table"))
}

/// The table, in URL order.
pub const SPECS: &[Spec] = &[
    real("mu", "μ", Field::Mu, 0.0, MAX_MU),
    real("lr", "exact learning rate", Field::Lr, 1e-7, 100.0),
    Spec {
        key: "epochs",
        label: "epochs",
        field: Field::Epochs,
        kind: Kind::Int {
            min: 1,
            max: MAX_EPOCHS,
        },
    },
    Spec {
        key: "n",
        label: "n",
        field: Field::N,
        kind: Kind::Int { min: 1, max: MAX_N },
    },
    real("z0min", "z0 min", Field::Z0Min, -1e6, 1e6),
    real("z0max", "z0 max", Field::Z0Max, -1e6, 1e6),
    real("beta1", "β1", Field::Beta1, 0.0, 0.999_999),
    real("beta2", "β2", Field::Beta2, 0.0, 0.999_999_9),
    real("eps", "ε", Field::Eps, 1e-12, 1.0),
    Spec {
        key: "play",
        label: "playback",
        field: Field::Play,
        kind: Kind::Play,
    },
    Spec {
        key: "view",
        label: "view",
        field: Field::View,
        kind: Kind::View,
    },
    real("smin", "sweep μ min", Field::SMin, 1e-6, MAX_MU),
    real("smax", "sweep μ max", Field::SMax, 1e-6, MAX_MU),
    Spec {
        key: "scount",
        label: "sweep count",
        field: Field::SCount,
        kind: Kind::Int {
            min: 1,
            max: MAX_SWEEP,
        },
    },
    Spec {
        key: "present",
        label: "lecture mode",
        field: Field::Present,
        kind: Kind::Flag,
    },
    Spec {
        key: "embed",
        label: "embed mode",
        field: Field::Embed,
        kind: Kind::Flag,
    },
    Spec {
        key: "quiz",
        label: "predict first",
        field: Field::Quiz,
        kind: Kind::Flag,
    },
    Spec {
        key: "warm",
        label: "keep z when μ changes",
        field: Field::Warm,
        kind: Kind::Flag,
    },
    Spec {
        key: "hide",
        label: "hidden panels",
        field: Field::Hide,
        kind: Kind::Panels,
    },
    Spec {
        key: "tour",
        label: "tour step",
        field: Field::Tour,
        kind: Kind::Int {
            min: 0,
            max: TOUR_STEPS,
        },
    },
    choice("opt", "optimizer", Field::Opt),
    choice("compare", "compared optimizer", Field::Compare),
    choice("decay", "learning-rate decay", Field::Decay),
    choice("z0", "z0 shape", Field::Z0),
    Spec {
        key: "z0data",
        label: "z0 values",
        field: Field::Z0Data,
        kind: Kind::Z0Data,
    },
    Spec {
        key: "seed",
        label: "seed",
        field: Field::Seed,
        kind: Kind::Int {
            min: 0,
            max: MAX_SEED,
        },
    },
    real("c", "centre c", Field::C, -1e6, 1e6),
    choice("fit", "fit term", Field::Fit),
    real("delta", "pseudo-Huber δ", Field::Delta, 1e-6, 1e6),
    choice("w", "weights", Field::W),
    real("tlambda", "Tournesol λ", Field::TLambda, 0.0, 1e6),
    real("tcap", "Tournesol C", Field::TCap, 0.0, 1e6),
    // Last, so the keys before it keep their order in every link.
    Spec {
        key: "lang",
        label: "language",
        field: Field::Lang,
        kind: Kind::Lang,
    },
    // Like `lang`, a property of the reader's machine, not of the state: written only when set.
    Spec {
        key: "workers",
        label: "workers",
        field: Field::Workers,
        kind: Kind::Int {
            min: 0,
            max: MAX_WORKERS,
        },
    },
];

/// Keys of older links: renamed (→ the key that replaced them) or removed (→ `None`), with
/// what the notice says. A link written by any version keeps opening; new keys get defaults.
pub const LEGACY: &[(&str, Option<&str>, &str)] = &[
    (
        "lambda",
        Some("mu"),
        "the regularization weight is now called mu",
    ),
    (
        "reg",
        Some("mu"),
        "the regularization weight is now called mu",
    ),
    (
        "learning_rate",
        Some("lr"),
        "the learning rate is now called lr",
    ),
    ("steps", Some("epochs"), "steps are now called epochs"),
    ("iters", Some("epochs"), "iterations are now called epochs"),
    ("dim", Some("n"), "the dimension is now called n"),
    (
        "speed",
        Some("play"),
        "the playback speed is now called play",
    ),
    (
        "theme",
        None,
        "the page now follows your system's light or dark setting",
    ),
    (
        "autorun",
        None,
        "a link now always opens with its run computed",
    ),
];
