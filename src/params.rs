//! Every user-settable value, as one declarative table: URL key, kind, default, allowed range.
//!
//! The URL query is the page's whole state (a shared link reproduces what its author saw).
//! Parsing never fails: an unknown key is ignored, a malformed or out-of-range value falls back
//! to its default and is reported in [`Parsed::replaced`] so the page can say what it changed.
//! `from_query(to_query(p)) == p` for every valid `p` (tested by proptest).

use serde::{Deserialize, Serialize};

/// How a run is played back after it has been computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Playback {
    /// Show the converged result at once.
    Instant,
    /// "Watch it learn": replay the run over this many seconds (1, 3 or 10).
    Seconds(u8),
}

impl Playback {
    /// The playback choices the page offers, in the order it shows them.
    pub const CHOICES: [Playback; 4] = [
        Playback::Instant,
        Playback::Seconds(1),
        Playback::Seconds(3),
        Playback::Seconds(10),
    ];

    /// The URL spelling: `instant`, `1`, `3`, `10`.
    pub fn key(self) -> String {
        match self {
            Playback::Instant => "instant".into(),
            Playback::Seconds(s) => s.to_string(),
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Self::CHOICES.into_iter().find(|p| p.key() == s)
    }
}

/// Which view the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// One run, its losses and the clamp.
    Live,
    /// The μ sweep: overlay and heatmaps.
    Sweep,
}

impl View {
    /// Both views, in tab order.
    pub const CHOICES: [View; 2] = [View::Live, View::Sweep];

    /// The URL spelling: `live`, `sweep`.
    pub fn key(self) -> &'static str {
        match self {
            View::Live => "live",
            View::Sweep => "sweep",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Self::CHOICES.into_iter().find(|v| v.key() == s)
    }
}

/// All settings of the lab. Field names follow the URL keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Params {
    /// μ ≥ 0, the weight of the pull towards c = 1.
    pub mu: f64,
    /// Adam's learning rate.
    pub lr: f64,
    /// Epochs per run, N.
    pub epochs: u64,
    /// Number of coordinates n.
    pub n: usize,
    /// z0 = linspace(z0min, z0max, n): its first value.
    pub z0min: f64,
    /// … and its last value.
    pub z0max: f64,
    /// Adam's β1.
    pub beta1: f64,
    /// Adam's β2.
    pub beta2: f64,
    /// Adam's ε.
    pub eps: f64,
    /// Playback of a run the user starts with Run.
    pub play: Playback,
    /// The view shown.
    pub view: View,
    /// Smallest μ of the sweep grid.
    pub smin: f64,
    /// Largest μ of the sweep grid.
    pub smax: f64,
    /// Number of μ in the sweep grid (log-spaced).
    pub scount: usize,
    /// Lecture mode: large type, controls reduced to μ and playback.
    pub present: bool,
    /// Panels hidden by a classroom link (`hide=explain,loss`), from [`PANELS`].
    pub hide: Vec<String>,
    /// The tour step shown (0: no tour; 1..=[`TOUR_STEPS`]).
    pub tour: u64,
    /// The optimizer ([`OPTIMIZERS`]).
    pub opt: String,
    /// A second optimizer run on the same problem for comparison, or `none`.
    pub compare: String,
    /// Learning-rate decay ([`DECAYS`]).
    pub decay: String,
    /// Where z0 comes from ([`Z0_SOURCES`]): a preset over [z0min, z0max], or `data`.
    pub z0: String,
    /// The z0 values of `z0=data` (at most [`crate::z0_code::MAX_VALUES`], as the link's
    /// 16-bit encoding holds them; empty otherwise).
    pub z0data: Vec<f32>,
    /// The seed of the noise preset and the Tournesol comparison counts.
    pub seed: u64,
    /// The centre c of the L2 pull (the seed's 1).
    pub c: f64,
    /// The fit term ([`FITS`]).
    pub fit: String,
    /// The pseudo-Huber width δ (used when `fit=huber`).
    pub delta: f64,
    /// The fit term's weights ([`WEIGHTS`]).
    pub w: String,
    /// Tournesol's λ (used when `w=tournesol`).
    pub tlambda: f64,
    /// Tournesol's C (used when `w=tournesol`).
    pub tcap: f64,
}

