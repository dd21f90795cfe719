//! The sweep view: the seed's second experiment live — every μ of a log grid run to the end in
//! the worker, drawn as the overlay, three heatmaps (learned, analytic, difference) and the band
//! edges against μ. Clicking (or Enter on) a heatmap row opens the live view at that μ.

use std::sync::Arc;

use leptos::prelude::*;

use crate::link::{Params, View};
use crate::protocol::FromWorker;
use crate::spec::SweepSpec;
use crate::ui::canvas::watch_resize;
use crate::ui::charts::band_edges::{clamping_starts, draw_band_edges, BandEdges};
use crate::ui::charts::heatmap::{draw_heatmap, CellLayout, Heatmap};
use crate::ui::charts::overlay::{draw_overlay, row_color, Overlay};
use crate::ui::client::{Event, Request, WorkerClient};
use crate::ui::palette::Palette;
use crate::view::charts::MapKind;
use crate::view::format::short;
use crate::view::sweep_shown::SweepShown;

/// Where a sweep stands (`data-state` of `sweep-status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SweepState {
    /// Not run yet.
    Idle,
    /// Computing.
    Running,
    /// Finished.
    Done,
    /// Cancelled by the user.
    Cancelled,
    /// Failed (see the message).
    Error,
}

impl SweepState {
    fn key(self) -> &'static str {
        match self {
            SweepState::Idle => "idle",
            SweepState::Running => "running",
            SweepState::Done => "done",
            SweepState::Cancelled => "cancelled",
            SweepState::Error => "error",
        }
    }
}

/// The sweep view. It has its own worker, so a sweep and the live view's runs never cancel
/// each other.
#[component]
pub fn SweepView(
    /// All parameters (the sweep grid and everything it shares with the live view).
    params: RwSignal<Params>,
    /// Changes when the colour scheme does.
    theme: Signal<Palette>,
    /// The latest finished sweep, shared with the export buttons.
    sweep: RwSignal<Option<Arc<SweepShown>>>,
) -> impl IntoView {
    let state = RwSignal::new(SweepState::Idle);
    let progress = RwSignal::new((0usize, 0usize, 0.0f64));
    let message = RwSignal::new(String::new());
    let client = WorkerClient::start(move |event| match event {
        Event::Message(FromWorker::SweepProgress {
            done,
            total,
            elapsed_ms,
            ..
        }) => progress.set((done, total, elapsed_ms)),
        Event::Message(FromWorker::SweepDone(r)) => {
            progress.set((r.rows.len(), r.spec.mus.len(), r.elapsed_ms));
            sweep.set(Some(SweepShown::new(*r)));
            state.set(SweepState::Done);
        }
        Event::Message(FromWorker::Error { message: m, .. }) | Event::Failed(m) => {
            message.set(m);
            state.set(SweepState::Error);
        }
        _ => {}
    });
    let worker = StoredValue::new_local(client);
    let spec = Memo::new(move |_| params.get().sweep_spec());
    let visible = Memo::new(move |_| params.get().view == View::Sweep);
    let start = move || {
        let s = spec.get_untracked();
        progress.set((0, s.mus.len(), 0.0));
        message.set(String::new());
        state.set(SweepState::Running);
        worker.with_value(|c| c.request(Request::Sweep(s)));
    };
    // Sweeps run only while the view is shown: a setting changed elsewhere re-runs it on return.
    let computed_for = StoredValue::new(None::<SweepSpec>);
    Effect::new(move |_| {
        let s = spec.get();
        if visible.get() && computed_for.get_value().as_ref() != Some(&s) {
            computed_for.set_value(Some(s));
            start();
        }
    });
    let cancel = move |_| {
        worker.with_value(|c| c.stop());
        computed_for.set_value(None);
        state.set(SweepState::Cancelled);
    };

    let hover = RwSignal::new(None::<(usize, usize)>);
    let open_row = move |row: usize| {
        if let Some(s) = sweep.get_untracked() {
            if let Some(r) = s.result.rows.get(row) {
                let mu = r.mu;
                params.update(|p| {
                    p.mu = mu;
                    p.view = View::Live;
                });
            }
        }
    };

    // How the worker spent a finished sweep's compute (per-engine benchmarks read it).
    let done_timing = move || {
        (state.get() == SweepState::Done)
            .then(|| sweep.with(|s| s.as_ref().map(|s| s.result.timing)))
            .flatten()
    };

    view! {
        <section class="sweep" aria-label="μ sweep">
            <div class="sweep-bar">
                <button type="button" class="run" data-testid="sweep-run" on:click=move |_| { computed_for.set_value(None); start(); }>"Run sweep"</button>
                <button type="button" data-testid="sweep-cancel" on:click=cancel disabled=move || state.get() != SweepState::Running>"Cancel"</button>
                <label class="progress">
                    <progress max=move || progress.get().1.max(1).to_string() value=move || progress.get().0.to_string()></progress>
                </label>
                <p data-testid="sweep-status" aria-live="polite"
                    data-state=move || state.get().key()
                    data-done=move || progress.get().0.to_string()
                    data-total=move || progress.get().1.to_string()
                    data-elapsed-ms=move || format!("{:.3}", progress.get().2)
                    data-calls=move || done_timing().map(|t| t.calls.to_string())
                    data-slices=move || done_timing().map(|t| t.slices.to_string())
                    data-longest-call-ms=move || done_timing().map(|t| format!("{:.3}", t.longest_call_ms))>
                    {move || {
                        let (done, total, ms) = progress.get();
                        match state.get() {
                            SweepState::Running => format!("Running: μ {done} of {total}, {ms:.0} ms so far"),
                            SweepState::Done => format!("Done: {total} μ × {} epochs in {ms:.1} ms of worker compute", params.get().epochs),
                            SweepState::Cancelled => format!("Cancelled after {done} of {total} μ"),
                            SweepState::Error => format!("Error: {}", message.get()),
                            SweepState::Idle => "Not run yet".into(),
                        }
                    }}
                </p>
            </div>
            <div class="sweep-grid">
                <SweepField params=params />
                <OverlayPanel sweep=sweep theme=theme />
                <BandEdgesPanel params=params theme=theme />
            </div>
            <div class="heatmaps">
                <HeatmapPanel sweep=sweep theme=theme hover=hover open_row=open_row kind=MapKind::Learned />
                <HeatmapPanel sweep=sweep theme=theme hover=hover open_row=open_row kind=MapKind::Analytic />
                <HeatmapPanel sweep=sweep theme=theme hover=hover open_row=open_row kind=MapKind::Diff />
            </div>
            <p class="cell-readout" aria-live="polite" data-testid="cell-readout">
                {move || match (hover.get(), sweep.get()) {
                    (Some((row, col)), Some(s)) if row < s.rows() && col < s.z0.len() => {
                        let k = row * s.z0.len() + col;
                        format!(
                            "μ = {}, dimension {col}: z0 = {:.4}, z = {:.4}, z* = {:.4}, z − z* = {:.2e}. Click or press Enter to open the live view at this μ.",
                            short(s.result.rows[row].mu), s.z0[col], s.learned[k], s.analytic[k], s.diff[k]
                        )
                    }
                    _ => "Point at a heatmap cell (or focus a heatmap and use the arrow keys) to read its values.".into(),
                }}
            </p>
        </section>
    }
}

