//! The charts' words and series, decided once: titles, legend entries and which history series
//! each curve draws. The page's panels (legends in HTML, curves on canvas) and the PNG export
//! (everything on canvas) both read them, so the two can never drift apart.

use crate::core::optim::OptimizerKind;
use crate::core::variants::Fit;
use crate::core::{History, Series};
use crate::i18n::{fill, name, num, num_fixed, range, t};
use crate::spec::{RunSpec, Weights};
use crate::view::format::short;
use crate::view::shown::{Frame, Shown};
use crate::view::sweep_shown::SweepShown;

/// A series' colour role; the page's palette (light or dark) turns it into a colour, and the
/// legend's swatch into a CSS class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// Text colour: the total loss, the learning-rate level.
    Foreground,
    /// The learned z (blue).
    Learned,
    /// The exact optimum (vermillion).
    Optimum,
    /// A fourth series (bluish green).
    Green,
    /// A compared optimizer (reddish purple).
    Purple,
}

impl Ink {
    /// The legend swatch's colour class (style/main.css `.swatch.<class>`).
    pub fn class(self) -> &'static str {
        match self {
            Ink::Foreground => "foreground",
            Ink::Learned => "learned",
            Ink::Optimum => "optimum",
            Ink::Green => "green",
            Ink::Purple => "purple",
        }
    }
}

/// Which recorded series a curve draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// fit + μ·reg.
    Total,
    /// The fit term.
    Fit,
    /// ‖z − c‖₂².
    Reg,
    /// ‖gradient‖₂.
    GradNorm,
    /// L(z) − L(z*).
    Subopt,
    /// ‖z − z*‖∞.
    ErrInf,
}

impl Source {
    /// The series in a run's history.
    pub fn of(self, h: &History) -> &Series {
        match self {
            Source::Total => &h.total,
            Source::Fit => &h.fit,
            Source::Reg => &h.reg,
            Source::GradNorm => &h.grad_norm,
            Source::Subopt => &h.subopt,
            Source::ErrInf => &h.err_inf,
        }
    }
}

/// One curve of a log chart: what it is called, its colour and its series.
#[derive(Debug, Clone, PartialEq)]
pub struct CurveSpec {
    /// Legend text.
    pub label: String,
    /// Colour role.
    pub ink: Ink,
    /// The series drawn.
    pub source: Source,
    /// Whether it is the compared optimizer's (drawn finished, over its own epochs).
    pub compared: bool,
}

/// A log chart of a run (losses or distance to the optimum).
#[derive(Debug, Clone, PartialEq)]
pub struct LogChartSpec {
    /// The chart's title.
    pub title: String,
    /// Its curves, the first run's first.
    pub curves: Vec<CurveSpec>,
    /// A dashed reference level and its label (the learning rate).
    pub reference: Option<(f64, String)>,
}

impl LogChartSpec {
    /// Legend entries (swatch class, text): what the page writes in HTML beside the canvas and
    /// what a PNG draws inside it. `compared` picks the compared optimizer's entries.
    pub fn legend(&self, compared: bool) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .curves
            .iter()
            .filter(|c| c.compared == compared)
            .map(|c| (format!("swatch line {}", c.ink.class()), c.label.clone()))
            .collect();
        if let (false, Some((_, label))) = (compared, &self.reference) {
            out.push(("swatch dashed foreground".into(), label.clone()));
        }
        out
    }
}

/// The fit term's name in a legend: "fit = ‖z − z0‖₁" for the seed.
pub fn fit_label(spec: &RunSpec) -> String {
    let weighted = spec.weights != Weights::Uniform;
    let term = match (spec.fit, weighted) {
        (Fit::L1, false) => "‖z − z0‖₁",
        (Fit::L1, true) => "Σ wᵢ|zᵢ − z0ᵢ|",
        (Fit::PseudoHuber { .. }, false) => "Σ φδ(zᵢ − z0ᵢ)",
        (Fit::PseudoHuber { .. }, true) => "Σ wᵢ φδ(zᵢ − z0ᵢ)",
        (Fit::L2, false) => "‖z − z0‖₂²",
        (Fit::L2, true) => "Σ wᵢ(zᵢ − z0ᵢ)²",
    };
    fill(t().charts.fit, &[("term", term)])
}