/// `z0=`: the presets (the core's `Z0Preset::key`) or `data` (the values in `z0data=`).
pub const Z0_SOURCES: [&str; 5] = ["linspace", "noise", "steps", "sine", "data"];
/// `fit=`: L1 (the seed), pseudo-Huber of width `delta`, squared error.
pub const FITS: [&str; 3] = ["l1", "huber", "l2"];
/// `w=`: every weight 1, or Tournesol's λ·nᵢ/(C + nᵢ).
pub const WEIGHTS: [&str; 2] = ["uniform", "tournesol"];
/// The largest seed a link may hold.
pub const MAX_SEED: u64 = u32::MAX as u64;

/// URL spellings of the optimizers (the core's `OptimizerKind::key`).
pub const OPTIMIZERS: [&str; 7] = [
    "adam", "sgd", "momentum", "nesterov", "rmsprop", "adagrad", "prox",
];
/// `compare=` accepts an optimizer or `none`.
pub const COMPARES: [&str; 8] = [
    "none", "adam", "sgd", "momentum", "nesterov", "rmsprop", "adagrad", "prox",
];
/// URL spellings of the learning-rate decays.
pub const DECAYS: [&str; 4] = ["none", "step", "exp", "invsqrt"];

/// Panels a link may hide with `hide=`.
pub const PANELS: [&str; 8] = [
    "controls", "readouts", "explain", "z", "loss", "subopt", "exports", "tabs",
];
/// Steps of the guided tour.
pub const TOUR_STEPS: u64 = 6;

impl Default for Params {
    fn default() -> Self {
        Self {
            mu: 0.1,
            lr: 1e-3,
            epochs: 25_000,
            n: 100,
            z0min: -10.0,
            z0max: 10.0,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-7,
            play: Playback::Seconds(3),
            view: View::Live,
            smin: 0.02,
            smax: 1.0,
            scount: 10,
            present: false,
            hide: Vec::new(),
            tour: 0,
            opt: "adam".into(),
            compare: "none".into(),
            decay: "none".into(),
            z0: "linspace".into(),
            z0data: Vec::new(),
            seed: 1,
            c: 1.0,
            fit: "l1".into(),
            delta: 1.0,
            w: "uniform".into(),
            tlambda: 2.0,
            tcap: 3.0,
        }
    }
}

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
    /// One word from a fixed list.
    Word(&'static [&'static str]),
    /// z0 values in the link encoding of [`crate::z0_code`] (empty: none).
    Z0Data,
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

const fn real(key: &'static str, label: &'static str, field: Field, min: f64, max: f64) -> Spec {
    Spec {
        key,
        label,
        field,
        kind: Kind::Real { min, max },
    }
}

const fn word(
    key: &'static str,
    label: &'static str,
    field: Field,
    words: &'static [&'static str],
) -> Spec {
    Spec {
        key,
        label,
        field,
        kind: Kind::Word(words),
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
    word("opt", "optimizer", Field::Opt, &OPTIMIZERS),
    word("compare", "compared optimizer", Field::Compare, &COMPARES),
    word("decay", "learning-rate decay", Field::Decay, &DECAYS),
    word("z0", "z0 shape", Field::Z0, &Z0_SOURCES),
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
    word("fit", "fit term", Field::Fit, &FITS),
    real("delta", "pseudo-Huber δ", Field::Delta, 1e-6, 1e6),
    word("w", "weights", Field::W, &WEIGHTS),
    real("tlambda", "Tournesol λ", Field::TLambda, 0.0, 1e6),
    real("tcap", "Tournesol C", Field::TCap, 0.0, 1e6),
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

/// A value that was in the link but could not be used, and what replaced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replaced {
    /// The URL key.
    pub key: String,
    /// What the link said (shortened to 40 characters; shown as text, never as HTML).
    pub given: String,
    /// Why it was refused.
    pub reason: String,
    /// The value used instead, as written in a URL.
    pub used: String,
}

/// The result of reading a query string: the parameters and every value that was replaced.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// The parameters to use.
    pub params: Params,
    /// Values from the link that were replaced by defaults, in table order.
    pub replaced: Vec<Replaced>,
    /// Keys of an older link format that were renamed or dropped (see [`LEGACY`]).
    pub legacy: Vec<Replaced>,
}

