//! The seed's heatmap, three ways: values over μ (rows, log-spaced, smallest at the bottom) ×
//! dimension (columns), with a colour bar. Cells are painted as one image (any grid size costs
//! one draw), axes and colour bar by plotters.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use super::{err, open, text_style, DrawResult, Root};
use crate::ui::canvas::Scale;
use crate::ui::colormap::{diverging, viridis};
use crate::ui::palette::Palette;
use crate::view::charts::MapKind;
use crate::view::format::short;
use crate::view::sweep_shown::SweepShown;

/// What a heatmap shows.
pub struct Heatmap<'a> {
    /// rows × cols values, row-major (row i = μ i).
    pub values: &'a [f32],
    /// The μ of each row.
    pub mus: &'a [f64],
    /// Columns (dimensions).
    pub cols: usize,
    /// Colour scale: [lo, hi] for viridis, or ±hi around 0 when `diverging`.
    pub range: (f64, f64),
    /// Use the diverging map centred on 0.
    pub diverging: bool,
    /// Title (drawn only when annotating).
    pub title: &'a str,
    /// Draw the title inside the picture (saved images).
    pub annotate: bool,
}

/// Where the cells landed, in CSS px from the canvas' top-left, for hit-testing.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CellLayout {
    /// Left edge of column 0.
    pub left: f64,
    /// Top edge of the last row (largest μ).
    pub top: f64,
    /// Width of all columns.
    pub width: f64,
    /// Height of all rows.
    pub height: f64,
    /// Rows.
    pub rows: usize,
    /// Columns.
    pub cols: usize,
}

impl CellLayout {
    /// The (row, column) under a point in CSS px, if any (row 0 is the bottom row).
    pub fn cell_at(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        if self.rows == 0 || self.cols == 0 || x < self.left || y < self.top {
            return None;
        }
        let col = ((x - self.left) / self.width * self.cols as f64).floor() as usize;
        let from_top = ((y - self.top) / self.height * self.rows as f64).floor() as usize;
        (col < self.cols && from_top < self.rows).then(|| (self.rows - 1 - from_top, col))
    }
}

fn color(data: &Heatmap, v: f32) -> RGBColor {
    let v = f64::from(v);
    if data.diverging {
        let scale = data.range.1.abs().max(data.range.0.abs()).max(1e-30);
        diverging(v / scale)
    } else {
        let (lo, hi) = data.range;
        viridis(if hi > lo { (v - lo) / (hi - lo) } else { 0.5 })
    }
}

/// The cell grid's axes: dimension (columns) × μ (rows k..k + 1, labelled at their centres by
/// [`mu_labels`]). Plain f64 axes, as the other charts have: plotters' segmented axis was a
/// second copy of its whole axis code in the wasm (4 KB gzipped) for this one chart.
type GridChart<'a> = ChartContext<'a, CanvasBackend, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Map `kind` of sweep `s`, drawn: what the page and the PNG export both draw. Its cell layout,
/// for hit-testing.
pub fn draw_sweep_map(
    canvas: &HtmlCanvasElement,
    s: &SweepShown,
    kind: MapKind,
    palette: &Palette,
    annotate: bool,
) -> Result<Option<CellLayout>, String> {
    let mus = s.mus();
    let (values, range, diverging) = kind.values(s);
    let title = kind.title(&s.result.spec.base);
    let data = Heatmap {
        values,
        mus: &mus,
        cols: s.z0.len(),
        range,
        diverging,
        title: &title,
        annotate,
    };
    draw_heatmap(canvas, &data, palette)
}

/// Draws a heatmap into `canvas`; returns where its cells are.
pub fn draw_heatmap(
    canvas: &HtmlCanvasElement,
    data: &Heatmap,
    palette: &Palette,
) -> Result<Option<CellLayout>, String> {
    let rows = data.mus.len();
    let cols = data.cols;
    if rows == 0 || cols == 0 || data.values.len() != rows * cols {
        return Ok(None);
    }
    let Some((root, s)) = open(canvas, palette)? else {
        return Ok(None);
    };
    let (main, bar) = root.split_horizontally(s.width.saturating_sub(s.px(78.0 * s.zoom)));
    let chart = grid_axes(&main, data, &s, palette)?;
    let (px, py) = chart.plotting_area().get_pixel_range();
    paint_cells(
        canvas,
        data,
        rows,
        cols,
        (px.start, py.start, px.end - px.start, py.end - py.start),
    )?;
    draw_colour_bar(&bar, data, &s, palette)?;
    root.present().map_err(err)?;
    let d = s.dpr;
    Ok(Some(CellLayout {
        left: f64::from(px.start) / d,
        top: f64::from(py.start) / d,
        width: f64::from(px.end - px.start) / d,
        height: f64::from(py.end - py.start) / d,
        rows,
        cols,
    }))
}

/// Builds the grid's chart and draws its axes (no mesh: the cells fill the plot), leaving the
/// plotting area for [`paint_cells`].
fn grid_axes<'a>(
    main: &'a Root,
    data: &Heatmap,
    s: &Scale,
    palette: &Palette,
) -> Result<GridChart<'a>, String> {
    let (rows, cols) = (data.mus.len(), data.cols);
    let font = |size: f64| text_style(s, size, palette);
    let mut builder = ChartBuilder::on(main);
    builder
        .margin(s.px(10.0))
        .x_label_area_size(s.px(48.0 * s.zoom))
        .y_label_area_size(s.px(64.0 * s.zoom));
    if data.annotate {
        builder.caption(data.title, font(18.0));
    }
    let mut chart = builder
        .build_cartesian_2d(0.0..cols as f64, 0.0..rows as f64)
        .map_err(err)?;
    let axis = palette.foreground.stroke_width(s.px(1.0));
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc(crate::i18n::t().charts.axis_dimension)
        .y_desc("μ")
        .axis_desc_style(font(16.0))
        .label_style(font(14.0))
        .axis_style(axis)
        .x_labels(6)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_labels(0)
        .draw()
        .map_err(err)?;
    mu_labels(main, &chart, data.mus, font(14.0), axis)?;
    Ok(chart)
}

