//! Chart 1's series, one function per layer in drawing order: the band (or each coordinate's
//! band), the diagonal z = z0, the learned dots, a compared optimizer's squares, then z*.

use plotters::prelude::*;

use super::legend::{Entry, Swatch};
use super::z_chart::z_axes::{x_range_of, y_range_of, ZChart};
use super::{err, DrawResult, XyChart};
use crate::core::Band;
use crate::ui::canvas::Scale;
use crate::ui::palette::Palette;

/// Chart 1's data in plot units (f64) with its axes' ranges, scale and colours: what every
/// layer draws from, passed as one.
pub(super) struct Plot<'d> {
    /// What the chart shows.
    pub(super) data: &'d ZChart<'d>,
    /// z0 as f64.
    pub(super) z0: Vec<f64>,
    /// Learned z as f64.
    pub(super) z: Vec<f64>,
    /// z* as f64.
    pub(super) z_star: Vec<f64>,
    /// The z0 axis.
    pub(super) x_range: std::ops::Range<f64>,
    /// The z axis.
    pub(super) y_range: std::ops::Range<f64>,
    /// The canvas' scale.
    pub(super) s: Scale,
    /// The colours.
    pub(super) palette: &'d Palette,
}

impl<'d> Plot<'d> {
    /// Converts the series once; the ranges are the ones hit-testing uses ([`x_range_of`]).
    pub(super) fn new(data: &'d ZChart<'d>, s: Scale, palette: &'d Palette) -> Self {
        let as64 = |v: &[f32]| v.iter().map(|&x| f64::from(x)).collect::<Vec<_>>();
        Self {
            data,
            z0: as64(data.z0),
            z: as64(data.z),
            z_star: as64(data.z_star),
            x_range: x_range_of(data.z0),
            y_range: y_range_of(data),
            s,
            palette,
        }
    }

    /// The learned dots' radius: small when there are many, so they stay apart.
    fn dot_radius(&self) -> u32 {
        let s = &self.s;
        if self.z.len() > 400 {
            s.px(2.0)
        } else {
            s.px(3.5 * s.zoom.min(1.3))
        }
    }
}

/// The seed's band shaded across the chart, clipped to the z axis: where z* sticks.
pub(super) fn draw_band(
    chart: &mut XyChart,
    p: &Plot,
    b: Band,
    legend: &mut Vec<Entry>,
) -> DrawResult {
    let (lo, hi) = (b.lo.max(p.y_range.start), b.hi.min(p.y_range.end));
    if lo < hi {
        let band = p.palette.band;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(p.x_range.start, lo), (p.x_range.end, hi)],
                band.mix(0.18).filled(),
            )))
            .map_err(err)?;
        legend.push(Entry {
            label: crate::i18n::fill(
                crate::i18n::t().charts.band_short,
                &[(
                    "band",
                    &crate::i18n::range(
                        &crate::i18n::num_fixed(b.lo, 3),
                        &crate::i18n::num_fixed(b.hi, 3),
                    ),
                )],
            ),
            swatch: Swatch::Block(band.mix(0.35).filled(), (0, -6), (20, 6)),
        });
    }
    Ok(())
}

/// A weighted L1 fit's per-coordinate bands, one vertical bar at each z0.
pub(super) fn draw_coordinate_bands(
    chart: &mut XyChart,
    p: &Plot,
    bands: &[(f64, f64)],
    legend: &mut Vec<Entry>,
) -> DrawResult {
    let bar = p.palette.band.mix(0.45).stroke_width(p.s.px(3.0));
    let y_range = &p.y_range;
    chart
        .draw_series(p.z0.iter().zip(bands).map(|(&x, &(lo, hi))| {
            let (lo, hi) = (lo.max(y_range.start), hi.min(y_range.end));
            PathElement::new(vec![(x, lo), (x, hi.max(lo))], bar)
        }))
        .map_err(err)?;
    legend.push(Entry {
        label: crate::i18n::t().charts.band_each.into(),
        swatch: Swatch::Bar(bar),
    });
    Ok(())
}

