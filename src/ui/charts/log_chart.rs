//! Charts 2 and 3: series against epoch on a log y axis, drawn from pixel-column envelopes.
//!
//! Each column is drawn as a vertical stroke from its min to its max, joined to the next column:
//! a smooth series reads as a line, a jittering one as a band whose width is the jitter.

use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::legend::{draw_legend, Corner, Entry, LegendStyle, Swatch};
use super::{err, open, text_style, DrawResult};
use crate::ui::palette::Palette;
use crate::view::charts::LogChartSpec;
use crate::view::envelope::{value_range, Column};
use crate::view::shown::{Frame, Shown};

/// One curve of a log chart.
pub struct Curve {
    /// Legend text.
    pub label: String,
    /// Stroke colour.
    pub color: RGBColor,
    /// Its envelope (x = epoch).
    pub columns: Vec<Column>,
}

/// What a log chart shows.
pub struct LogChart {
    /// Caption above the plot.
    pub title: String,
    /// Epochs covered by the x axis (the run's N, so a playing run grows across it).
    pub epochs: u64,
    /// The curves.
    pub curves: Vec<Curve>,
    /// An optional dashed reference level with its label (e.g. the learning rate).
    pub reference: Option<(f64, String)>,
    /// Draw the title and legend inside the picture (for a saved image; the page shows them as
    /// HTML).
    pub annotate: bool,
    /// Where μ changed (a warm start): epoch on the axis and the new μ, drawn as labelled
    /// vertical lines.
    pub marks: Vec<(u64, f64)>,
    /// The epoch the z chart shows while scrubbing or playing back (a vertical cursor).
    pub cursor: Option<u64>,
}

impl LogChart {
    /// `spec` drawn over `frame`'s run (and the compared run's curves), `cols` pixel columns
    /// wide; `annotate` puts the title and legend inside the picture.
    pub fn of(
        spec: &LogChartSpec,
        frame: &Frame,
        compare: Option<&Shown>,
        cols: usize,
        palette: &Palette,
        annotate: bool,
    ) -> Self {
        let curves = spec
            .curves
            .iter()
            .filter(|c| !c.compared || compare.is_some())
            .map(|c| Curve {
                label: c.label.clone(),
                color: palette.ink(c.ink),
                columns: c.columns(frame, compare, cols),
            })
            .collect();
        let shown = &frame.shown;
        LogChart {
            title: spec.title.clone(),
            epochs: shown.offset() + shown.result.spec.epochs,
            curves,
            reference: spec.reference.clone(),
            annotate,
            marks: shown.mu_changes(),
            cursor: frame.step.map(|_| shown.offset() + frame.epoch()),
        }
    }
}

/// The number of pixel columns an envelope needs for `canvas` (one per device pixel of width).
pub fn columns_for(canvas: &HtmlCanvasElement) -> usize {
    (crate::ui::canvas::css_size(canvas).0
        * web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()))
    .clamp(100.0, 4000.0) as usize
}

/// Draws a log chart into `canvas`.
pub fn draw_log_chart(
    canvas: &HtmlCanvasElement,
    chart: &LogChart,
    palette: &Palette,
) -> DrawResult {
    let Some((root, s)) = open(canvas, palette)? else {
        return Ok(());
    };
    let font = |size: f64| text_style(&s, size, palette);

    let mut range =
        value_range(chart.curves.iter().map(|c| c.columns.as_slice())).unwrap_or((1e-3, 1.0));
    if let Some((level, _)) = &chart.reference {
        range = (range.0.min(*level), range.1.max(*level));
    }
    // Whole decades, at least two, so the log axis always has labelled ticks.
    let lo = 10f64.powf(range.0.log10().floor());
    let hi = 10f64.powf(range.1.log10().ceil()).max(lo * 100.0);
    let x_max = chart.epochs.max(2) as f64;

    let mut builder = ChartBuilder::on(&root);
    builder.margin(s.px(14.0));
    if chart.annotate {
        builder.caption(&chart.title, font(19.0));
    }
    let mut plot = builder
        .x_label_area_size(s.px(54.0 * s.zoom))
        .y_label_area_size(s.px(80.0 * s.zoom))
        .build_cartesian_2d(0.0..x_max, (lo..hi).log_scale())
        .map_err(err)?;
    configure_axes(&mut plot, &s, palette, font(16.0), font(17.0))?;

    let mut legend = Vec::new();
    for curve in &chart.curves {
        let style = curve.color.stroke_width(s.px(2.0 * s.zoom.max(1.0)));
        let points = curve
            .columns
            .iter()
            .flat_map(|c| [(c.epoch, c.min), (c.epoch, c.max)]);
        let color = curve.color;
        plot.draw_series(LineSeries::new(points, style))
            .map_err(err)?;
        legend.push(Entry {
            label: curve.label.clone(),
            swatch: Swatch::Line(color.stroke_width(4), 24),
        });
    }
    if let Some((level, label)) = &chart.reference {
        let dash = palette.foreground.mix(0.6).stroke_width(s.px(1.5));
        let step = x_max / 60.0;
        plot.draw_series((0..60).filter(|i| i % 2 == 0).map(|i| {
            let x = i as f64 * step;
            PathElement::new([(x, *level), (x + step, *level)], dash)
        }))
        .map_err(err)?;
        legend.push(Entry {
            label: label.clone(),
            swatch: Swatch::Line(dash, 24),
        });
    }
    draw_marks(&mut plot, chart, (lo, hi), &s, palette)?;
    if chart.annotate {
        let style = LegendStyle::boxed(Corner::UpperRight, font(16.0), s.px(10.0) as i32, palette);
        draw_legend(&plot.plotting_area().strip_coord_spec(), &legend, &style)?;
    }
    root.present().map_err(err)
}

