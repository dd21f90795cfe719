//! The regime map's words: the sentence under the chart, the readout of a point and of the
//! current μ, in the page's language (src/i18n/regime.rs).

use super::{classify, mu_axis, sig4, Fit, Regimes, Region};
use crate::core::variants::optimum;
use crate::i18n::{fill, localise, t};

/// `x` as [`sig4`] writes it, in the page's language.
fn shown(x: f64) -> String {
    localise(sig4(x))
}

/// `template` filled from owned values.
fn fill_owned(template: &str, values: &[(&str, String)]) -> String {
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &values)
}

impl Region {
    /// The region in words, as the readout and the legend say it.
    pub fn label(self) -> &'static str {
        let m = &t().regime;
        match self {
            Region::Lower => m.lower,
            Region::Inside => m.inside,
            Region::Upper => m.upper,
        }
    }
}

impl Regimes {
    /// The fit's name for sentences: "pseudo-Huber fit (δ = 1)", "L2 fit", "L1 fit".
    fn fit_name(&self) -> String {
        let m = &t().names;
        match self.fit {
            Fit::L1 => m.l1_fit.into(),
            Fit::PseudoHuber { delta } => fill(m.huber_fit, &[("delta", &shown(delta))]),
            Fit::L2 => m.l2_fit.into(),
        }
    }

    /// What the map shows for this problem, in a sentence or two: the three regions (and, with
    /// weights, that the boundary depends on the coordinate's weight), or why a smooth fit has
    /// none; and, at μ = 0, that the whole plane is inside.
    pub fn sentence(&self) -> String {
        let m = &t().regime;
        let c = shown(self.centre);
        let (w_lo, w_hi) = self.weight_range();
        let mut out = if !self.pins() {
            let why = match self.fit {
                Fit::L2 => m.why_l2,
                _ => m.why_smooth,
            };
            fill(m.no_pinned, &[("fit", &self.fit_name()), ("why", why)])
        } else if self.uniform() {
            let w = if w_lo == 1.0 {
                String::new()
            } else {
                format!("{}·", shown(w_lo))
            };
            fill(m.uniform, &[("c", &c), ("w", &w)])
        } else {
            let values = [("c", c.clone()), ("lo", shown(w_lo)), ("hi", shown(w_hi))];
            fill_owned(m.weighted, &values)
        };
        if self.pins() && self.centre != 1.0 {
            out.push_str(&fill(m.centre_moves, &[("c", &c)]));
        }
        if self.mu == 0.0 {
            let inside = if self.pins() { m.plane_inside } else { "" };
            let min = shown(mu_axis().0);
            out.push_str(&fill(m.at_zero, &[("inside", inside), ("min", &min)]));
        }
        out
    }

    /// The readout of the point (μ, z0) under the pointer: its region and z*, e.g.
    /// "μ = 0.2, z0 = 5: pinned to the upper edge, z* = 3.5"; with weights, for the smallest
    /// and the largest weight.
    pub fn readout(&self, mu: f64, z0: f64) -> String {
        let m = &t().regime;
        let at = format!("μ = {}, z0 = {}", shown(mu), shown(z0));
        let (w_lo, w_hi) = self.weight_range();
        let region = |w: f64| self.pins().then(|| classify(mu, z0, self.centre, w).0);
        let star = |w: f64| shown(optimum(self.fit, z0, w, mu, self.centre));
        let (wa, wb) = (shown(w_lo), shown(w_hi));
        let both = || {
            let values = [
                ("a", star(w_lo)),
                ("wa", wa.clone()),
                ("b", star(w_hi)),
                ("wb", wb.clone()),
            ];
            fill_owned(m.star_range, &values)
        };
        let fit = self.fit_name();
        match (region(w_lo), region(w_hi)) {
            (None, _) if w_lo == w_hi => fill_owned(
                m.never_one,
                &[("at", at), ("fit", fit), ("star", star(w_lo))],
            ),
            (None, _) => fill_owned(m.never_both, &[("at", at), ("fit", fit), ("both", both())]),
            (Some(r), _) if w_lo == w_hi => {
                let values = [
                    ("at", at),
                    ("region", r.label().into()),
                    ("star", star(w_lo)),
                ];
                fill_owned(m.region_one, &values)
            }
            (Some(r), Some(q)) if r == q => {
                let values = [("at", at), ("region", r.label().into()), ("both", both())];
                fill_owned(m.region_every, &values)
            }
            (Some(r), q) => {
                let values = [
                    ("at", at),
                    ("r", r.label().into()),
                    ("wa", wa.clone()),
                    ("a", star(w_lo)),
                    ("q", q.map_or("", Region::label).into()),
                    ("wb", wb.clone()),
                    ("b", star(w_hi)),
                ];
                fill_owned(m.depends, &values)
            }
        }
    }

    /// The readout when no point is named: where the n coordinates lie at the current μ.
    pub fn summary(&self) -> String {
        let m = &t().regime;
        let n = self.z0.len().to_string();
        let at = format!("μ = {}", shown(self.mu));
        if self.mu == 0.0 {
            let inside = if self.pins() { m.plane_inside_band } else { "" };
            return fill(m.all_follow, &[("at", &at), ("inside", inside), ("n", &n)]);
        }
        match self.counts() {
            Some([lower, inside, upper]) => {
                let values = [
                    ("at", at),
                    ("n", n),
                    ("lower", lower.to_string()),
                    ("lower_label", Region::Lower.label().into()),
                    ("inside", inside.to_string()),
                    ("inside_label", Region::Inside.label().into()),
                    ("upper", upper.to_string()),
                    ("upper_label", Region::Upper.label().into()),
                ];
                fill_owned(m.counts, &values)
            }
            None => fill(m.none_pinned, &[("at", &at), ("fit", &self.fit_name())]),
        }
    }
}