/// The faint diagonal z = z0, which z follows inside the band.
pub(super) fn draw_diagonal(chart: &mut XyChart, p: &Plot, legend: &mut Vec<Entry>) -> DrawResult {
    let (x_range, y_range) = (&p.x_range, &p.y_range);
    let diag = x_range.start.max(y_range.start)..x_range.end.min(y_range.end);
    let diagonal = p.palette.diagonal;
    chart
        .draw_series(LineSeries::new(
            [(diag.start, diag.start), (diag.end, diag.end)],
            diagonal.mix(0.6).stroke_width(p.s.px(1.0)),
        ))
        .map_err(err)?;
    legend.push(Entry {
        label: "z = z0".into(),
        swatch: Swatch::Line(diagonal.stroke_width(2), 20),
    });
    Ok(())
}

/// Adam's learned z, one dot per coordinate (non-finite ones left out).
pub(super) fn draw_learned(chart: &mut XyChart, p: &Plot, legend: &mut Vec<Entry>) -> DrawResult {
    let radius = p.dot_radius();
    let learned = p.palette.learned;
    chart
        .draw_series(
            p.z0.iter()
                .zip(&p.z)
                .filter(|(x, y)| x.is_finite() && y.is_finite())
                .map(|(&x, &y)| Circle::new((x, y), radius, learned.filled())),
        )
        .map_err(err)?;
    legend.push(Entry {
        label: crate::i18n::fill(crate::i18n::t().charts.learned_of, &[("name", "Adam")]),
        swatch: Swatch::Dot(learned.filled()),
    });
    Ok(())
}

/// The compared optimizer's z as squares a little larger than the dots, so both show.
pub(super) fn draw_compare(
    chart: &mut XyChart,
    p: &Plot,
    (zc, name): (&[f32], &str),
    legend: &mut Vec<Entry>,
) -> DrawResult {
    let side = (p.dot_radius() as i32 + 1).max(3);
    let color = p.palette.green;
    chart
        .draw_series(
            p.z0.iter()
                .zip(zc)
                .filter(|(x, y)| x.is_finite() && y.is_finite())
                .map(|(&x, &y)| {
                    EmptyElement::at((x, f64::from(y)))
                        + Rectangle::new([(-side, -side), (side, side)], color.filled())
                }),
        )
        .map_err(err)?;
    legend.push(Entry {
        label: crate::i18n::fill(crate::i18n::t().charts.learned_of, &[("name", name)]),
        swatch: Swatch::Block(color.filled(), (5, -5), (15, 5)),
    });
    Ok(())
}

/// z*, as one line where it is a function of sorted z0 under one band, else a dash each.
pub(super) fn draw_z_star(chart: &mut XyChart, p: &Plot, legend: &mut Vec<Entry>) -> DrawResult {
    let s = &p.s;
    let star_style = p
        .palette
        .optimum
        .mix(0.9)
        .stroke_width(s.px(2.0 * s.zoom.min(1.3)));
    let label = p.data.star_label.to_string();
    let (z0, z_star) = (&p.z0, &p.z_star);
    // One line only where z* is a function drawn left to right: z0 sorted and one band.
    let as_line = p.data.bands.is_none() && z0.windows(2).all(|w| w[0] <= w[1]);
    let series = if as_line {
        chart.draw_series(LineSeries::new(
            z0.iter().copied().zip(z_star.iter().copied()),
            star_style,
        ))
    } else {
        let half = s.px(4.0 * s.zoom.min(1.3)) as i32;
        chart.draw_series(
            z0.iter()
                .zip(z_star)
                .filter(|(x, y)| x.is_finite() && y.is_finite())
                .map(move |(&x, &y)| {
                    EmptyElement::at((x, y)) + PathElement::new([(-half, 0), (half, 0)], star_style)
                }),
        )
    };
    series.map_err(err)?;
    legend.push(Entry {
        label,
        swatch: Swatch::Line(star_style, 20),
    });
    Ok(())
}
