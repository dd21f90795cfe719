//! The subgradient explorer's chart: one coordinate's loss l(z) = |z − z0| + μ(z − c)² (top)
//! and its subdifferential ∂l(z) = sign(z − z0) + 2μ(z − c), the whole interval
//! [−1, 1] + 2μ(z0 − c) at the kink (bottom). The optimum is where ∂l contains 0.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::{err, open, text_style, DrawResult, XyChart};
use crate::ui::canvas::Scale;
use crate::ui::palette::Palette;

/// One coordinate, seen on its own.
pub struct Coordinate {
    /// Its data z0ᵢ.
    pub z0: f64,
    /// μ.
    pub mu: f64,
    /// The centre c.
    pub centre: f64,
    /// The exact optimum z*ᵢ.
    pub z_star: f64,
    /// What Adam learned.
    pub z: f64,
}

impl Coordinate {
    /// l(z).
    pub fn loss(&self, z: f64) -> f64 {
        (z - self.z0).abs() + self.mu * (z - self.centre).powi(2)
    }

    /// ∂l(z) as an interval [lo, hi] (a point away from the kink).
    pub fn subdifferential(&self, z: f64) -> (f64, f64) {
        let pull = 2.0 * self.mu * (z - self.centre);
        if z > self.z0 {
            (1.0 + pull, 1.0 + pull)
        } else if z < self.z0 {
            (-1.0 + pull, -1.0 + pull)
        } else {
            (-1.0 + pull, 1.0 + pull)
        }
    }
}

/// A panel of the canvas (its top or bottom half), the same kind of area as the whole.
type Area = super::Root;

/// The z axis both panels share: the points of interest with room around them, and where
/// the curves are sampled.
struct ZAxis {
    /// Left end.
    x0: f64,
    /// Right end.
    x1: f64,
    /// 401 evenly spaced z from `x0` to `x1`.
    xs: Vec<f64>,
}

impl ZAxis {
    /// Spans z0, z*, the learned z and c, padded by a third of their spread (at least 1).
    fn of(c: &Coordinate) -> Self {
        let lo = c.z0.min(c.z_star).min(c.z).min(c.centre);
        let hi = c.z0.max(c.z_star).max(c.z).max(c.centre);
        let pad = ((hi - lo) * 0.35).max(1.0);
        let (x0, x1) = (lo - pad, hi + pad);
        let xs = (0..=400)
            .map(|k| x0 + (x1 - x0) * f64::from(k) / 400.0)
            .collect();
        Self { x0, x1, xs }
    }
}

/// One panel's vertical extent: the values' [lo, hi] and the room around them.
#[derive(Clone, Copy)]
struct Span {
    /// Smallest value shown.
    lo: f64,
    /// Largest value shown.
    hi: f64,
    /// Room below `lo` and above `hi`.
    pad: f64,
}

impl Span {
    /// The padded y range the panel is built over.
    fn range(self) -> std::ops::Range<f64> {
        (self.lo - self.pad)..(self.hi + self.pad)
    }

    /// The loss panel's extent: the sampled losses with 8 % room.
    fn of_loss(losses: &[f64]) -> Self {
        let (lo, hi) = losses
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
                (a.min(v), b.max(v))
            });
        let pad = ((hi - lo) * 0.08).max(1e-3);
        Self { lo, hi, pad }
    }

    /// The subgradient panel's extent: every sampled ∂l and the kink's interval, always
    /// including [−0.5, 0.5] so the zero line shows.
    fn of_subgradient(c: &Coordinate, xs: &[f64]) -> Self {
        let subs: Vec<(f64, f64)> = xs.iter().map(|&x| c.subdifferential(x)).collect();
        let kink = c.subdifferential(c.z0);
        let (lo, hi) = subs
            .iter()
            .chain([&kink])
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &(l, h)| {
                (a.min(l), b.max(h))
            });
        let (lo, hi) = (lo.min(-0.5), hi.max(0.5));
        let pad = (hi - lo) * 0.08;
        Self { lo, hi, pad }
    }
}

/// Draws both panels into `canvas`.
pub fn draw_explorer(canvas: &HtmlCanvasElement, c: &Coordinate, palette: &Palette) -> DrawResult {
    let Some((root, s)) = open(canvas, palette)? else {
        return Ok(());
    };
    let axis = ZAxis::of(c);
    let (top, bottom) = root.split_vertically(s.height / 2);
    let losses: Vec<f64> = axis.xs.iter().map(|&x| c.loss(x)).collect();
    let loss = Span::of_loss(&losses);
    let up = draw_loss_panel(&top, &axis, &losses, loss, &s, palette)?;
    let sub = Span::of_subgradient(c, &axis.xs);
    let mut down = subgradient_axes(&bottom, &axis, sub, &s, palette)?;
    draw_subgradient(&mut down, c, &axis, &s, palette)?;
    let mut panels = Panels {
        up,
        down,
        loss,
        sub,
    };
    mark_optimum_and_learned(&mut panels, c, &s, palette)?;
    root.present().map_err(err)
}