/// The μ changes of a warm-started run (dashed, labelled with the new μ) and the scrubber's
/// cursor (solid).
fn draw_marks<'a, X>(
    plot: &mut ChartContext<'a, CanvasBackend, Cartesian2d<X, LogCoord<f64>>>,
    chart: &LogChart,
    (lo, hi): (f64, f64),
    s: &crate::ui::canvas::Scale,
    palette: &Palette,
) -> DrawResult
where
    X: Ranged<ValueType = f64>,
{
    let mark = palette.purple.stroke_width(s.px(1.5 * s.zoom.max(1.0)));
    for &(epoch, mu) in &chart.marks {
        let x = epoch as f64;
        // Dashes: a log axis spaces them evenly by splitting [lo, hi] geometrically.
        let ratio = (hi / lo).powf(1.0 / 24.0);
        plot.draw_series((0..24).filter(|i| i % 2 == 0).map(|i| {
            let y = lo * ratio.powi(i);
            PathElement::new([(x, y), (x, y * ratio)], mark)
        }))
        .map_err(err)?;
        let label = format!(" μ → {}", crate::view::format::short(mu));
        let style = text_style(s, 14.0, palette);
        plot.draw_series([Text::new(label, (x, hi / ratio), style)])
            .map_err(err)?;
    }
    if let Some(epoch) = chart.cursor {
        let line = palette
            .foreground
            .mix(0.8)
            .stroke_width(s.px(1.5 * s.zoom.max(1.0)));
        let x = epoch as f64;
        plot.draw_series([PathElement::new([(x, lo), (x, hi)], line)])
            .map_err(err)?;
    }
    Ok(())
}

fn configure_axes<'a, X, Y>(
    plot: &mut ChartContext<'a, CanvasBackend, Cartesian2d<X, Y>>,
    s: &crate::ui::canvas::Scale,
    palette: &Palette,
    label: TextStyle<'a>,
    desc: TextStyle<'a>,
) -> DrawResult
where
    X: Ranged<ValueType = f64> + ValueFormatter<f64>,
    Y: Ranged<ValueType = f64> + ValueFormatter<f64>,
    X: AsRangedCoord,
{
    // Epoch labels ("25k") need about four characters' room each: fewer of them on a narrow
    // chart with large type (the lecture stage's loss chart), never more than six.
    let font = (16.0 * s.zoom).max(s.min_font);
    let x_labels = ((f64::from(s.width) / s.dpr / (4.0 * font)) as usize).clamp(2, 6);
    plot.configure_mesh()
        .x_desc(crate::i18n::t().charts.axis_epoch)
        .axis_desc_style(desc)
        .label_style(label)
        .axis_style(palette.foreground.stroke_width(s.px(1.0)))
        .bold_line_style(palette.grid.stroke_width(s.px(1.0)))
        .light_line_style(palette.grid.mix(0.35))
        .x_labels(x_labels)
        .y_labels(8)
        .x_label_formatter(&|x| fmt_epoch(*x))
        .y_label_formatter(&|y| format!("{y:.0e}"))
        .draw()
        .map_err(err)
}

/// An epoch count as a short label: 25000 → "25k", 1500000 → "1.5M".
pub fn fmt_epoch(x: f64) -> String {
    match x {
        x if x >= 1e6 => format!("{}M", trim(x / 1e6)),
        x if x >= 1e3 => format!("{}k", trim(x / 1e3)),
        x => trim(x),
    }
}

fn trim(x: f64) -> String {
    let s = format!("{x:.1}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