/// The grid's own settings: μ from, μ to, count.
#[component]
fn SweepField(
    /// All parameters.
    params: RwSignal<Params>,
) -> impl IntoView {
    use crate::ui::controls::ParamField;
    view! {
        <fieldset class="sweep-settings">
            <legend>"μ grid (log-spaced)"</legend>
            <ParamField params=params key="smin" />
            <ParamField params=params key="smax" />
            <ParamField params=params key="scount" />
            <p class="hint">"Every other setting (epochs, n, z0 range, Adam) is shared with the live view."</p>
        </fieldset>
    }
}

#[component]
fn OverlayPanel(sweep: RwSignal<Option<Arc<SweepShown>>>, theme: Signal<Palette>) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let size = watch_resize(canvas_ref);
    let show_star = RwSignal::new(true);
    Effect::new(move |_| {
        size.track();
        let palette = theme.get();
        let star = show_star.get();
        let (Some(canvas), Some(s)) = (canvas_ref.get(), sweep.get()) else {
            return;
        };
        let data = Overlay {
            z0: &s.z0,
            rows: s
                .result
                .rows
                .iter()
                .map(|r| (r.mu, r.z.as_slice()))
                .collect(),
            z_stars: star.then(|| s.z_stars.clone()),
            annotate: false,
        };
        if let Err(e) = draw_overlay(&canvas, &data, &palette) {
            web_sys::console::warn_1(&e.into());
        }
    });
    view! {
        <figure class="chart-panel overlay-panel">
            <figcaption class="chart-title">"z against z0 for every μ (the seed's overlay)"</figcaption>
            <canvas node_ref=canvas_ref class="chart chart-overlay" data-testid="chart-overlay" role="img"
                aria-label="Learned z against z0, one line per μ, coloured from dark (small μ) to yellow (large μ)"></canvas>
            <div class="colorbar-legend">
                {move || sweep.get().map(|s| {
                    let m = s.rows();
                    s.result.rows.iter().enumerate().map(|(i, r)| {
                        let c = row_color(i, m);
                        view! { <span class="mu-chip"><span class="chip" style:background=format!("rgb({},{},{})", c.0, c.1, c.2)></span>{format!("μ = {}", short(r.mu))}</span> }
                    }).collect_view()
                })}
            </div>
            <label class="choice"><input type="checkbox" prop:checked=move || show_star.get() on:change=move |_| show_star.update(|v| *v = !*v) />"show the analytic z* (dashed)"</label>
        </figure>
    }
}