/// The top panel whole: its axes and the loss curve l(z).
fn draw_loss_panel<'a>(
    top: &'a Area,
    axis: &ZAxis,
    losses: &[f64],
    loss: Span,
    s: &Scale,
    palette: &Palette,
) -> Result<XyChart<'a>, String> {
    let font = |size: f64| text_style(s, size, palette);
    let mut up = ChartBuilder::on(top)
        .margin(s.px(8.0))
        .x_label_area_size(s.px(30.0 * s.zoom))
        .y_label_area_size(s.px(56.0 * s.zoom))
        .build_cartesian_2d(axis.x0..axis.x1, loss.range())
        .map_err(err)?;
    up.configure_mesh()
        .y_desc("l(z)")
        .axis_desc_style(font(14.0))
        .label_style(font(13.0))
        .axis_style(palette.foreground.stroke_width(s.px(1.0)))
        .light_line_style(palette.grid.mix(0.3))
        .bold_line_style(palette.grid)
        .draw()
        .map_err(err)?;
    up.draw_series(LineSeries::new(
        axis.xs.iter().copied().zip(losses.iter().copied()),
        palette.foreground.stroke_width(s.px(2.0)),
    ))
    .map_err(err)?;
    Ok(up)
}

/// The bottom panel's axes, z labelled here since this panel is the lower one.
fn subgradient_axes<'a>(
    bottom: &'a Area,
    axis: &ZAxis,
    sub: Span,
    s: &Scale,
    palette: &Palette,
) -> Result<XyChart<'a>, String> {
    let font = |size: f64| text_style(s, size, palette);
    let mut down = ChartBuilder::on(bottom)
        .margin(s.px(8.0))
        .x_label_area_size(s.px(40.0 * s.zoom))
        .y_label_area_size(s.px(56.0 * s.zoom))
        .build_cartesian_2d(axis.x0..axis.x1, sub.range())
        .map_err(err)?;
    down.configure_mesh()
        .x_desc("z")
        .y_desc("∂l(z)")
        .axis_desc_style(font(14.0))
        .label_style(font(13.0))
        .axis_style(palette.foreground.stroke_width(s.px(1.0)))
        .light_line_style(palette.grid.mix(0.3))
        .bold_line_style(palette.grid)
        .draw()
        .map_err(err)?;
    Ok(down)
}

/// The zero line and ∂l: a line on each side of z0, the whole interval at the kink.
fn draw_subgradient(
    down: &mut XyChart,
    c: &Coordinate,
    axis: &ZAxis,
    s: &Scale,
    palette: &Palette,
) -> DrawResult {
    down.draw_series(LineSeries::new(
        [(axis.x0, 0.0), (axis.x1, 0.0)],
        palette.diagonal.stroke_width(s.px(1.0)),
    ))
    .map_err(err)?;
    let sub_style = palette.learned.stroke_width(s.px(2.5));
    let left: Vec<(f64, f64)> = axis
        .xs
        .iter()
        .filter(|&&x| x < c.z0)
        .map(|&x| (x, c.subdifferential(x).0))
        .collect();
    let right: Vec<(f64, f64)> = axis
        .xs
        .iter()
        .filter(|&&x| x > c.z0)
        .map(|&x| (x, c.subdifferential(x).0))
        .collect();
    for side in [left, right] {
        down.draw_series(LineSeries::new(side, sub_style))
            .map_err(err)?;
    }
    // At the kink the subdifferential is a whole interval: a vertical segment.
    let kink = c.subdifferential(c.z0);
    down.draw_series(LineSeries::new(
        [(c.z0, kink.0), (c.z0, kink.1)],
        palette.learned.stroke_width(s.px(4.0)),
    ))
    .map_err(err)?;
    Ok(())
}

/// Both panels with their extents, for the markers that go on both.
struct Panels<'a> {
    /// The loss panel.
    up: XyChart<'a>,
    /// The subgradient panel.
    down: XyChart<'a>,
    /// The loss panel's extent.
    loss: Span,
    /// The subgradient panel's extent.
    sub: Span,
}

/// The optimum (0 ∈ ∂l) and what Adam learned, on both panels, so they can be compared.
fn mark_optimum_and_learned(
    p: &mut Panels,
    c: &Coordinate,
    s: &Scale,
    palette: &Palette,
) -> DrawResult {
    for (x, color, label) in [
        (c.z_star, palette.optimum, "z*"),
        (c.z, palette.green, crate::i18n::t().charts.learned_z),
    ] {
        p.up.draw_series(std::iter::once(Circle::new(
            (x, c.loss(x)),
            s.px(5.0),
            color.filled(),
        )))
        .map_err(err)?;
        p.up.draw_series(std::iter::once(Text::new(
            label,
            (x, c.loss(x) + p.loss.pad * 0.3),
            text_style(s, 13.0, palette),
        )))
        .map_err(err)?;
        p.down
            .draw_series(LineSeries::new(
                [(x, p.sub.lo - p.sub.pad), (x, p.sub.hi + p.sub.pad)],
                color.mix(0.8).stroke_width(s.px(1.5)),
            ))
            .map_err(err)?;
    }
    Ok(())
}
