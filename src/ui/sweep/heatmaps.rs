//! The sweep's three heatmaps (learned z, z*, their difference) over μ × dimension, and the
//! readout of the cell pointed at. Clicking (or Enter on) a row opens the live view at its μ.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::canvas::watch_resize;
use crate::ui::charts::heatmap::{draw_sweep_map, CellLayout};
use crate::ui::palette::Palette;
use crate::view::charts::MapKind;
use crate::view::sweep_shown::SweepShown;

/// A map's test id.
fn test_id(kind: MapKind) -> &'static str {
    match kind {
        MapKind::Learned => "heatmap-learned",
        MapKind::Analytic => "heatmap-analytic",
        MapKind::Diff => "heatmap-diff",
    }
}

/// One heatmap: pointing or the arrow keys move the hovered cell, a click or Enter opens its row.
#[component]
pub(super) fn HeatmapPanel(
    sweep: RwSignal<Option<Arc<SweepShown>>>,
    theme: Signal<Palette>,
    hover: RwSignal<Option<(usize, usize)>>,
    open_row: impl Fn(usize) + Copy + Send + Sync + 'static,
    kind: MapKind,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let size = watch_resize(canvas_ref);
    let layout = StoredValue::new(CellLayout::default());
    Effect::new(move |_| {
        size.track();
        let palette = theme.get();
        let (Some(canvas), Some(s)) = (canvas_ref.get(), sweep.get()) else {
            return;
        };
        if let Some(l) = draw_map(&canvas, &s, kind, &palette) {
            layout.set_value(l);
        }
    });
    let cell_at = move |ev: &web_sys::MouseEvent| {
        layout
            .get_value()
            .cell_at(f64::from(ev.offset_x()), f64::from(ev.offset_y()))
    };
    let on_move = move |ev: web_sys::MouseEvent| hover.set(cell_at(&ev));
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some((row, _)) = cell_at(&ev) {
            open_row(row);
        }
    };
    let on_key =
        move |ev: web_sys::KeyboardEvent| on_map_key(&ev, layout.get_value(), hover, open_row);
    let title = move || map_title(sweep, kind);
    view! {
        <figure class="chart-panel heatmap-panel">
            <figcaption class="chart-title">{title}</figcaption>
            <canvas node_ref=canvas_ref class="chart heatmap" data-testid=test_id(kind) tabindex="0" role="img"
                aria-label=move || crate::i18n::fill(crate::i18n::t().panels.heatmap_aria, &[("title", &title())])
                on:mousemove=on_move on:mouseleave=move |_| hover.set(None) on:click=on_click on:keydown=on_key on:focus=move |_| if hover.get_untracked().is_none() { hover.set(Some((0, 0))) }></canvas>
        </figure>
    }
}

/// Draws map `kind` of sweep `s`; its cell layout, for hit-testing, once it has one (a drawing
/// error is warned about on the console).
fn draw_map(
    canvas: &web_sys::HtmlCanvasElement,
    s: &SweepShown,
    kind: MapKind,
    palette: &Palette,
) -> Option<CellLayout> {
    let drawn = draw_sweep_map(canvas, s, kind, palette, false);
    crate::ui::canvas::stamp_font(canvas);
    match drawn {
        Ok(l) => l,
        Err(e) => {
            web_sys::console::warn_1(&e.into());
            None
        }
    }
}

/// The keyboard on a focused map: the arrows move the hovered cell (up is a larger μ), Enter or
/// space opens the hovered row (the top row's first cell when none is hovered).
fn on_map_key(
    ev: &web_sys::KeyboardEvent,
    l: CellLayout,
    hover: RwSignal<Option<(usize, usize)>>,
    open_row: impl Fn(usize),
) {
    if l.rows == 0 {
        return;
    }
    let (row, col) = hover.get_untracked().unwrap_or((l.rows - 1, 0));
    let next = match ev.key().as_str() {
        "ArrowUp" => Some(((row + 1).min(l.rows - 1), col)),
        "ArrowDown" => Some((row.saturating_sub(1), col)),
        "ArrowRight" => Some((row, (col + 1).min(l.cols - 1))),
        "ArrowLeft" => Some((row, col.saturating_sub(1))),
        "Enter" | " " => {
            ev.prevent_default();
            open_row(row);
            None
        }
        _ => return,
    };
    if let Some(cell) = next {
        ev.prevent_default();
        hover.set(Some(cell));
    }
}

/// A map's title: of the finished sweep, or of the seed's settings before any sweep.
fn map_title(sweep: RwSignal<Option<Arc<SweepShown>>>, kind: MapKind) -> String {
    let seed = || crate::link::Params::default().run_spec(0);
    sweep
        .get()
        .map_or_else(|| kind.title(&seed()), |s| kind.title(&s.result.spec.base))
}

/// The readout of the hovered heatmap cell (or how to hover one).
#[component]
pub(super) fn CellReadout(
    /// The hovered cell: (row, column).
    hover: RwSignal<Option<(usize, usize)>>,
    /// The latest finished sweep.
    sweep: RwSignal<Option<Arc<SweepShown>>>,
) -> impl IntoView {
    view! {
        <p class="cell-readout" aria-live="polite" data-testid="cell-readout">
            {move || match (hover.get(), sweep.get()) {
                (Some((row, col)), Some(s)) if row < s.rows() && col < s.z0.len() => {
                    let k = row * s.z0.len() + col;
                    use crate::i18n::{fill, localise, num, num_fixed};
                    let f4 = |x: f32| num_fixed(f64::from(x), 4);
                    let values = [("mu", num(s.result.rows[row].mu)), ("col", col.to_string()), ("z0", f4(s.z0[col])),
                        ("z", f4(s.learned[k])), ("star", f4(s.analytic[k])), ("diff", localise(format!("{:.2e}", f64::from(s.diff[k]))))];
                    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    fill(crate::i18n::t().panels.cell, &values)
                }
                _ => crate::i18n::t().panels.cell_hint.into(),
            }}
        </p>
    }
}
