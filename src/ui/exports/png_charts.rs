//! Each chart a PNG can be made of, drawn with its annotations (caption and legend inside the
//! picture): one function per kind of chart.

use std::sync::Arc;

use crate::ui::charts::heatmap::draw_sweep_map;
use crate::ui::charts::log_chart::{draw_log_chart, LogChart};
use crate::ui::charts::overlay::{draw_overlay, Overlay};
use crate::ui::charts::z_chart::{draw_z_chart, ZChart};
use crate::ui::palette::Palette;
use crate::view::charts::{loss_chart, subopt_chart, MapKind};
use crate::view::shown::Frame;
use crate::view::sweep_shown::SweepShown;

/// Draws chart `which` with its annotations, for a PNG.
pub(super) fn draw_for_png(
    which: &str,
    canvas: &web_sys::HtmlCanvasElement,
    frame: Option<Frame>,
    sweep: Option<Arc<SweepShown>>,
    palette: &Palette,
) -> Result<(), String> {
    let need_run = || {
        frame
            .clone()
            .ok_or_else(|| crate::i18n::t().panels.no_run_yet.to_string())
    };
    let need_sweep = || {
        sweep
            .clone()
            .ok_or_else(|| crate::i18n::t().panels.sweep_first.to_string())
    };
    match which {
        "z" => draw_z_png(canvas, &need_run()?, palette),
        "loss" | "subopt" => draw_log_png(which, canvas, &need_run()?, palette),
        "overlay" => draw_overlay_png(canvas, &*need_sweep()?, palette),
        kind => draw_heatmap_png(kind, canvas, &*need_sweep()?, palette),
    }
}

/// Chart 1 (z against z0) of the run, annotated.
fn draw_z_png(
    canvas: &web_sys::HtmlCanvasElement,
    f: &Frame,
    palette: &Palette,
) -> Result<(), String> {
    draw_z_chart(canvas, &ZChart::of(f, None, true), palette)
}

/// The run's losses (`which` = "loss") or its distance to z* ("subopt"), annotated.
fn draw_log_png(
    which: &str,
    canvas: &web_sys::HtmlCanvasElement,
    f: &Frame,
    palette: &Palette,
) -> Result<(), String> {
    let spec = &f.shown.result.spec;
    let chart = if which == "loss" {
        loss_chart(spec, None)
    } else {
        subopt_chart(spec, None)
    };
    draw_log_chart(
        canvas,
        &LogChart::of(&chart, f, None, 1600, palette, true),
        palette,
    )
}

/// The sweep's overlay (z against z0 for every μ, with z*), annotated.
fn draw_overlay_png(
    canvas: &web_sys::HtmlCanvasElement,
    s: &SweepShown,
    palette: &Palette,
) -> Result<(), String> {
    let data = Overlay::of(s, true, true);
    draw_overlay(canvas, &data, palette)
}

/// One of the sweep's heatmaps (`kind` = "learned", "analytic", else the difference), annotated.
fn draw_heatmap_png(
    kind: &str,
    canvas: &web_sys::HtmlCanvasElement,
    s: &SweepShown,
    palette: &Palette,
) -> Result<(), String> {
    let kind = match kind {
        "learned" => MapKind::Learned,
        "analytic" => MapKind::Analytic,
        _ => MapKind::Diff,
    };
    draw_sweep_map(canvas, s, kind, palette, true).map(|_| ())
}
