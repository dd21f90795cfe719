//! Chart drawing: each chart is a function of its data, a canvas and a palette. No signals.

pub mod band_edges;
pub mod explorer;
pub mod heatmap;
mod legend;
pub mod log_chart;
pub mod overlay;
pub mod quiz_chart;
pub mod regime_map;
pub mod z_chart;
mod z_chart_layers;

/// A drawing error, as text for the status line.
pub type DrawResult = Result<(), String>;

/// Turns any plotters error into text.
pub(crate) fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("chart drawing failed: {e:?}")
}

/// A canvas made ready to draw on: sized to its CSS box × devicePixelRatio and filled with the
/// background. `None` while the canvas has no size (hidden), which is not an error.
pub(crate) fn open(
    canvas: &web_sys::HtmlCanvasElement,
    palette: &crate::ui::palette::Palette,
) -> Result<Option<(Root, crate::ui::canvas::Scale)>, String> {
    use plotters::prelude::IntoDrawingArea;
    let Some(s) = crate::ui::canvas::fit(canvas) else {
        return Ok(None);
    };
    let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or("the canvas has no 2d context")?;
    let root = backend.into_drawing_area();
    root.fill(&palette.background).map_err(err)?;
    Ok(Some((root, s)))
}

/// The whole canvas as a plotters drawing area.
pub(crate) type Root =
    plotters::drawing::DrawingArea<plotters_canvas::CanvasBackend, plotters::coord::Shift>;

/// A chart on linear f64 axes, named once so the per-layer drawing helpers can take it.
pub(crate) type XyChart<'a> = plotters::chart::ChartContext<
    'a,
    plotters_canvas::CanvasBackend,
    plotters::coord::cartesian::Cartesian2d<
        plotters::coord::types::RangedCoordf64,
        plotters::coord::types::RangedCoordf64,
    >,
>;

/// Chart text of `size` CSS px (scaled for the canvas) in the palette's foreground colour.
pub(crate) fn text_style(
    s: &crate::ui::canvas::Scale,
    size: f64,
    palette: &crate::ui::palette::Palette,
) -> plotters::style::TextStyle<'static> {
    use plotters::style::{Color, FontFamily, IntoFont};
    // The family as the enum, not the string "sans-serif": plotters lower-cases a string name
    // first, with a Unicode table the page has no other use for (see `legend`).
    (FontFamily::SansSerif, s.font(size))
        .into_font()
        .color(&palette.foreground.to_rgba())
}
