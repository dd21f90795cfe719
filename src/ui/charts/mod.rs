//! Chart drawing: each chart is a function of its data, a canvas and a palette. No signals.

pub mod band_edges;
pub mod explorer;
pub mod heatmap;
pub mod log_chart;
pub mod overlay;
pub mod z_chart;

/// A drawing error, as text for the status line.
pub type DrawResult = Result<(), String>;

/// Turns any plotters error into text.
pub(crate) fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("chart drawing failed: {e:?}")
}