/// The smallest and largest z0 (of the preset or the values).
fn z0_range(p: &Params) -> (f64, f64) {
    p.z0()
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(f64::from(x)), hi.max(f64::from(x)))
        })
}

#[component]
fn BandEdgesPanel(params: RwSignal<Params>, theme: Signal<Palette>) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let size = watch_resize(canvas_ref);
    Effect::new(move |_| {
        size.track();
        let palette = theme.get();
        let p = params.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let mus = p.sweep_mus();
        let data = BandEdges {
            mus: &mus,
            z0_range: z0_range(&p),
            centre: p.c,
            annotate: false,
        };
        if let Err(e) = draw_band_edges(&canvas, &data, &palette) {
            web_sys::console::warn_1(&e.into());
        }
    });
    let summary = move || {
        let p = params.get();
        let mus = p.sweep_mus();
        match clamping_starts(z0_range(&p), p.c) {
            Some(start) => {
                let none = mus.iter().filter(|&&m| m <= start).count();
                format!(
                    "Clamping starts at μ = {}: below it the band [1 − 1/(2μ), 1 + 1/(2μ)] holds every z0. {none} of the {} sweep μ clamp nothing.",
                    short(start), mus.len()
                )
            }
            None => "z0 sits at the centre: nothing is ever clamped.".into(),
        }
    };
    view! {
        <figure class="chart-panel">
            <figcaption class="chart-title">"Band edges 1 ± 1/(2μ) against μ, z0 range shaded"</figcaption>
            <canvas node_ref=canvas_ref class="chart chart-band-edges" data-testid="chart-band-edges" role="img"
                aria-label="The band edges against μ on a log axis, with the range of z0 shaded and the sweep's μ values marked"></canvas>
            <p class="hint">{summary}</p>
        </figure>
    }
}

/// A map's test id.
fn test_id(kind: MapKind) -> &'static str {
    match kind {
        MapKind::Learned => "heatmap-learned",
        MapKind::Analytic => "heatmap-analytic",
        MapKind::Diff => "heatmap-diff",
    }
}

#[component]
fn HeatmapPanel(
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
        let mus = s.mus();
        let (values, range, diverging) = kind.values(&s);
        let title = kind.title(&s.result.spec.base);
        let data = Heatmap {
            values,
            mus: &mus,
            cols: s.z0.len(),
            range,
            diverging,
            title: &title,
            annotate: false,
        };
        match draw_heatmap(&canvas, &data, &palette) {
            Ok(Some(l)) => layout.set_value(l),
            Ok(None) => {}
            Err(e) => web_sys::console::warn_1(&e.into()),
        }
    });
    let on_move = move |ev: web_sys::MouseEvent| {
        hover.set(
            layout
                .get_value()
                .cell_at(f64::from(ev.offset_x()), f64::from(ev.offset_y())),
        );
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some((row, _)) = layout
            .get_value()
            .cell_at(f64::from(ev.offset_x()), f64::from(ev.offset_y()))
        {
            open_row(row);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let l = layout.get_value();
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
    };
    let title = move || {
        let seed = || crate::link::Params::default().run_spec(0);
        sweep
            .get()
            .map_or_else(|| kind.title(&seed()), |s| kind.title(&s.result.spec.base))
    };
    view! {
        <figure class="chart-panel heatmap-panel">
            <figcaption class="chart-title">{title}</figcaption>
            <canvas node_ref=canvas_ref class="chart heatmap" data-testid=test_id(kind) tabindex="0" role="img"
                aria-label=move || format!("Heatmap of {} over μ (rows) and dimension (columns). Arrow keys move, Enter opens the live view at the row's μ.", title())
                on:mousemove=on_move on:mouseleave=move |_| hover.set(None) on:click=on_click on:keydown=on_key on:focus=move |_| if hover.get_untracked().is_none() { hover.set(Some((0, 0))) }></canvas>
        </figure>
    }
}
