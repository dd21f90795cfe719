//! The subgradient explorer's chart: one coordinate's loss l(z) = |z − z0| + μ(z − c)² (top)
//! and its subdifferential ∂l(z) = sign(z − z0) + 2μ(z − c), the whole interval
//! [−1, 1] + 2μ(z0 − c) at the kink (bottom). The optimum is where ∂l contains 0.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::{err, open, text_style, DrawResult};
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

/// Draws both panels into `canvas`.
pub fn draw_explorer(canvas: &HtmlCanvasElement, c: &Coordinate, palette: &Palette) -> DrawResult {
    let Some((root, s)) = open(canvas, palette)? else {
        return Ok(());
    };
    let font = |size: f64| text_style(&s, size, palette);
    let lo = c.z0.min(c.z_star).min(c.z).min(c.centre);
    let hi = c.z0.max(c.z_star).max(c.z).max(c.centre);
    let pad = ((hi - lo) * 0.35).max(1.0);
    let (x0, x1) = (lo - pad, hi + pad);
    let xs: Vec<f64> = (0..=400)
        .map(|k| x0 + (x1 - x0) * f64::from(k) / 400.0)
        .collect();
    let (top, bottom) = root.split_vertically(s.height / 2);

    let losses: Vec<f64> = xs.iter().map(|&x| c.loss(x)).collect();
    let (l_lo, l_hi) = losses
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    let l_pad = ((l_hi - l_lo) * 0.08).max(1e-3);
    let mut up = ChartBuilder::on(&top)
        .margin(s.px(8.0))
        .x_label_area_size(s.px(30.0 * s.zoom))
        .y_label_area_size(s.px(56.0 * s.zoom))
        .build_cartesian_2d(x0..x1, (l_lo - l_pad)..(l_hi + l_pad))
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
        xs.iter().copied().zip(losses.iter().copied()),
        palette.foreground.stroke_width(s.px(2.0)),
    ))
    .map_err(err)?;

    let subs: Vec<(f64, f64)> = xs.iter().map(|&x| c.subdifferential(x)).collect();
    let kink = c.subdifferential(c.z0);
    let (g_lo, g_hi) = subs
        .iter()
        .chain([&kink])
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &(l, h)| {
            (a.min(l), b.max(h))
        });
    let (g_lo, g_hi) = (g_lo.min(-0.5), g_hi.max(0.5));
    let g_pad = (g_hi - g_lo) * 0.08;
    let mut down = ChartBuilder::on(&bottom)
        .margin(s.px(8.0))
        .x_label_area_size(s.px(40.0 * s.zoom))
        .y_label_area_size(s.px(56.0 * s.zoom))
        .build_cartesian_2d(x0..x1, (g_lo - g_pad)..(g_hi + g_pad))
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
    down.draw_series(LineSeries::new(
        [(x0, 0.0), (x1, 0.0)],
        palette.diagonal.stroke_width(s.px(1.0)),
    ))
    .map_err(err)?;
    let sub_style = palette.learned.stroke_width(s.px(2.5));
    let left: Vec<(f64, f64)> = xs
        .iter()
        .filter(|&&x| x < c.z0)
        .map(|&x| (x, c.subdifferential(x).0))
        .collect();
    let right: Vec<(f64, f64)> = xs
        .iter()
        .filter(|&&x| x > c.z0)
        .map(|&x| (x, c.subdifferential(x).0))
        .collect();
    for side in [left, right] {
        down.draw_series(LineSeries::new(side, sub_style))
            .map_err(err)?;
    }
    // At the kink the subdifferential is a whole interval: a vertical segment.
    down.draw_series(LineSeries::new(
        [(c.z0, kink.0), (c.z0, kink.1)],
        palette.learned.stroke_width(s.px(4.0)),
    ))
    .map_err(err)?;

    // The optimum (0 ∈ ∂l) and what Adam learned, on both panels.
    for (x, color, label) in [
        (c.z_star, palette.optimum, "z*"),
        (c.z, palette.green, "learned z"),
    ] {
        up.draw_series(std::iter::once(Circle::new(
            (x, c.loss(x)),
            s.px(5.0),
            color.filled(),
        )))
        .map_err(err)?;
        up.draw_series(std::iter::once(Text::new(
            label,
            (x, c.loss(x) + l_pad * 0.3),
            font(13.0),
        )))
        .map_err(err)?;
        down.draw_series(LineSeries::new(
            [(x, g_lo - g_pad), (x, g_hi + g_pad)],
            color.mix(0.8).stroke_width(s.px(1.5)),
        ))
        .map_err(err)?;
    }
    root.present().map_err(err)
}