/// The μ of the rows beside the grid, each at its row's centre with a tick as plotters draws
/// them (5 px, the label 10 px off the axis): every row up to 10 rows, else every 2nd, 5th,
/// 10th… row, at most 10 labels.
fn mu_labels(
    main: &Root,
    chart: &GridChart,
    mus: &[f64],
    font: TextStyle,
    axis: ShapeStyle,
) -> DrawResult {
    let rows = mus.len();
    let every = [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .find(|n| rows.div_ceil(*n) <= 10)
        .unwrap_or(rows);
    let (base_x, base_y) = main.get_base_pixel();
    let left = chart.plotting_area().get_pixel_range().0.start - base_x;
    let font = font.pos(Pos::new(HPos::Right, VPos::Center));
    for (k, mu) in mus.iter().enumerate().step_by(every) {
        let y = chart.backend_coord(&(0.0, k as f64 + 0.5)).1 - base_y;
        let tick = PathElement::new(vec![(left - 6, y), (left - 1, y)], axis);
        main.draw(&tick).map_err(err)?;
        main.draw(&Text::new(short_mu(*mu), (left - 10, y), font.clone()))
            .map_err(err)?;
    }
    Ok(())
}

/// The colour bar's value range: symmetric about 0 when diverging, never empty.
fn bar_range(data: &Heatmap) -> (f64, f64) {
    if data.diverging {
        let m = data.range.1.abs().max(data.range.0.abs()).max(1e-30);
        (-m, m)
    } else if data.range.1 > data.range.0 {
        data.range
    } else {
        (data.range.0 - 0.5, data.range.0 + 0.5)
    }
}

/// The colour bar beside the grid: its axis, then 96 bands of the colour map.
fn draw_colour_bar(bar: &Root, data: &Heatmap, s: &Scale, palette: &Palette) -> DrawResult {
    let (lo, hi) = bar_range(data);
    let mut cb = ChartBuilder::on(bar)
        .margin_top(s.px(10.0))
        .margin_bottom(s.px(48.0 * s.zoom + 10.0))
        .margin_right(s.px(4.0))
        .y_label_area_size(s.px(58.0 * s.zoom))
        .build_cartesian_2d(0.0..1.0, lo..hi)
        .map_err(err)?;
    cb.configure_mesh()
        .disable_mesh()
        .disable_x_axis()
        .label_style(text_style(s, 13.0, palette))
        .axis_style(palette.foreground.stroke_width(s.px(1.0)))
        .y_labels(5)
        .y_label_formatter(&|v| bar_label(*v, hi.abs().max(lo.abs())))
        .draw()
        .map_err(err)?;
    let steps = 96;
    cb.draw_series((0..steps).map(|i| {
        let a = lo + (hi - lo) * i as f64 / steps as f64;
        let b = lo + (hi - lo) * (i + 1) as f64 / steps as f64;
        Rectangle::new(
            [(0.0, a), (1.0, b)],
            color(data, ((a + b) / 2.0) as f32).filled(),
        )
    }))
    .map_err(err)?;
    Ok(())
}

/// Paints one pixel per cell into a scratch canvas and scales it into the plot area without
/// smoothing, so cells stay crisp rectangles.
fn paint_cells(
    canvas: &HtmlCanvasElement,
    data: &Heatmap,
    rows: usize,
    cols: usize,
    (x, y, w, h): (i32, i32, i32, i32),
) -> DrawResult {
    let js = |e: wasm_bindgen::JsValue| format!("heatmap: {}", crate::ui::js_error::js_error(&e));
    let mut rgba = vec![0u8; rows * cols * 4];
    for r in 0..rows {
        // Image row 0 is the top: the largest μ.
        let image_row = rows - 1 - r;
        for c in 0..cols {
            let RGBColor(red, green, blue) = color(data, data.values[r * cols + c]);
            let k = (image_row * cols + c) * 4;
            rgba[k..k + 4].copy_from_slice(&[red, green, blue, 255]);
        }
    }
    let image =
        ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), cols as u32, rows as u32)
            .map_err(js)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let scratch: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(js)?
        .unchecked_into();
    scratch.set_width(cols as u32);
    scratch.set_height(rows as u32);
    let scratch_ctx: CanvasRenderingContext2d = scratch
        .get_context("2d")
        .map_err(js)?
        .ok_or("no 2d context")?
        .unchecked_into();
    scratch_ctx.put_image_data(&image, 0.0, 0.0).map_err(js)?;
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js)?
        .ok_or("no 2d context")?
        .unchecked_into();
    ctx.set_image_smoothing_enabled(false);
    ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
        &scratch,
        f64::from(x),
        f64::from(y),
        f64::from(w),
        f64::from(h),
    )
    .map_err(js)
}

/// μ with three significant digits (axis labels must stay short).
fn short_mu(mu: f64) -> String {
    short(crate::link::mu_scale::round_sig(mu, 3))
}

/// A colour-bar label with as many digits as the scale needs.
fn bar_label(v: f64, scale: f64) -> String {
    if v.abs() <= scale * 1e-9 {
        "0".into()
    } else if scale < 0.1 {
        format!("{v:.1e}")
    } else if scale < 10.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.1}")
    }
}