impl Params {
    /// The value of `field` as written in a URL (shortest text that reads back exactly).
    pub fn get(&self, field: Field) -> String {
        match field {
            Field::Mu => fmt_real(self.mu),
            Field::Lr => fmt_real(self.lr),
            Field::Epochs => self.epochs.to_string(),
            Field::N => self.n.to_string(),
            Field::Z0Min => fmt_real(self.z0min),
            Field::Z0Max => fmt_real(self.z0max),
            Field::Beta1 => fmt_real(self.beta1),
            Field::Beta2 => fmt_real(self.beta2),
            Field::Eps => fmt_real(self.eps),
            Field::Play => self.play.key(),
            Field::View => self.view.key().to_string(),
            Field::SMin => fmt_real(self.smin),
            Field::SMax => fmt_real(self.smax),
            Field::SCount => self.scount.to_string(),
            Field::Present => u8::from(self.present).to_string(),
            Field::Hide => self.hide.join(","),
            Field::Tour => self.tour.to_string(),
            Field::Opt => self.opt.clone(),
            Field::Compare => self.compare.clone(),
            Field::Decay => self.decay.clone(),
            Field::Z0 => self.z0.clone(),
            Field::Z0Data if self.z0data.is_empty() => String::new(),
            Field::Z0Data => crate::z0_code::encode(&self.z0data).unwrap_or_default(),
            Field::Seed => self.seed.to_string(),
            Field::C => fmt_real(self.c),
            Field::Fit => self.fit.clone(),
            Field::Delta => fmt_real(self.delta),
            Field::W => self.w.clone(),
            Field::TLambda => fmt_real(self.tlambda),
            Field::TCap => fmt_real(self.tcap),
        }
    }

