//! What chart 1 shows and the ranges of its two axes: shared by the drawing (the layers) and by
//! hit-testing (mapping a pointer back to the data), so both agree on where a point sits.

use crate::core::Band;
use crate::view::envelope::finite_range;
use crate::view::shown::{Frame, Shown};

/// What chart 1 shows.
pub struct ZChart<'a> {
    /// Data z0 (x axis).
    pub z0: &'a [f32],
    /// Learned z (points).
    pub z: &'a [f32],
    /// Exact optimum z* (line).
    pub z_star: &'a [f32],
    /// The band, if μ > 0 (the seed's fit).
    pub band: Option<Band>,
    /// Per-coordinate bands [loᵢ, hiᵢ] (a weighted L1 fit).
    pub bands: Option<&'a [(f64, f64)]>,
    /// The legend's name for z*.
    pub star_label: &'a str,
    /// μ, for the caption.
    pub mu: f64,
    /// A second optimizer's z and its name (compare mode), drawn as squares.
    pub compare: Option<(&'a [f32], &'a str)>,
    /// Draw the caption and legend inside the picture (for a saved image; the page shows them
    /// as HTML, which wraps on a phone and is read by screen readers).
    pub annotate: bool,
}

impl<'a> ZChart<'a> {
    /// Chart 1 of picture `f` (with the compared run's z as squares): what the page and the PNG
    /// export both draw.
    pub fn of(f: &'a Frame, other: Option<&'a Shown>, annotate: bool) -> Self {
        let s = &f.shown;
        ZChart {
            compare: other.map(|c| {
                (
                    c.result.z.as_slice(),
                    crate::i18n::name(c.result.spec.opt.label()),
                )
            }),
            z0: &s.z0,
            z: f.z(),
            z_star: &s.z_star,
            band: s.band,
            bands: s.bands.as_deref(),
            star_label: s.result.spec.star_label(),
            mu: s.result.spec.mu,
            annotate,
        }
    }
}

/// The z0 axis: the finite z0, padded (shared by drawing and hit-testing).
pub(crate) fn x_range_of(z0: &[f32]) -> std::ops::Range<f64> {
    padded(finite_range(z0.iter().map(|&x| f64::from(x))).unwrap_or((-1.0, 1.0)))
}

/// The z axis: every finite z, z* and z0, padded (shared by drawing and hit-testing).
pub(crate) fn y_range_of(data: &ZChart) -> std::ops::Range<f64> {
    let as64 = |v: &[f32]| v.iter().map(|&x| f64::from(x)).collect::<Vec<_>>();
    let values = as64(data.z)
        .into_iter()
        .chain(as64(data.z_star))
        .chain(as64(data.z0));
    padded(finite_range(values).unwrap_or((-1.0, 1.0)))
}

/// A range with a margin on both sides, so no point sits on the frame.
fn padded((lo, hi): (f64, f64)) -> std::ops::Range<f64> {
    let pad = ((hi - lo) * 0.06).max(0.5);
    (lo - pad)..(hi + pad)
}
