//! Every user-settable value of the lab: the state a link carries. The table of URL keys is in
//! [`super::table`], reading and writing one key in [`super::value`], the whole query in
//! [`super::query`].

use serde::{Deserialize, Serialize};

use super::choice::{Compare, DecayKind, FitKind, WeightKind, Z0Source};
use crate::core::optim::OptimizerKind;
use crate::i18n::Lang;
use crate::spec::Z0Spec;

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

    /// The choice spelled `s`, if any.
    pub fn parse(s: &str) -> Option<Self> {
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

    /// The choice spelled `s`, if any.
    pub fn parse(s: &str) -> Option<Self> {
        Self::CHOICES.into_iter().find(|v| v.key() == s)
    }
}

/// All settings of the lab. Field names follow the URL keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Params {
    /// μ ≥ 0, the weight of the pull towards c.
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
    /// Embed mode (an iframe on a slide or a course page): only the z chart, the μ slider, the
    /// caption and a link to the full lab.
    pub embed: bool,
    /// Predict, then reveal: the answer stays hidden until the student has predicted the band.
    pub quiz: bool,
    /// Keep z when μ changes: a μ change continues from the current z (a warm start) instead
    /// of restarting from 0 (the seed's cold start, the default).
    pub warm: bool,
    /// Panels hidden by a classroom link (`hide=explain,loss`), from [`PANELS`].
    pub hide: Vec<String>,
    /// The tour step shown (0: no tour; 1..=[`TOUR_STEPS`]).
    pub tour: u64,
    /// The optimizer.
    pub opt: OptimizerKind,
    /// A second optimizer run on the same problem for comparison, or none.
    pub compare: Compare,
    /// Learning-rate decay.
    pub decay: DecayKind,
    /// Where z0 comes from: a preset over [z0min, z0max], or `data`.
    pub z0: Z0Source,
    /// The z0 values of `z0=data` (at most [`crate::link::z0_code::MAX_VALUES`], as the link's
    /// 16-bit encoding holds them; empty otherwise).
    pub z0data: Vec<f32>,
    /// The seed of the noise preset and the Tournesol comparison counts.
    pub seed: u64,
    /// The centre c of the L2 pull (the seed's 1).
    pub c: f64,
    /// The fit term.
    pub fit: FitKind,
    /// The pseudo-Huber width δ (used when `fit=huber`).
    pub delta: f64,
    /// The fit term's weights.
    pub w: WeightKind,
    /// Tournesol's λ (used when `w=tournesol`).
    pub tlambda: f64,
    /// Tournesol's C (used when `w=tournesol`).
    pub tcap: f64,
    /// The language the link asks for (`lang=fr`); `None`: the reader's browser decides. Not
    /// part of the state: the JSON and the links the page hands out leave it out, so a link
    /// opens in each reader's language (see [`Params::shared`]).
    #[serde(skip)]
    pub lang: Option<Lang>,
    /// Workers a run and a sweep are shared among (`workers=2`); 0: as many as the reader's
    /// machine has cores, less one for the page. Like `lang`, not part of the state.
    #[serde(skip)]
    pub workers: u32,
}

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
            embed: false,
            quiz: false,
            warm: false,
            hide: Vec::new(),
            tour: 0,
            opt: OptimizerKind::Adam,
            compare: Compare::None,
            decay: DecayKind::None,
            z0: Z0Source::default(),
            z0data: Vec::new(),
            seed: 1,
            c: 1.0,
            fit: FitKind::L1,
            delta: 1.0,
            w: WeightKind::Uniform,
            lang: None,
            workers: 0,
            tlambda: 2.0,
            tcap: 3.0,
        }
    }
}

impl Params {
    /// Where z0 comes from, as a run takes it.
    pub fn z0_spec(&self) -> Z0Spec {
        match self.z0 {
            Z0Source::Preset(preset) => Z0Spec::Preset(preset),
            // A parsed link never pairs `data` with no values; a default shape stands in.
            Z0Source::Data if self.z0data.is_empty() => Z0Spec::default(),
            Z0Source::Data => Z0Spec::Values(self.z0data.clone()),
        }
    }

    /// z0: the `z0data` values, or the preset over [z0min, z0max] with n values (the seed:
    /// linspace(z0min, z0max, n)). The same rule as [`crate::spec::RunSpec::z0`].
    pub fn z0(&self) -> Vec<f32> {
        self.z0_spec()
            .values(self.z0min, self.z0max, self.n, self.seed)
    }

    /// The sweep's μ grid: `scount` values log-spaced from `smin` to `smax` (the seed's
    /// `np.logspace(np.log10(0.02), np.log10(1), 10)` by default).
    pub fn sweep_mus(&self) -> Vec<f64> {
        crate::core::logspace(self.smin, self.smax, self.scount)
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

impl Params {
    /// The state without the reader's language: what Copy link, the QR code and the embed code
    /// hand out.
    pub fn shared(&self) -> Params {
        Params {
            lang: None,
            workers: 0,
            ..self.clone()
        }
    }

    /// The page root's classes: lecture mode, embed mode and the panels a classroom link hides.
    pub fn root_class(&self) -> String {
        let mut class = String::from("app");
        if self.embed {
            class.push_str(" embed");
        } else if self.present {
            class.push_str(" present");
        }
        for panel in &self.hide {
            class.push_str(&format!(" hide-{panel}"));
        }
        class
    }
}