    /// Sets `spec`'s field from URL text; `Err` says why the text was refused.
    pub fn set(&mut self, spec: &Spec, text: &str) -> Result<(), String> {
        let text = text.trim();
        match spec.kind {
            Kind::Real { min, max } => {
                let x: f64 = text.parse().map_err(|_| "not a number".to_string())?;
                if !x.is_finite() {
                    return Err("not a finite number".into());
                }
                if !(min..=max).contains(&x) {
                    return Err(format!("outside {}…{}", fmt_real(min), fmt_real(max)));
                }
                let x = if x == 0.0 { 0.0 } else { x }; // −0 reads as 0
                match spec.field {
                    Field::Mu => self.mu = x,
                    Field::Lr => self.lr = x,
                    Field::Z0Min => self.z0min = x,
                    Field::Z0Max => self.z0max = x,
                    Field::Beta1 => self.beta1 = x,
                    Field::Beta2 => self.beta2 = x,
                    Field::Eps => self.eps = x,
                    Field::SMin => self.smin = x,
                    Field::SMax => self.smax = x,
                    Field::C => self.c = x,
                    Field::Delta => self.delta = x,
                    Field::TLambda => self.tlambda = x,
                    Field::TCap => self.tcap = x,
                    _ => unreachable!("the table pairs reals with real fields"),
                }
            }
            Kind::Int { min, max } => {
                let x: u64 = text.parse().map_err(|_| "not a whole number".to_string())?;
                if !(min..=max).contains(&x) {
                    return Err(format!("outside {min}…{max}"));
                }
                match spec.field {
                    Field::Epochs => self.epochs = x,
                    Field::N => self.n = x as usize,
                    Field::SCount => self.scount = x as usize,
                    Field::Tour => self.tour = x,
                    Field::Seed => self.seed = x,
                    _ => unreachable!("the table pairs integers with integer fields"),
                }
            }
            Kind::Play => {
                self.play = Playback::parse(text)
                    .ok_or_else(|| "not one of instant, 1, 3, 10".to_string())?;
            }
            Kind::View => {
                self.view =
                    View::parse(text).ok_or_else(|| "not one of live, sweep".to_string())?;
            }
            Kind::Flag => {
                self.present = match text {
                    "1" | "true" => true,
                    "0" | "false" | "" => false,
                    _ => return Err("not 0 or 1".into()),
                };
            }
            Kind::Word(choices) => {
                let word = choices
                    .iter()
                    .find(|c| **c == text)
                    .ok_or_else(|| format!("not one of {}", choices.join(", ")))?;
                let slot = match spec.field {
                    Field::Opt => &mut self.opt,
                    Field::Compare => &mut self.compare,
                    Field::Decay => &mut self.decay,
                    Field::Z0 => &mut self.z0,
                    Field::Fit => &mut self.fit,
                    Field::W => &mut self.w,
                    _ => unreachable!("the table pairs words with word fields"),
                };
                *slot = (*word).to_string();
                // A preset does not use values: they must not linger in the link.
                if spec.field == Field::Z0 && *word != "data" {
                    self.z0data.clear();
                }
            }
            Kind::Z0Data => {
                self.z0data = if text.is_empty() {
                    Vec::new()
                } else {
                    crate::z0_code::decode(text)?
                };
            }
            Kind::Panels => {
                let mut panels: Vec<String> = Vec::new();
                for name in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    match PANELS.iter().find(|p| **p == name) {
                        Some(p) if !panels.iter().any(|q| q == p) => panels.push(p.to_string()),
                        Some(_) => {}
                        None => return Err(format!("no panel called {}", shorten(name))),
                    }
                }
                // Table order, so equal sets write equal links.
                panels.sort_by_key(|p| PANELS.iter().position(|q| q == p));
                self.hide = panels;
            }
        }
        Ok(())
    }

    /// Reads a query string (with or without the leading `?`). Never fails; see [`Parsed`].
    pub fn from_query(query: &str) -> Parsed {
        let defaults = Params::default();
        let mut params = Params::default();
        let mut replaced = Vec::new();
        let pairs: Vec<(String, String)> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|s| !s.is_empty())
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (percent_decode(k), percent_decode(v))
            })
            .collect();
        let mut legacy = Vec::new();
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .filter_map(|(k, v)| match LEGACY.iter().find(|(old, _, _)| old == k) {
                None => Some((k.clone(), v.clone())),
                Some((old, new, note)) => {
                    legacy.push(Replaced {
                        key: (*old).into(),
                        given: shorten(v),
                        reason: (*note).into(),
                        used: new.map_or_else(
                            || "ignored".to_string(),
                            |n| format!("{n}={}", shorten(v)),
                        ),
                    });
                    // A renamed key counts only when the link does not also carry the new one.
                    new.filter(|n| !pairs.iter().any(|(k2, _)| k2 == n))
                        .map(|n| (n.to_string(), v.clone()))
                }
            })
            .collect();
        for spec in SPECS {
            // The last occurrence wins, as with URLSearchParams.get on a rewritten link.
            let Some((_, text)) = pairs.iter().rev().find(|(k, _)| k == spec.key) else {
                continue;
            };
            if let Err(reason) = params.set(spec, text) {
                replaced.push(Replaced {
                    key: spec.key.into(),
                    given: shorten(text),
                    reason,
                    used: defaults.get(spec.field),
                });
            }
        }
        if params.z0min >= params.z0max {
            let given = format!("{}…{}", fmt_real(params.z0min), fmt_real(params.z0max));
            for (key, used) in [("z0min", defaults.z0min), ("z0max", defaults.z0max)] {
                replaced.push(Replaced {
                    key: key.into(),
                    given: given.clone(),
                    reason: "z0min must be below z0max".into(),
                    used: fmt_real(used),
                });
            }
            params.z0min = defaults.z0min;
            params.z0max = defaults.z0max;
        }
        match (params.z0.as_str(), params.z0data.len()) {
            ("data", 0) => {
                replaced.push(Replaced {
                    key: "z0".into(),
                    given: "data".into(),
                    reason: "the link has no z0 values (z0data)".into(),
                    used: defaults.z0.clone(),
                });
                params.z0 = defaults.z0.clone();
            }
            // The values decide n; a preset does not use them.
            ("data", len) => params.n = len,
            _ => params.z0data.clear(),
        }
        if params.smin > params.smax {
            let given = format!("{}…{}", fmt_real(params.smin), fmt_real(params.smax));
            for (key, used) in [("smin", defaults.smin), ("smax", defaults.smax)] {
                replaced.push(Replaced {
                    key: key.into(),
                    given: given.clone(),
                    reason: "smin must not exceed smax".into(),
                    used: fmt_real(used),
                });
            }
            params.smin = defaults.smin;
            params.smax = defaults.smax;
        }
        Parsed {
            params,
            replaced,
            legacy,
        }
    }

    /// Writes every key of the table (so a link keeps its meaning even if a default changes),
    /// except an empty `z0data`.
    pub fn to_query(&self) -> String {
        SPECS
            .iter()
            .filter(|s| s.field != Field::Z0Data || !self.z0data.is_empty())
            .map(|s| format!("{}={}", s.key, percent_encode(&self.get(s.field))))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// z0: the `z0data` values, or the preset over [z0min, z0max] with n values (the seed:
    /// linspace(z0min, z0max, n)).
    pub fn z0(&self) -> Vec<f32> {
        if self.z0 == "data" && !self.z0data.is_empty() {
            return self.z0data.clone();
        }
        crate::core::z0::Z0Preset::parse(&self.z0)
            .unwrap_or_default()
            .values(self.z0min, self.z0max, self.n, self.seed)
    }

    /// The sweep's μ grid: `scount` values log-spaced from `smin` to `smax` (the seed's
    /// `np.logspace(np.log10(0.02), np.log10(1), 10)` by default).
    pub fn sweep_mus(&self) -> Vec<f64> {
        crate::core::logspace(self.smin, self.smax, self.scount)
    }

    /// The state as JSON with the same keys and values as the link (numbers as numbers, words
    /// as strings), so `new URLSearchParams(json)` is a link to the same state.
    pub fn to_json(&self) -> String {
        let fields: Vec<String> = SPECS
            .iter()
            .map(|s| {
                let v = self.get(s.field);
                match s.kind {
                    Kind::Real { .. } | Kind::Int { .. } => format!("\"{}\":{}", s.key, v),
                    Kind::Play | Kind::View | Kind::Panels | Kind::Word(_) | Kind::Z0Data => {
                        format!("\"{}\":\"{}\"", s.key, v)
                    }
                    Kind::Flag => format!("\"{}\":{}", s.key, v),
                }
            })
            .collect();
        format!("{{{}}}", fields.join(","))
    }

    /// Adam's hyper-parameters.
    pub fn adam(&self) -> crate::core::AdamConfig {
        crate::core::AdamConfig {
            lr: self.lr,
            beta1: self.beta1,
            beta2: self.beta2,
            eps: self.eps,
        }
    }
}

/// The shortest decimal that parses back to exactly `x` (Rust's float printing guarantees the
/// round trip), in plain or exponent form, whichever is shorter.
pub fn fmt_real(x: f64) -> String {
    let plain = format!("{x}");
    let exp = format!("{x:e}");
    if exp.len() < plain.len() {
        exp
    } else {
        plain
    }
}

fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Decodes `%XX` escapes and `+` (as a space), as browsers write query strings. Bad escapes are
/// kept as text: the value then fails its own validation with a readable message.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len()
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit() =>
            {
                let hex = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
                out.push(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes what a query value may not hold; our own values are plain numbers and words.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
