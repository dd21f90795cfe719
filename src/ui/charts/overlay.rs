//! The seed's overlay: z against z0 for every μ of a sweep, one line each, coloured along
//! viridis by μ (dark = small μ, yellow = large), with the analytic clamps as thin dashed lines.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::legend::{draw_legend, Corner, Entry, LegendStyle, Swatch};
use super::{err, open, text_style, DrawResult, Root, XyChart};
use crate::ui::canvas::Scale;
use crate::ui::colormap::viridis;
use crate::ui::palette::Palette;
use crate::view::sweep_shown::SweepShown;

/// What the overlay shows.
pub struct Overlay<'a> {
    /// z0 (x axis).
    pub z0: &'a [f32],
    /// (μ, learned z) per row, in grid order.
    pub rows: Vec<(f64, &'a [f32])>,
    /// z* per row (same order), drawn dashed when present.
    pub z_stars: Option<Vec<Vec<f32>>>,
    /// Draw a title and a μ legend inside the picture (saved images).
    pub annotate: bool,
}

impl<'a> Overlay<'a> {
    /// The overlay of sweep `s` (its z* dashed when `star`): what the page and the PNG export
    /// both draw.
    pub fn of(s: &'a SweepShown, star: bool, annotate: bool) -> Self {
        Overlay {
            z0: &s.z0,
            rows: s
                .result
                .rows
                .iter()
                .map(|r| (r.mu, r.z.as_slice()))
                .collect(),
            z_stars: star.then(|| s.z_stars.clone()),
            annotate,
        }
    }
}

/// Colour of row `i` of `m`: viridis from 0.18 to 0.92. Its darkest purple vanishes on the dark
/// theme's background and its palest yellow on the light one, so both ends are left out.
pub fn row_color(i: usize, m: usize) -> RGBColor {
    viridis(if m <= 1 {
        0.55
    } else {
        0.18 + 0.74 * i as f64 / (m - 1) as f64
    })
}

/// Draws the overlay into `canvas`.
pub fn draw_overlay(canvas: &HtmlCanvasElement, data: &Overlay, palette: &Palette) -> DrawResult {
    let Some((root, s)) = open(canvas, palette)? else {
        return Ok(());
    };
    let mut chart = draw_axes(&root, data, &s, palette)?;
    let x: Vec<f64> = data.z0.iter().map(|&v| f64::from(v)).collect();
    if let Some(stars) = &data.z_stars {
        draw_z_stars(&mut chart, &x, stars, data.rows.len(), &s)?;
    }
    let legend = draw_rows(&mut chart, &x, &data.rows, &s)?;
    if data.annotate {
        draw_mu_legend(&chart, &legend, &s, palette)?;
    }
    root.present().map_err(err)
}

/// The axes' ranges: z0 across, every finite z (and z0) up, 5 % padded, −1..1 when empty.
fn axis_ranges(data: &Overlay) -> (std::ops::Range<f64>, std::ops::Range<f64>) {
    let finite = |v: &[f32]| {
        v.iter()
            .filter(|x| x.is_finite())
            .map(|&x| f64::from(x))
            .collect::<Vec<_>>()
    };
    let xs = finite(data.z0);
    let ys: Vec<f64> = data
        .rows
        .iter()
        .flat_map(|(_, z)| finite(z))
        .chain(xs.iter().copied())
        .collect();
    let range = |v: &[f64]| {
        let (lo, hi) = v
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
                (a.min(x), b.max(x))
            });
        if lo.is_finite() && hi > lo {
            let pad = (hi - lo) * 0.05;
            (lo - pad)..(hi + pad)
        } else {
            -1.0..1.0
        }
    };
    (range(&xs), range(&ys))
}

/// Builds the chart over [`axis_ranges`] and draws its mesh, with the title when annotating.
fn draw_axes<'a>(
    root: &'a Root,
    data: &Overlay,
    s: &Scale,
    palette: &Palette,
) -> Result<XyChart<'a>, String> {
    let font = |size: f64| text_style(s, size, palette);
    let (x_range, y_range) = axis_ranges(data);
    let mut builder = ChartBuilder::on(root);
    builder
        .margin(s.px(14.0))
        .x_label_area_size(s.px(54.0 * s.zoom))
        .y_label_area_size(s.px(70.0 * s.zoom));
    if data.annotate {
        builder.caption(crate::i18n::t().panels.overlay_caption, font(19.0));
    }
    let mut chart = builder.build_cartesian_2d(x_range, y_range).map_err(err)?;
    chart
        .configure_mesh()
        .x_desc(crate::i18n::t().charts.axis_z0)
        .y_desc(crate::i18n::t().charts.axis_z)
        .axis_desc_style(font(17.0))
        .label_style(font(16.0))
        .axis_style(palette.foreground.stroke_width(s.px(1.0)))
        .bold_line_style(palette.grid.stroke_width(s.px(1.0)))
        .light_line_style(palette.grid.mix(0.35))
        .draw()
        .map_err(err)?;
    Ok(chart)
}

/// Each row's analytic clamp z* as a thin dashed line, under the learned lines.
fn draw_z_stars(
    chart: &mut XyChart,
    x: &[f64],
    stars: &[Vec<f32>],
    m: usize,
    s: &Scale,
) -> DrawResult {
    for (i, star) in stars.iter().enumerate() {
        let style = row_color(i, m).mix(0.8).stroke_width(s.px(1.0));
        let points: Vec<(f64, f64)> = x
            .iter()
            .copied()
            .zip(star.iter().map(|&v| f64::from(v)))
            .collect();
        // Dashes: every other short segment of the polyline.
        chart
            .draw_series(
                points
                    .windows(2)
                    .enumerate()
                    .filter(|(k, _)| k % 2 == 0)
                    .map(|(_, w)| PathElement::new(vec![w[0], w[1]], style)),
            )
            .map_err(err)?;
    }
    Ok(())
}

/// Each row's learned z as a line in its μ colour; returns a legend entry per row naming its μ.
fn draw_rows(
    chart: &mut XyChart,
    x: &[f64],
    rows: &[(f64, &[f32])],
    s: &Scale,
) -> Result<Vec<Entry>, String> {
    let m = rows.len();
    let mut legend = Vec::with_capacity(m);
    for (i, (mu, z)) in rows.iter().enumerate() {
        let color = row_color(i, m);
        let points = x
            .iter()
            .copied()
            .zip(z.iter().map(|&v| f64::from(v)))
            .filter(|(_, y)| y.is_finite());
        chart
            .draw_series(LineSeries::new(points, color.stroke_width(s.px(2.0))))
            .map_err(err)?;
        legend.push(Entry {
            label: format!("μ = {}", crate::view::format::short(*mu)),
            swatch: Swatch::Line(color.stroke_width(3), 20),
        });
    }
    Ok(legend)
}

/// The μ legend inside the picture, for saved images (see [`Overlay::annotate`]).
fn draw_mu_legend(chart: &XyChart, legend: &[Entry], s: &Scale, palette: &Palette) -> DrawResult {
    let style = LegendStyle::boxed(
        Corner::UpperLeft,
        text_style(s, 14.0, palette),
        // Plotters' default padding, which this legend always had (unscaled).
        10,
        palette,
    );
    draw_legend(&chart.plotting_area().strip_coord_spec(), legend, &style)
}
