//! Where clamping starts: the band edges 1 ± 1/(2μ) against μ (log), the data's z0 range shaded,
//! and the sweep's μ values marked. A μ clamps something exactly when an edge has entered the
//! z0 range.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::{err, open, text_style, DrawResult};
use crate::ui::charts::overlay::row_color;
use crate::ui::palette::Palette;

/// What the band-edge chart shows.
pub struct BandEdges<'a> {
    /// The sweep's μ grid.
    pub mus: &'a [f64],
    /// The data range [z0min, z0max].
    pub z0_range: (f64, f64),
    /// The centre c.
    pub centre: f64,
    /// Draw a title inside the picture (saved images).
    pub annotate: bool,
}

/// The smallest μ at which the band is narrower than the z0 range on some side, i.e. the first
/// μ that clamps anything: 1/(2·max(z0max − c, c − z0min)).
pub fn clamping_starts(z0_range: (f64, f64), centre: f64) -> Option<f64> {
    let reach = (z0_range.1 - centre).max(centre - z0_range.0);
    (reach > 0.0).then(|| 1.0 / (2.0 * reach))
}

/// Draws the chart into `canvas`.
pub fn draw_band_edges(
    canvas: &HtmlCanvasElement,
    data: &BandEdges,
    palette: &Palette,
) -> DrawResult {
    let Some((root, s)) = open(canvas, palette)? else {
        return Ok(());
    };
    let font = |size: f64| text_style(&s, size, palette);
    let (lo_mu, hi_mu) = data
        .mus
        .iter()
        .fold((f64::INFINITY, 0.0f64), |(a, b), &m| (a.min(m), b.max(m)));
    let start = clamping_starts(data.z0_range, data.centre);
    let lo_mu = lo_mu.min(start.unwrap_or(lo_mu)).max(1e-6) / 2.0;
    let hi_mu = hi_mu.max(lo_mu * 10.0) * 2.0;
    let (z_lo, z_hi) = data.z0_range;
    let pad = (z_hi - z_lo).abs().max(1.0) * 0.6;
    let (y_lo, y_hi) = (z_lo.min(data.centre) - pad, z_hi.max(data.centre) + pad);

    let mut builder = ChartBuilder::on(&root);
    builder
        .margin(s.px(12.0))
        .x_label_area_size(s.px(48.0 * s.zoom))
        .y_label_area_size(s.px(60.0 * s.zoom));
    if data.annotate {
        builder.caption("Band edges 1 ± 1/(2μ) against μ", font(18.0));
    }
    let mut chart = builder
        .build_cartesian_2d((lo_mu..hi_mu).log_scale(), y_lo..y_hi)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc("μ (log scale)")
        .y_desc("z")
        .axis_desc_style(font(16.0))
        .label_style(font(14.0))
        .axis_style(palette.foreground.stroke_width(s.px(1.0)))
        .bold_line_style(palette.grid.stroke_width(s.px(1.0)))
        .light_line_style(palette.grid.mix(0.3))
        .x_label_formatter(&|x| crate::ui::charts::z_chart::fmt_mu(*x))
        .draw()
        .map_err(err)?;
    chart
        .draw_series(std::iter::once(Rectangle::new(
            [(lo_mu, z_lo), (hi_mu, z_hi)],
            palette.band.mix(0.2).filled(),
        )))
        .map_err(err)?;
    let m = data.mus.len();
    for (i, &mu) in data.mus.iter().enumerate() {
        chart
            .draw_series(LineSeries::new(
                [(mu, y_lo), (mu, y_hi)],
                row_color(i, m).stroke_width(s.px(2.0)),
            ))
            .map_err(err)?;
    }
    let curve = |sign: f64| {
        (0..=200).map(move |k| {
            let mu = lo_mu * (hi_mu / lo_mu).powf(f64::from(k) / 200.0);
            (mu, (data.centre + sign / (2.0 * mu)).clamp(y_lo, y_hi))
        })
    };
    for sign in [1.0, -1.0] {
        chart
            .draw_series(LineSeries::new(
                curve(sign),
                palette.optimum.stroke_width(s.px(2.5)),
            ))
            .map_err(err)?;
    }
    if let Some(mu) = start {
        chart
            .draw_series(std::iter::once(Text::new(
                format!(
                    "clamping starts at μ = {}",
                    crate::ui::charts::z_chart::fmt_mu(mu)
                ),
                (mu * 1.1, y_hi - pad * 0.3),
                font(14.0),
            )))
            .map_err(err)?;
        chart
            .draw_series(LineSeries::new(
                [(mu, y_lo), (mu, y_hi)],
                palette.foreground.mix(0.5).stroke_width(s.px(1.0)),
            ))
            .map_err(err)?;
    }
    root.present().map_err(err)
}