/// "z − 1", "z + 2", "z": the distance to the centre c as a legend writes it.
pub fn z_minus_centre(c: f64) -> String {
    if c == 0.0 {
        "z".into()
    } else if c < 0.0 {
        format!("z + {}", short(-c))
    } else {
        format!("z − {}", short(c))
    }
}

/// Chart 2: the seed's four losses (and the compared optimizer's total).
pub fn loss_chart(spec: &RunSpec, compare: Option<OptimizerKind>) -> LogChartSpec {
    let curve = |label: String, ink, source| CurveSpec {
        label,
        ink,
        source,
        compared: false,
    };
    let m = &t().charts;
    let mut curves = vec![
        curve(m.total.into(), Ink::Foreground, Source::Total),
        curve(fit_label(spec), Ink::Learned, Source::Fit),
        curve(
            fill(m.reg, &[("z", &z_minus_centre(spec.centre))]),
            Ink::Optimum,
            Source::Reg,
        ),
        curve(m.gradient.into(), Ink::Green, Source::GradNorm),
    ];
    if let Some(k) = compare {
        curves.push(CurveSpec {
            label: fill(m.total_of, &[("name", name(k.label()))]),
            ink: Ink::Purple,
            source: Source::Total,
            compared: true,
        });
    }
    LogChartSpec {
        title: fill(m.loss_title, &[("mu", &num(spec.mu))]),
        curves,
        reference: None,
    }
}

/// Chart 3: the distance to the exact optimum, with the learning rate as a level.
pub fn subopt_chart(spec: &RunSpec, compare: Option<OptimizerKind>) -> LogChartSpec {
    let curve = |label: &str, ink, source, compared| CurveSpec {
        label: label.into(),
        ink,
        source,
        compared,
    };
    let mut curves = vec![
        curve("L(z) − L(z*)", Ink::Optimum, Source::Subopt, false),
        curve("‖z − z*‖∞", Ink::Learned, Source::ErrInf, false),
    ];
    if let Some(k) = compare {
        let name = name(k.label());
        curves.push(curve(
            &format!("L − L* ({name})"),
            Ink::Purple,
            Source::Subopt,
            true,
        ));
        curves.push(curve(
            &format!("‖z − z*‖∞ ({name})"),
            Ink::Green,
            Source::ErrInf,
            true,
        ));
    }
    let lr = spec.adam.lr;
    LogChartSpec {
        title: fill(t().charts.subopt_title, &[("mu", &num(spec.mu))]),
        curves,
        reference: Some((lr, fill(t().charts.learning_rate, &[("lr", &num(lr))]))),
    }
}

/// Chart 1's title: μ and the band, or what stands in for it.
pub fn z_title(frame: Option<&Frame>) -> String {
    let m = &t().charts;
    let Some(f) = frame else {
        return m.z_title.into();
    };
    let spec = &f.shown.result.spec;
    let mu = num(spec.mu);
    match f.shown.band {
        Some(b) => {
            let band = range(&num_fixed(b.lo, 4), &num_fixed(b.hi, 4));
            fill(m.z_title_band, &[("mu", &mu), ("band", &band)])
        }
        None if spec.mu == 0.0 => m.z_title_zero.into(),
        None => fill(
            m.z_title_variant,
            &[("mu", &mu), ("problem", &spec.problem_label())],
        ),
    }
}

