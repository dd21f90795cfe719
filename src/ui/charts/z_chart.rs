//! Chart 1: learned z against z0, with z* = clamp(z0, band), the band shaded and the diagonal
//! z = z0 faint. Inside the band z follows the diagonal; outside it sticks to the band's edge.
//! For a variant: per-coordinate bands as vertical bars (weighted L1), or no band (smooth fits),
//! and z* as a short dash per coordinate whenever it is not one line over sorted z0.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::{err, open, text_style, DrawResult};
use crate::core::Band;
use crate::ui::palette::Palette;

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

fn finite_range(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

/// Outer margin and y-label width (CSS px, the latter × zoom): shared by the drawing and by
/// [`z0_at`], which maps a click back to the data.
const MARGIN: f64 = 14.0;
const Y_LABELS: f64 = 70.0;
const X_LABELS: f64 = 56.0;

fn x_range_of(z0: &[f32]) -> std::ops::Range<f64> {
    padded(finite_range(z0.iter().map(|&x| f64::from(x))).unwrap_or((-1.0, 1.0)))
}

/// The plotting area of the page's chart (no caption) in CSS px: (left, right, top, bottom).
fn plot_area(s: &crate::ui::canvas::Scale) -> (f64, f64, f64, f64) {
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

fn y_range_of(data: &ZChart) -> std::ops::Range<f64> {
    let as64 = |v: &[f32]| v.iter().map(|&x| f64::from(x)).collect::<Vec<_>>();
    let values = as64(data.z)
        .into_iter()
        .chain(as64(data.z_star))
        .chain(as64(data.z0));
    padded(finite_range(values).unwrap_or((-1.0, 1.0)))
}

fn padded((lo, hi): (f64, f64)) -> std::ops::Range<f64> {
    let pad = ((hi - lo) * 0.06).max(0.5);
    (lo - pad)..(hi + pad)
}

/// Draws chart 1 into `canvas` (sized to its CSS box × devicePixelRatio).
pub fn draw_z_chart(canvas: &HtmlCanvasElement, data: &ZChart, palette: &Palette) -> DrawResult {
    let Some((root, s)) = open(canvas, palette)? else {
        return Ok(());
    };

    let as64 = |v: &[f32]| v.iter().map(|&x| f64::from(x)).collect::<Vec<_>>();
    let (z0, z, z_star) = (as64(data.z0), as64(data.z), as64(data.z_star));
    let x_range = x_range_of(data.z0);
    let y_range = y_range_of(data);
    let font = |size: f64| text_style(&s, size, palette);

    let caption = match data.band {
        Some(b) => format!(
            "z vs z0 — μ = {}, band [{:.4}, {:.4}]",
            fmt_mu(data.mu),
            b.lo,
            b.hi
        ),
        None if data.mu == 0.0 => {
            "z vs z0 — μ = 0: no band, nothing pulls z away from z0".to_string()
        }
        None => format!("z vs z0 — μ = {}, {}", fmt_mu(data.mu), data.star_label),
    };
    let mut builder = ChartBuilder::on(&root);
    builder.margin(s.px(MARGIN));
    if data.annotate {
        builder.caption(caption, font(19.0));
    }
    let mut chart = builder
        .x_label_area_size(s.px(X_LABELS * s.zoom))
        .y_label_area_size(s.px(Y_LABELS * s.zoom))
        .build_cartesian_2d(x_range.clone(), y_range.clone())
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc("z0 (data)")
        .y_desc("z (learned)")
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

    if let Some(b) = data.band {
        let (lo, hi) = (b.lo.max(y_range.start), b.hi.min(y_range.end));
        if lo < hi {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x_range.start, lo), (x_range.end, hi)],
                    palette.band.mix(0.18).filled(),
                )))
                .map_err(err)?
                .label(format!("band [{:.3}, {:.3}]", b.lo, b.hi))
                .legend(move |(x, y)| {
                    Rectangle::new(
                        [(x, y - 6), (x + 20, y + 6)],
                        palette.band.mix(0.35).filled(),
                    )
                });
        }
    }
    if let Some(bands) = data.bands {
        let bar = palette.band.mix(0.45).stroke_width(s.px(3.0));
        chart
            .draw_series(z0.iter().zip(bands).map(|(&x, &(lo, hi))| {
                let (lo, hi) = (lo.max(y_range.start), hi.min(y_range.end));
                PathElement::new(vec![(x, lo), (x, hi.max(lo))], bar)
            }))
            .map_err(err)?
            .label("band of each coordinate: c ± wᵢ/(2μ)")
            .legend(move |(x, y)| PathElement::new([(x + 10, y - 7), (x + 10, y + 7)], bar));
    }
    let diag = x_range.start.max(y_range.start)..x_range.end.min(y_range.end);
    chart
        .draw_series(LineSeries::new(
            [(diag.start, diag.start), (diag.end, diag.end)],
            palette.diagonal.mix(0.6).stroke_width(s.px(1.0)),
        ))
        .map_err(err)?
        .label("z = z0")
        .legend(move |(x, y)| {
            PathElement::new([(x, y), (x + 20, y)], palette.diagonal.stroke_width(2))
        });
    let radius = if z.len() > 400 {
        s.px(2.0)
    } else {
        s.px(3.5 * s.zoom.min(1.3))
    };
    let learned = palette.learned;
    chart
        .draw_series(
            z0.iter()
                .zip(&z)
                .filter(|(x, y)| x.is_finite() && y.is_finite())
                .map(|(&x, &y)| Circle::new((x, y), radius, learned.filled())),
        )
        .map_err(err)?
        .label("learned z (Adam)")
        .legend(move |(x, y)| Circle::new((x + 10, y), 5, learned.filled()));
    if let Some((zc, name)) = &data.compare {
        let side = (radius as i32 + 1).max(3);
        let color = palette.green;
        chart
            .draw_series(
                z0.iter()
                    .zip(*zc)
                    .filter(|(x, y)| x.is_finite() && y.is_finite())
                    .map(|(&x, &y)| {
                        EmptyElement::at((x, f64::from(y)))
                            + Rectangle::new([(-side, -side), (side, side)], color.filled())
                    }),
            )
            .map_err(err)?
            .label(format!("learned z ({name})"))
            .legend(move |(x, y)| {
                Rectangle::new([(x + 5, y - 5), (x + 15, y + 5)], color.filled())
            });
    }
    let star_style = palette
        .optimum
        .mix(0.9)
        .stroke_width(s.px(2.0 * s.zoom.min(1.3)));
    let label = data.star_label.to_string();
    // One line only where z* is a function drawn left to right: z0 sorted and one band.
    let as_line = data.bands.is_none() && z0.windows(2).all(|w| w[0] <= w[1]);
    let series = if as_line {
        chart.draw_series(LineSeries::new(
            z0.iter().copied().zip(z_star.iter().copied()),
            star_style,
        ))
    } else {
        let half = s.px(4.0 * s.zoom.min(1.3)) as i32;
        chart.draw_series(
            z0.iter()
                .zip(&z_star)
                .filter(|(x, y)| x.is_finite() && y.is_finite())
                .map(move |(&x, &y)| {
                    EmptyElement::at((x, y)) + PathElement::new([(-half, 0), (half, 0)], star_style)
                }),
        )
    };
    series
        .map_err(err)?
        .label(label)
        .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], star_style));
    if data.annotate {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .margin(s.px(10.0))
            .label_font(font(16.0))
            .background_style(palette.background.mix(0.85))
            .border_style(palette.grid)
            .draw()
            .map_err(err)?;
    }
    root.present().map_err(err)
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

/// μ as a person writes it: up to 4 significant digits.
pub fn fmt_mu(mu: f64) -> String {
    if mu == 0.0 {
        "0".into()
    } else if (1e-3..1e4).contains(&mu.abs()) {
        let s = format!("{:.4}", crate::link::mu_scale::round_sig(mu, 4));
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        format!("{mu:.3e}")
    }
}
