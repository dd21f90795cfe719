//! Predict, then reveal: the student's prediction of where z stops — the band's two edges, or a
//! sketch of z(z0) — and its score against the exact answer once it is revealed. Predicting
//! first is what makes the answer stick (Kim, Reinecke & Hullman, CHI 2017). Pure data, tested
//! natively; `crate::ui::quiz` draws it and takes the pointer.

use crate::core::Band;
use crate::i18n::{fill, num, range, t};

/// Edges snap to this step: a pointer or a finger places them at a value a person would say
/// ("−8", "10.5"), and a drag to the pixel of −8 scores as −8, not −7.98.
pub const EDGE_STEP: f64 = 0.1;

/// A student's prediction: the two band edges, and optionally a sketch of z over the n z0.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// The lower edge.
    pub lo: f64,
    /// The upper edge.
    pub hi: f64,
    /// A sketched z for every coordinate (None: the prediction is clamp(z0, lo, hi)).
    pub sketch: Option<Vec<f64>>,
}

/// Which edge of the predicted band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The lower edge.
    Lo,
    /// The upper edge.
    Hi,
}

/// `x` on the grid of [`EDGE_STEP`] (and never −0).
pub fn snap(x: f64) -> f64 {
    snap_to(x, EDGE_STEP)
}

/// The step a pointer places an edge with when one pixel is `per_px` chart units: the smallest
/// of 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, … that spans three pixels, so a pointer event's
/// whole-pixel position always rounds to the value under the finger (a drag to the pixel of −8
/// gives −8, never −7.9).
pub fn pointer_step(per_px: f64) -> f64 {
    let need = 3.0 * per_px.abs();
    let mut scale = EDGE_STEP;
    for _ in 0..12 {
        for m in [1.0, 2.0, 2.5, 5.0] {
            if m * scale >= need {
                return m * scale;
            }
        }
        scale *= 10.0;
    }
    scale
}

/// `x` on the grid of `step` (and never −0).
pub fn snap_to(x: f64, step: f64) -> f64 {
    let s = (x / step).round() * step;
    // Round to 10 decimals so 0.1·k prints as the person reads it (−8, not −8.000000000000002).
    let s = (s * 1e10).round() / 1e10;
    if s == 0.0 {
        0.0
    } else {
        s
    }
}

/// The prediction chart's range on both axes: the data's range with a tenth of it on each side
/// (z* always lies within the data's range, so the same range holds every possible answer).
pub fn axis_range(z0: &[f32]) -> std::ops::Range<f64> {
    let Some((lo, hi)) = crate::view::envelope::finite_range(z0.iter().map(|&x| f64::from(x)))
    else {
        return -1.0..1.0;
    };
    let pad = ((hi - lo) * 0.1).max(0.5);
    (lo - pad)..(hi + pad)
}

impl Prediction {
    /// The neutral start: the edges at the ends of the chart, beyond the data (no pull at all:
    /// z = z0), so a student moves both before predicting any band.
    pub fn start(z0: &[f32]) -> Self {
        let r = axis_range(z0);
        Self {
            lo: snap(r.start),
            hi: snap(r.end),
            sketch: None,
        }
    }

    /// Moves one edge to `x` (snapped); the edges keep their order (the dragged one stops at
    /// the other).
    pub fn set_edge(&mut self, edge: Edge, x: f64) {
        self.set_edge_by(edge, x, EDGE_STEP);
    }

    /// Moves one edge to `x` snapped to `step` (a pointer's, see [`pointer_step`]).
    pub fn set_edge_by(&mut self, edge: Edge, x: f64, step: f64) {
        if !x.is_finite() {
            return;
        }
        let x = snap_to(x, step.max(EDGE_STEP));
        match edge {
            Edge::Lo => self.lo = x.min(self.hi),
            Edge::Hi => self.hi = x.max(self.lo),
        }
        self.sketch = None;
    }

    /// The predicted z for each z0: the sketch, or clamp(z0, lo, hi).
    pub fn curve(&self, z0: &[f32]) -> Vec<f64> {
        match &self.sketch {
            Some(s) if s.len() == z0.len() => s.clone(),
            _ => z0
                .iter()
                .map(|&x| f64::from(x).max(self.lo).min(self.hi))
                .collect(),
        }
    }

    /// Sketching from (`x0`, `y0`) to (`x1`, `y1`) in chart units: every coordinate whose z0
    /// lies between x0 and x1 gets the line's height there (a fast stroke skips no coordinate).
    pub fn sketch_stroke(&mut self, z0: &[f32], (x0, y0): (f64, f64), (x1, y1): (f64, f64)) {
        let mut curve = self.curve(z0);
        let (a, b) = if x0 <= x1 { (x0, x1) } else { (x1, x0) };
        for (z, &x) in curve.iter_mut().zip(z0) {
            let x = f64::from(x);
            if x < a || x > b {
                continue;
            }
            *z = if (x1 - x0).abs() < 1e-12 {
                y1
            } else {
                y0 + (y1 - y0) * (x - x0) / (x1 - x0)
            };
        }
        self.sketch = Some(curve);
    }

    /// The score against the exact answer z* (and its band, when there is one).
    pub fn score(&self, z0: &[f32], z_star: &[f32], band: Option<Band>) -> Score {
        let curve = self.curve(z0);
        let n = curve.len().min(z_star.len()).max(1);
        let mean = curve
            .iter()
            .zip(z_star)
            .map(|(p, &s)| (p - f64::from(s)).abs())
            .sum::<f64>()
            / n as f64;
        Score {
            edges: band.map(|b| ((self.lo - b.lo).abs(), (self.hi - b.hi).abs())),
            band,
            predicted: (self.lo, self.hi),
            sketched: self.sketch.is_some(),
            mean,
        }
    }
}

/// How far a prediction was from the answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// |lo − band.lo| and |hi − band.hi| (None when the problem has no single band).
    pub edges: Option<(f64, f64)>,
    /// The exact band, if there is one.
    pub band: Option<Band>,
    /// The predicted edges.
    pub predicted: (f64, f64),
    /// Whether the prediction was a sketch.
    pub sketched: bool,
    /// Mean |prediction − z*| over the coordinates.
    pub mean: f64,
}

impl Score {
    /// The sentence the page shows after Reveal.
    pub fn sentence(&self) -> String {
        let m = &t().teach;
        let what = if self.sketched {
            m.your_sketch
        } else {
            m.your_clamp
        };
        // Typographic minus signs: the sentence is read, not parsed.
        let short = |x: f64| num(x).replace('-', "−");
        let mean = fill(m.mean_error, &[("what", what), ("mean", &short(self.mean))]);
        match (self.edges, self.band) {
            (Some((lo, hi)), Some(b)) => {
                let predicted = range(&short(self.predicted.0), &short(self.predicted.1));
                let answer = range(&short(b.lo), &short(b.hi));
                let (lo_err, hi_err) = (short(lo), short(hi));
                let values = [
                    ("predicted", predicted.as_str()),
                    ("answer", &answer),
                    ("lo", &lo_err),
                    ("hi", &hi_err),
                    ("mean", &mean),
                    ("praise", praise(lo.max(hi))),
                ];
                fill(m.score_band, &values)
            }
            _ => fill(m.score_curve, &[("mean", &mean)]),
        }
    }
}

/// A word for the worse edge's error, relative to nothing but itself: exact, close, or not.
fn praise(worst: f64) -> &'static str {
    match worst {
        w if w < 0.05 => t().teach.exactly_right,
        w if w <= 1.0 => t().teach.close,
        _ => "",
    }
}
