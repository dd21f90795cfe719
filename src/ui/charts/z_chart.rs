//! Chart 1: learned z against z0, with z* = clamp(z0, band), the band shaded and the diagonal
//! z = z0 faint. Inside the band z follows the diagonal; outside it sticks to the band's edge.
//! For a variant: per-coordinate bands as vertical bars (weighted L1), or no band (smooth fits),
//! and z* as a short dash per coordinate whenever it is not one line over sorted z0.

pub(super) mod z_axes;

use std::ops::Range;

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::legend::{Corner, Entry, LegendStyle};
use super::z_chart_layers::{
    draw_band, draw_compare, draw_coordinate_bands, draw_diagonal, draw_learned, draw_z_star, Plot,
};
use super::{err, open, text_style, DrawResult, Root, XyChart};
use crate::i18n::{fill, num, num_fixed, range, t};
use crate::ui::palette::Palette;
pub use z_axes::ZChart;
use z_axes::{x_range_of, y_range_of};

/// Outer margin and y-label width (CSS px, the latter × zoom): shared by the drawing and by
/// [`z0_at`], which maps a click back to the data.
const MARGIN: f64 = 14.0;
const Y_LABELS: f64 = 70.0;
const X_LABELS: f64 = 56.0;

/// The plotting area of the page's chart (no caption) in CSS px: (left, right, top, bottom).
pub(crate) fn plot_area(s: &crate::ui::canvas::Scale) -> (f64, f64, f64, f64) {
    let px = |v: f64| f64::from(s.px(v)) / s.dpr;
    let left = px(MARGIN) + px(Y_LABELS * s.zoom);
    let right = (f64::from(s.width) - f64::from(s.px(MARGIN))) / s.dpr;
    let top = px(MARGIN);
    let bottom = (f64::from(s.height) - f64::from(s.px(MARGIN))) / s.dpr - px(X_LABELS * s.zoom);
    (left, right, top, bottom)
}

/// The z0 value under CSS x-coordinate `x` of a drawn chart (for picking a coordinate).
pub fn z0_at(canvas: &HtmlCanvasElement, z0: &[f32], x: f64) -> Option<f64> {
    let s = crate::ui::canvas::measure(canvas)?;
    let (left, right, _, _) = plot_area(&s);
    let r = x_range_of(z0);
    (right > left).then(|| r.start + (x - left) / (right - left) * (r.end - r.start))
}

/// The coordinate whose learned point (z0ᵢ, zᵢ) is drawn nearest to CSS point (x, y), and its
/// distance in CSS px (for grabbing a point to drag).
pub fn point_at(canvas: &HtmlCanvasElement, data: &ZChart, x: f64, y: f64) -> Option<(usize, f64)> {
    let s = crate::ui::canvas::measure(canvas)?;
    let (left, right, top, bottom) = plot_area(&s);
    let (xr, yr) = (x_range_of(data.z0), y_range_of(data));
    let to_px = |a: f32, b: f32| {
        (
            left + (f64::from(a) - xr.start) / (xr.end - xr.start) * (right - left),
            bottom - (f64::from(b) - yr.start) / (yr.end - yr.start) * (bottom - top),
        )
    };
    data.z0
        .iter()
        .zip(data.z)
        .map(|(&a, &b)| {
            let (px, py) = to_px(a, b);
            (px - x).hypot(py - y)
        })
        .enumerate()
        .filter(|(_, d)| d.is_finite())
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

/// Where the page's chart draws: "left right top bottom x0 x1 y0 y1" (CSS px of the plotting
/// area, then its data ranges), for tests and tools that point at a coordinate's dot.
pub fn geometry(canvas: &HtmlCanvasElement, data: &ZChart) -> Option<String> {
    let s = crate::ui::canvas::measure(canvas)?;
    let (left, right, top, bottom) = plot_area(&s);
    let (xr, yr) = (x_range_of(data.z0), y_range_of(data));
    Some(format!(
        "{left} {right} {top} {bottom} {} {} {} {}",
        xr.start, xr.end, yr.start, yr.end
    ))
}

/// Draws chart 1 into `canvas` (sized to its CSS box × devicePixelRatio).
pub fn draw_z_chart(canvas: &HtmlCanvasElement, data: &ZChart, palette: &Palette) -> DrawResult {
    let Some((root, s)) = open(canvas, palette)? else {
        return Ok(());
    };
    let p = Plot::new(data, s, palette);
    let mut chart = draw_axes(&root, &p)?;
    let legend = &mut Vec::new();
    if let Some(b) = data.band {
        draw_band(&mut chart, &p, b, legend)?;
    }
    if let Some(bands) = data.bands {
        draw_coordinate_bands(&mut chart, &p, bands, legend)?;
    }
    draw_diagonal(&mut chart, &p, legend)?;
    draw_learned(&mut chart, &p, legend)?;
    if let Some((zc, name)) = &data.compare {
        draw_compare(&mut chart, &p, (zc, name), legend)?;
    }
    draw_z_star(&mut chart, &p, legend)?;
    if data.annotate {
        draw_legend(&chart, &p, legend)?;
    }
    root.present().map_err(err)
}

/// The title of a saved image: μ and what z* is (the band, or why there is none).
fn caption(data: &ZChart) -> String {
    let m = &t().charts;
    let mu = num(data.mu);
    match data.band {
        Some(b) => {
            let band = range(&num_fixed(b.lo, 4), &num_fixed(b.hi, 4));
            fill(m.png_band, &[("mu", &mu), ("band", &band)])
        }
        None if data.mu == 0.0 => m.png_zero.to_string(),
        None => fill(m.png_variant, &[("mu", &mu), ("problem", data.star_label)]),
    }
}

/// Builds the chart with the margins [`plot_area`] assumes and draws its mesh.
fn draw_axes<'a>(root: &'a Root, p: &Plot) -> Result<XyChart<'a>, String> {
    let caption = p.data.annotate.then(|| caption(p.data));
    let ranges = (p.x_range.clone(), p.y_range.clone());
    z_vs_z0_axes(
        root,
        &p.s,
        p.palette,
        ranges,
        crate::i18n::t().charts.axis_z,
        caption,
    )
}

