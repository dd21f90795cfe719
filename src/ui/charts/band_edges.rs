//! Where clamping starts: the band edges 1 ± 1/(2μ) against μ (log), the data's z0 range shaded,
//! and the sweep's μ values marked. A μ clamps something exactly when an edge has entered the
//! z0 range.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::{err, open, text_style, DrawResult, Root};
use crate::core::Band;
use crate::ui::canvas::Scale;
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

/// The chart's axes: μ on a log scale against z.
type EdgeChart<'a> = ChartContext<'a, CanvasBackend, Cartesian2d<LogCoord<f64>, RangedCoordf64>>;

/// Where everything sits, worked out once so the axes, the shading and the curves agree.
struct Extent {
    /// μ axis, left end.
    lo_mu: f64,
    /// μ axis, right end.
    hi_mu: f64,
    /// The data's z0 range.
    z0_range: (f64, f64),
    /// The centre c.
    centre: f64,
    /// Room above and below the z0 range.
    pad: f64,
    /// z axis, bottom.
    y_lo: f64,
    /// z axis, top.
    y_hi: f64,
    /// The first μ that clamps anything.
    start: Option<f64>,
}

impl Extent {
    /// The μ axis spans the sweep and the clamping start; the z axis the z0 range, c and room.
    fn of(data: &BandEdges) -> Self {
        let (lo_mu, hi_mu) = data
            .mus
            .iter()
            .fold((f64::INFINITY, 0.0f64), |(a, b), &m| (a.min(m), b.max(m)));
        let start = Band::clamping_starts(data.z0_range, data.centre);
        let lo_mu = lo_mu.min(start.unwrap_or(lo_mu)).max(1e-6) / 2.0;
        let hi_mu = hi_mu.max(lo_mu * 10.0) * 2.0;
        let (z_lo, z_hi) = data.z0_range;
        let pad = (z_hi - z_lo).abs().max(1.0) * 0.6;
        let (y_lo, y_hi) = (z_lo.min(data.centre) - pad, z_hi.max(data.centre) + pad);
        Self {
            lo_mu,
            hi_mu,
            z0_range: data.z0_range,
            centre: data.centre,
            pad,
            y_lo,
            y_hi,
            start,
        }
    }
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
    let e = Extent::of(data);
    let mut chart = draw_axes(&root, &e, data.annotate, &s, palette)?;
    shade_z0_range(&mut chart, &e, palette)?;
    mark_sweep_mus(&mut chart, data.mus, &e, &s)?;
    draw_edges(&mut chart, &e, &s, palette)?;
    if let Some(mu) = e.start {
        mark_clamping_start(&mut chart, mu, &e, &s, palette)?;
    }
    root.present().map_err(err)
}

/// Builds the log-μ chart and draws its mesh, so the layers below only add series.
fn draw_axes<'a>(
    root: &'a Root,
    e: &Extent,
    annotate: bool,
    s: &Scale,
    palette: &Palette,
) -> Result<EdgeChart<'a>, String> {
    let font = |size: f64| text_style(s, size, palette);
    let mut builder = ChartBuilder::on(root);
    builder
        .margin(s.px(12.0))
        .x_label_area_size(s.px(48.0 * s.zoom))
        .y_label_area_size(s.px(60.0 * s.zoom));
    if annotate {
        builder.caption(crate::i18n::t().panels.edges_caption, font(18.0));
    }
    let mut chart = builder
        .build_cartesian_2d((e.lo_mu..e.hi_mu).log_scale(), e.y_lo..e.y_hi)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc(crate::i18n::t().charts.axis_mu)
        .y_desc("z")
        .axis_desc_style(font(16.0))
        .label_style(font(14.0))
        .axis_style(palette.foreground.stroke_width(s.px(1.0)))
        .bold_line_style(palette.grid.stroke_width(s.px(1.0)))
        .light_line_style(palette.grid.mix(0.3))
        .x_label_formatter(&|x| crate::view::format::short(*x))
        .draw()
        .map_err(err)?;
    Ok(chart)
}

/// Shades the data's z0 range across all μ: an edge inside it means clamping.
fn shade_z0_range(chart: &mut EdgeChart, e: &Extent, palette: &Palette) -> DrawResult {
    let (z_lo, z_hi) = e.z0_range;
    chart
        .draw_series(std::iter::once(Rectangle::new(
            [(e.lo_mu, z_lo), (e.hi_mu, z_hi)],
            palette.band.mix(0.2).filled(),
        )))
        .map_err(err)?;
    Ok(())
}

/// One vertical line per μ of the sweep, in the overlay's row colours.
fn mark_sweep_mus(chart: &mut EdgeChart, mus: &[f64], e: &Extent, s: &Scale) -> DrawResult {
    let m = mus.len();
    for (i, &mu) in mus.iter().enumerate() {
        chart
            .draw_series(LineSeries::new(
                [(mu, e.y_lo), (mu, e.y_hi)],
                row_color(i, m).stroke_width(s.px(2.0)),
            ))
            .map_err(err)?;
    }
    Ok(())
}

/// The two band edges c ± 1/(2μ), sampled evenly in log μ and kept inside the z axis.
fn draw_edges(chart: &mut EdgeChart, e: &Extent, s: &Scale, palette: &Palette) -> DrawResult {
    let curve = |sign: f64| {
        (0..=200).map(move |k| {
            let mu = e.lo_mu * (e.hi_mu / e.lo_mu).powf(f64::from(k) / 200.0);
            // The axis starts at μ > 0, so the band always exists there.
            let edge =
                Band::for_mu(mu, e.centre)
                    .map_or(e.centre, |b| if sign > 0.0 { b.hi } else { b.lo });
            (mu, edge.clamp(e.y_lo, e.y_hi))
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
    Ok(())
}

/// Labels and marks the first μ that clamps anything, the chart's answer.
fn mark_clamping_start(
    chart: &mut EdgeChart,
    mu: f64,
    e: &Extent,
    s: &Scale,
    palette: &Palette,
) -> DrawResult {
    chart
        .draw_series(std::iter::once(Text::new(
            crate::i18n::fill(
                crate::i18n::t().charts.clamping_starts,
                &[("mu", &crate::i18n::num(mu))],
            ),
            (mu * 1.1, e.y_hi - e.pad * 0.3),
            text_style(s, 14.0, palette),
        )))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(mu, e.y_lo), (mu, e.y_hi)],
            palette.foreground.mix(0.5).stroke_width(s.px(1.0)),
        ))
        .map_err(err)?;
    Ok(())
}
