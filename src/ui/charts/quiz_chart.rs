//! The prediction chart: z against z0 before the answer is shown. It draws only what the student
//! already knows — the data z0 and the diagonal z = z0 (the answer at μ = 0) — and the student's
//! prediction: the two band edges as handles, and the predicted z for every z0. Nothing on it
//! depends on μ's answer, so a screenshot of it gives nothing away.

use std::ops::Range;

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::z_chart::{plot_area, z_vs_z0_axes};
use super::{err, open, DrawResult, XyChart};
use crate::ui::canvas::Scale;
use crate::ui::palette::Palette;
use crate::view::quiz::{axis_range as range_of, Edge, Prediction};

/// How near (CSS px) a pointer must come to an edge line to grab it: a fingertip.
pub const GRAB_RADIUS: f64 = 22.0;

/// What the prediction chart shows.
pub struct QuizChart<'a> {
    /// The data.
    pub z0: &'a [f32],
    /// The prediction.
    pub prediction: &'a Prediction,
    /// The edge being dragged (drawn heavier).
    pub active: Option<Edge>,
}

/// Maps between CSS px on the canvas and chart units.
#[derive(Debug, Clone)]
pub struct Mapping {
    area: (f64, f64, f64, f64),
    range: Range<f64>,
    /// The canvas' CSS size.
    size: (f64, f64),
}

impl Mapping {
    /// The mapping of `canvas` for the data `z0`, once it has a size.
    pub fn of(canvas: &HtmlCanvasElement, z0: &[f32]) -> Option<Self> {
        let s = crate::ui::canvas::measure(canvas)?;
        Some(Self {
            area: plot_area(&s),
            range: range_of(z0),
            size: (f64::from(s.width) / s.dpr, f64::from(s.height) / s.dpr),
        })
    }

    /// Chart units at CSS px (x, y).
    pub fn to_data(&self, x: f64, y: f64) -> (f64, f64) {
        let (left, right, top, bottom) = self.area;
        let r = &self.range;
        (
            r.start + (x - left) / (right - left) * (r.end - r.start),
            r.end - (y - top) / (bottom - top) * (r.end - r.start),
        )
    }

    /// Chart units per CSS px (both axes share the range).
    pub fn per_px(&self) -> f64 {
        let (_, _, top, bottom) = self.area;
        (self.range.end - self.range.start) / (bottom - top).max(1.0)
    }

    /// CSS px of the height z.
    pub fn y_px(&self, z: f64) -> f64 {
        let (_, _, top, bottom) = self.area;
        top + (self.range.end - z) / (self.range.end - self.range.start) * (bottom - top)
    }

    /// The edge whose line is nearest to CSS px y, within a fingertip.
    pub fn edge_at(&self, prediction: &Prediction, y: f64) -> Option<Edge> {
        let d_lo = (self.y_px(prediction.lo) - y).abs();
        let d_hi = (self.y_px(prediction.hi) - y).abs();
        let (edge, d) = if d_hi <= d_lo {
            (Edge::Hi, d_hi)
        } else {
            (Edge::Lo, d_lo)
        };
        (d <= GRAB_RADIUS).then_some(edge)
    }

    /// The mapping as fractions of the canvas' CSS box and the axis range, "left top right
    /// bottom xmin xmax" (x and z share the range): what a test needs to place a pointer. Box
    /// fractions, so none of these numbers can be a band edge the page must not yet show.
    pub fn describe(&self) -> String {
        let (left, right, top, bottom) = self.area;
        let (w, h) = self.size;
        format!(
            "{:.5} {:.5} {:.5} {:.5} {} {}",
            left / w,
            top / h,
            right / w,
            bottom / h,
            self.range.start,
            self.range.end
        )
    }
}

/// Draws the prediction chart into `canvas`.
pub fn draw_quiz_chart(
    canvas: &HtmlCanvasElement,
    data: &QuizChart,
    palette: &Palette,
) -> DrawResult {
    let Some((root, s)) = open(canvas, palette)? else {
        return Ok(());
    };
    let range = range_of(data.z0);
    let ranges = (range.clone(), range.clone());
    let mut chart = z_vs_z0_axes(
        &root,
        &s,
        palette,
        ranges,
        crate::i18n::t().charts.axis_prediction,
        None,
    )?;
    let diagonal = palette.diagonal.stroke_width(s.px(1.5));
    chart
        .draw_series([PathElement::new(
            [(range.start, range.start), (range.end, range.end)],
            diagonal,
        )])
        .map_err(err)?;
    draw_prediction(&mut chart, data, &s, palette, &range)?;
    root.present().map_err(err)
}

/// The predicted z for each z0, and the two edges as dashed lines with round handles.
fn draw_prediction(
    chart: &mut XyChart,
    data: &QuizChart,
    s: &Scale,
    palette: &Palette,
    range: &Range<f64>,
) -> DrawResult {
    let p = data.prediction;
    let curve = p.curve(data.z0);
    let dot = s.pxi(3.5 * s.zoom.max(1.0));
    chart
        .draw_series(
            data.z0
                .iter()
                .zip(&curve)
                .map(|(&x, &z)| Circle::new((f64::from(x), z), dot, palette.learned.filled())),
        )
        .map_err(err)?;
    for (edge, z) in [(Edge::Lo, p.lo), (Edge::Hi, p.hi)] {
        let heavy = data.active == Some(edge);
        let width = if heavy { 4.0 } else { 2.5 };
        let style = palette.optimum.stroke_width(s.px(width * s.zoom.max(1.0)));
        let step = (range.end - range.start) / 40.0;
        chart
            .draw_series((0..40).filter(|i| i % 2 == 0).map(|i| {
                let x = range.start + f64::from(i) * step;
                PathElement::new([(x, z), (x + step, z)], style)
            }))
            .map_err(err)?;
        let handle = s.pxi(if heavy { 11.0 } else { 9.0 } * s.zoom.max(1.0));
        let x = range.end - step;
        chart
            .draw_series([
                Circle::new((x, z), handle, palette.optimum.filled()),
                Circle::new((x, z), handle, palette.background.stroke_width(s.px(2.0))),
            ])
            .map_err(err)?;
    }
    Ok(())
}