/// z against z0 on `ranges`, with the margins [`plot_area`] assumes and the z chart's mesh
/// (the prediction chart shares them, so both read alike): `y_desc` names the y axis, `caption`
/// is drawn inside the picture when given (saved images).
pub(crate) fn z_vs_z0_axes<'a>(
    root: &'a Root,
    s: &crate::ui::canvas::Scale,
    palette: &Palette,
    (x_range, y_range): (Range<f64>, Range<f64>),
    y_desc: &str,
    caption: Option<String>,
) -> Result<XyChart<'a>, String> {
    let font = |size: f64| text_style(s, size, palette);
    let mut builder = ChartBuilder::on(root);
    builder.margin(s.px(MARGIN));
    if let Some(caption) = caption {
        builder.caption(caption, font(19.0));
    }
    let mut chart = builder
        .x_label_area_size(s.px(X_LABELS * s.zoom))
        .y_label_area_size(s.px(Y_LABELS * s.zoom))
        .build_cartesian_2d(x_range, y_range)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc(crate::i18n::t().charts.axis_z0)
        .y_desc(y_desc)
        .axis_desc_style(font(17.0))
        .label_style(font(16.0))
        .axis_style(palette.foreground.stroke_width(s.px(1.0)))
        .bold_line_style(palette.grid.stroke_width(s.px(1.0)))
        .light_line_style(palette.grid.mix(0.4))
        .x_labels(9)
        .y_labels(7)
        .x_label_formatter(&|v| axis_label(*v))
        .y_label_formatter(&|v| axis_label(*v))
        .draw()
        .map_err(err)?;
    Ok(chart)
}

/// The legend inside the picture, for saved images (the page shows it as HTML).
fn draw_legend(chart: &XyChart, p: &Plot, entries: &[Entry]) -> DrawResult {
    let style = LegendStyle::boxed(
        Corner::UpperLeft,
        text_style(&p.s, 16.0, p.palette),
        p.s.px(10.0) as i32,
        p.palette,
    );
    super::legend::draw_legend(&chart.plotting_area().strip_coord_spec(), entries, &style)
}

/// A tick label: plain for everyday values, in exponent form when huge (a diverged run's z
/// would otherwise print 20 digits and be cut off).
fn axis_label(v: f64) -> String {
    if v.abs() >= 1e5 {
        format!("{v:.1e}")
    } else {
        let s = format!("{v:.3}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" {
            "0".into()
        } else {
            s.into()
        }
    }
}