/// Chart 1's legend (swatch class, text): z, z*, the band (or what stands in for it), z = z0.
pub fn z_legend(spec: Option<&RunSpec>) -> Vec<(&'static str, &'static str)> {
    let m = &t().charts;
    let star = spec.map_or(t().names.star_l1, RunSpec::star_label);
    let band = match spec {
        Some(s) if !s.is_seed_shape() && s.fit == Fit::L1 => m.legend_bars,
        Some(s) if !s.is_seed_shape() => m.legend_smooth,
        _ => m.legend_band,
    };
    vec![
        ("swatch dot learned", m.legend_learned_first),
        ("swatch line optimum", star),
        ("swatch area band", band),
        ("swatch line diagonal", "z = z0"),
    ]
}

/// The compared run's optimizer, if any (its name labels the compared curves).
pub fn compared_kind(compare: Option<&Shown>) -> Option<OptimizerKind> {
    compare.map(|c| c.result.spec.opt)
}

/// A heatmap of the sweep view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapKind {
    /// Learned z.
    Learned,
    /// Analytic z*.
    Analytic,
    /// z − z*.
    Diff,
}

impl MapKind {
    /// The three maps, in page order.
    pub const ALL: [MapKind; 3] = [MapKind::Learned, MapKind::Analytic, MapKind::Diff];

    /// The map's title, naming the sweep's optimizer and the problem's optimum.
    pub fn title(self, spec: &RunSpec) -> String {
        match self {
            MapKind::Learned => fill(t().charts.learned_of, &[("name", name(spec.opt.label()))]),
            MapKind::Analytic => fill(t().charts.analytic_of, &[("star", spec.star_label())]),
            MapKind::Diff => t().charts.difference.into(),
        }
    }

    /// Its values (rows × n), colour range and whether the colour map is diverging.
    pub fn values(self, s: &SweepShown) -> (&[f32], (f64, f64), bool) {
        match self {
            MapKind::Learned => (&s.learned, s.range, false),
            MapKind::Analytic => (&s.analytic, s.range, false),
            MapKind::Diff => (&s.diff, (-s.diff_max, s.diff_max), true),
        }
    }
}

/// Smallest value a log axis shows: below it a loss is "zero" for the picture.
pub const LOG_FLOOR: f64 = 1e-9;

impl CurveSpec {
    /// The curve's envelope over `cols` pixel columns: the first run's series up to the
    /// picture's epoch, or the compared run's whole series (it is shown finished).
    pub fn columns(
        &self,
        frame: &Frame,
        compare: Option<&Shown>,
        cols: usize,
    ) -> Vec<crate::view::envelope::Column> {
        use crate::view::envelope::envelope;
        let shown = &frame.shown;
        let epochs = shown.result.spec.epochs;
        let (run, upto) = match (self.compared, compare) {
            (false, _) => (&shown.result, frame.epoch()),
            (true, Some(c)) => (&c.result, u64::MAX),
            (true, None) => return Vec::new(),
        };
        if self.compared || shown.earlier.is_empty() {
            return envelope(self.source.of(&run.history), upto, epochs, cols, LOG_FLOOR);
        }
        // A warm-started run: the runs it continues first, each over its share of the columns,
        // then this one, shifted along the axis by the epochs before it.
        let span = (shown.offset() + epochs).max(1) as f64;
        let share = |e: u64| ((cols as f64 * e as f64 / span).ceil() as usize).max(1);
        let mut out = Vec::with_capacity(cols + shown.earlier.len());
        let mut offset = 0u64;
        let parts = shown
            .earlier
            .iter()
            .map(|e| (&e.history, u64::MAX, e.epochs))
            .chain([(&run.history, upto, epochs)]);
        for (history, upto, epochs) in parts {
            let part = envelope(
                self.source.of(history),
                upto,
                epochs,
                share(epochs),
                LOG_FLOOR,
            );
            out.extend(part.into_iter().map(|mut c| {
                c.epoch += offset as f64;
                c
            }));
            offset += epochs;
        }
        out
    }
}
