//! The three chart panels. Each redraws only when its own inputs change: the picture (run and
//! snapshot), its canvas size, or the colour scheme.

mod z_pointer;

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::optim::OptimizerKind;
use crate::spec::RunSpec;
use crate::view::shown::Shown;

use crate::ui::canvas::{stamp_font, watch_resize};
use crate::ui::charts::log_chart::{columns_for, draw_log_chart, LogChart};
use crate::ui::charts::z_chart::{draw_z_chart, geometry, ZChart};
use crate::ui::palette::Palette;
use crate::ui::timing;
use crate::view::charts::{
    compared_kind, loss_chart, subopt_chart, z_legend, z_title, LogChartSpec,
};
use crate::view::preview::Preview;
use crate::view::shown::Frame;
use z_pointer::ZPointer;

/// What a chart's picture depends on: the run and snapshot shown, the compared run (by identity:
/// a new message is a new picture even with the same run id), the colours and the canvas' bitmap
/// and type size. A redraw with an equal key would paint the same pixels, so it is skipped — a
/// layout pass that fires the resize observer without changing the size draws nothing.
#[derive(Clone, Copy, PartialEq)]
struct DrawKey {
    shown: usize,
    step: Option<usize>,
    other: Option<usize>,
    preview: Option<usize>,
    palette: Palette,
    bitmap: Option<(u32, u32, u64, u64)>,
}

impl DrawKey {
    fn of(
        canvas: &web_sys::HtmlCanvasElement,
        f: &Frame,
        other: Option<&Arc<Shown>>,
        palette: Palette,
    ) -> Self {
        Self {
            shown: Arc::as_ptr(&f.shown) as usize,
            step: f.step,
            other: other.map(|o| Arc::as_ptr(o) as usize),
            preview: None,
            palette,
            bitmap: crate::ui::canvas::measure(canvas)
                .map(|s| (s.width, s.height, s.zoom.to_bits(), s.min_font.to_bits())),
        }
    }

    /// Whether `last` already drew this key (and remembers it if not).
    fn is_drawn(self, last: StoredValue<Option<DrawKey>>) -> bool {
        if last.get_value() == Some(self) {
            return true;
        }
        last.set_value(Some(self));
        false
    }
}

/// A chart with no picture (Predict cleared it): an empty canvas without data attributes, so
/// nothing of the last run stays readable while a prediction is pending.
fn forget_picture(canvas: &web_sys::HtmlCanvasElement, last: StoredValue<Option<DrawKey>>) {
    if last.get_value().is_none() {
        return;
    }
    last.set_value(None);
    canvas.set_width(canvas.width()); // resetting the size clears the bitmap
    for name in [
        "data-plot",
        "data-mu",
        "data-band-mu",
        "data-run",
        "data-epoch",
        "data-cursor",
        "data-mu-changes",
    ] {
        let _ = canvas.remove_attribute(name);
    }
}

/// Warns on the console when a chart could not be drawn (the page goes on without it).
fn report(result: Result<(), String>) {
    if let Err(e) = result {
        web_sys::console::warn_1(&e.into());
    }
}

/// Chart 1: z against z0.
#[component]
pub fn ZPanel(
    /// The picture.
    frame: Signal<Option<Frame>>,
    /// The lab: its preview, the slider's μ's band and z* while the worker computes it (the
    /// analytic tier).
    lab: crate::ui::lab::Lab,
    /// Changes when the colour scheme does.
    theme: Signal<Palette>,
    /// The coordinate a click picks for the subgradient explorer.
    selected: RwSignal<usize>,
    /// A second optimizer's run (compare mode).
    compare: Signal<Option<Arc<Shown>>>,
    /// A point was dragged: (coordinate, its new z0).
    on_drag: Callback<(usize, f64)>,
    /// What sits under the chart, before its legend (the scrubber).
    children: Children,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let size = watch_resize(canvas_ref);
    let last_run = StoredValue::new(None::<u64>);
    let last_drawn = StoredValue::new(None::<DrawKey>);
    let pointer = ZPointer::new(canvas_ref, frame, selected, on_drag);
    Effect::new(move |_| {
        size.track();
        let palette = theme.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let Some(f) = frame.get() else {
            return forget_picture(&canvas, last_drawn);
        };
        let other = compare.get();
        let preview = lab.preview();
        let key = DrawKey {
            preview: preview.as_ref().map(|p| Arc::as_ptr(p) as usize),
            ..DrawKey::of(&canvas, &f, other.as_ref(), palette)
        };
        if key.is_drawn(last_drawn) {
            return;
        }
        draw_z_panel(&canvas, &f, other.as_deref(), &palette, preview.as_deref());
        // Whatever this frame shows, it shows the latest μ's band and z*: the analytic tier.
        timing::measure_input_to_analytic();
        // Only a new result ends the input-to-frame clock (redraws of the same run — a resize,
        // the theme, the compared run arriving — are not the answer to an input).
        if last_run.get_value() != Some(f.shown.result.run) {
            last_run.set_value(Some(f.shown.result.run));
            timing::measure_input_to_frame();
        }
    });
    view! {
        <figure class="chart-panel panel-z">
            <figcaption class="chart-title">{move || z_title(frame.get().as_ref())}</figcaption>
            <canvas node_ref=canvas_ref class="chart chart-z" data-testid="chart-z" role="img" on:click=move |ev| pointer.pick(ev)
                on:pointerdown=move |ev| pointer.grab(ev) on:pointermove=move |ev| pointer.drag(ev)
                on:pointerup=move |_| pointer.release() on:pointercancel=move |_| pointer.release()
                aria-label=crate::i18n::t().charts.z_aria></canvas>
            {children()}
            <CompareLegend compare=compare items=vec![("swatch square green", crate::i18n::t().charts.learned_z)] />
            {move || {
                // The seed's legend, or the variant's own z* and bands.
                let spec = frame.get().map(|f| f.shown.result.spec.clone());
                view! { <Legend items=z_legend(spec.as_ref()) /> }
            }}
        </figure>
    }
}

/// Draws chart 1 of the page (with the compared run, if any; with `preview`'s band and z* over
/// the run's points while the worker computes the slider's μ) and stamps the canvas with what
/// it shows for tests and tools: `data-mu`, `data-run`, `data-epoch` (the run's), `data-band-mu`
/// (the μ whose band is drawn), `data-plot`.
fn draw_z_panel(
    canvas: &web_sys::HtmlCanvasElement,
    f: &Frame,
    other: Option<&crate::view::shown::Shown>,
    palette: &Palette,
    preview: Option<&Preview>,
) {
    let s = &f.shown;
    let mut data = ZChart::of(f, other, false);
    if let Some(p) = preview {
        data.z_star = &p.z_star;
        data.band = p.band;
        data.bands = p.bands.as_deref();
        data.mu = p.mu;
    }
    let _ = canvas.set_attribute("data-band-mu", &crate::link::fmt_real(data.mu));
    report(draw_z_chart(canvas, &data, palette));
    stamp_font(canvas);
    if let Some(g) = geometry(canvas, &data) {
        let _ = canvas.set_attribute("data-plot", &g);
    }
    let _ = canvas.set_attribute("data-mu", &crate::link::fmt_real(s.result.spec.mu));
    let _ = canvas.set_attribute("data-run", &s.result.run.to_string());
    let _ = canvas.set_attribute("data-epoch", &f.epoch().to_string());
}

/// Which log chart a [`LogPanel`] shows: its spec and its page furniture.
#[derive(Clone, Copy)]
struct LogPanelKind {
    /// The chart's curves, title and legend for a run (and a compared optimizer).
    chart: fn(&RunSpec, Option<OptimizerKind>) -> LogChartSpec,
    /// `loss` or `subopt`: the panel's class `panel-…`, the canvas' `chart-…` test id.
    name: &'static str,
    /// What a screen reader hears for the canvas.
    aria: &'static str,
}

/// Chart 2: the seed's four losses against epoch, log y.
#[component]
pub fn LossPanel(
    /// The picture.
    frame: Signal<Option<Frame>>,
    /// Changes when the colour scheme does.
    theme: Signal<Palette>,
    /// A second optimizer's run (compare mode).
    compare: Signal<Option<Arc<Shown>>>,
) -> impl IntoView {
    let kind = LogPanelKind {
        chart: loss_chart,
        name: "loss",
        aria: crate::i18n::t().charts.loss_aria,
    };
    view! { <LogPanel frame=frame theme=theme compare=compare kind=kind /> }
}

/// Chart 3: distance to the known optimum, L(z) − L(z*) and ‖z − z*‖∞, log y.
#[component]
pub fn SuboptPanel(
    /// The picture.
    frame: Signal<Option<Frame>>,
    /// Changes when the colour scheme does.
    theme: Signal<Palette>,
    /// A second optimizer's run (compare mode).
    compare: Signal<Option<Arc<Shown>>>,
) -> impl IntoView {
    let kind = LogPanelKind {
        chart: subopt_chart,
        name: "subopt",
        aria: crate::i18n::t().charts.subopt_aria,
    };
    view! { <LogPanel frame=frame theme=theme compare=compare kind=kind /> }
}

/// A log chart of the run on screen: its canvas redraws when the picture, the size, the theme
/// or the compared run changes; its title and legend come from the same spec as its curves.
#[component]
fn LogPanel(
    frame: Signal<Option<Frame>>,
    theme: Signal<Palette>,
    compare: Signal<Option<Arc<Shown>>>,
    kind: LogPanelKind,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let size = watch_resize(canvas_ref);
    let last_drawn = StoredValue::new(None::<DrawKey>);
    Effect::new(move |_| {
        size.track();
        let palette = theme.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let Some(f) = frame.get() else {
            return forget_picture(&canvas, last_drawn);
        };
        let other = compare.get();
        if DrawKey::of(&canvas, &f, other.as_ref(), palette).is_drawn(last_drawn) {
            return;
        }
        let spec = (kind.chart)(&f.shown.result.spec, compared_kind(other.as_deref()));
        let cols = columns_for(&canvas);
        let chart = LogChart::of(&spec, &f, other.as_deref(), cols, &palette, false);
        report(draw_log_chart(&canvas, &chart, &palette));
        stamp_font(&canvas);
        let _ = canvas.set_attribute("data-epoch", &f.epoch().to_string());
        // Where μ changed along the axis (warm starts) and the scrubber's cursor, for tests.
        let marks: Vec<String> = chart.marks.iter().map(|(e, _)| e.to_string()).collect();
        let _ = canvas.set_attribute("data-mu-changes", &marks.join(" "));
        let cursor = chart.cursor.map(|e| e.to_string()).unwrap_or_default();
        let _ = canvas.set_attribute("data-cursor", &cursor);
    });
    let spec = move || {
        let run = frame.get().map_or_else(
            || crate::link::Params::default().run_spec(0),
            |f| f.shown.result.spec.clone(),
        );
        (kind.chart)(&run, compared_kind(compare.get().as_deref()))
    };
    view! {
        <figure class=format!("chart-panel panel-{}", kind.name)>
            <figcaption class="chart-title">{move || spec().title}</figcaption>
            <canvas node_ref=canvas_ref class=format!("chart chart-{}", kind.name) data-testid=format!("chart-{}", kind.name) role="img"
                aria-label=kind.aria></canvas>
            <SpecLegend spec=Signal::derive(spec) />
        </figure>
    }
}

/// A chart's legend in HTML: wraps on narrow screens and is read by screen readers.
#[component]
fn Legend(
    /// (swatch classes, text) per entry.
    items: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    view! {
        <ul class="legend">
            {items.into_iter().map(|(class, text)| view! {
                <li><span class=class aria-hidden="true"></span>{text}</li>
            }).collect_view()}
        </ul>
    }
}

/// A log chart's legend, from the same spec its canvas draws: the first run's entries, then
/// (in compare mode) the compared optimizer's.
#[component]
fn SpecLegend(
    /// The chart.
    spec: Signal<LogChartSpec>,
) -> impl IntoView {
    let entries = move |compared: bool| {
        spec.get()
            .legend(compared)
            .into_iter()
            .map(|(class, text)| view! { <li><span class=class aria-hidden="true"></span>{text}</li> })
            .collect_view()
    };
    view! {
        <ul class="legend">{move || entries(false)}</ul>
        <Show when=move || spec.with(|s| s.curves.iter().any(|c| c.compared))>
            <ul class="legend compare-legend">{move || entries(true)}</ul>
        </Show>
    }
}

/// The compared optimizer's entries (shown only in compare mode), named after it.
#[component]
fn CompareLegend(
    /// The compared run.
    compare: Signal<Option<Arc<Shown>>>,
    /// (swatch classes, what) per entry.
    items: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    view! {
        <Show when=move || compare.get().is_some()>
            <ul class="legend compare-legend">
                {
                    let items = items.clone();
                    move || {
                        let name = compare.get().map(|c| crate::i18n::name(c.result.spec.opt.label())).unwrap_or_default();
                        items.iter().map(|(class, what)| view! {
                            <li><span class=*class aria-hidden="true"></span>{format!("{what} ({name})")}</li>
                        }).collect_view()
                    }
                }
            </ul>
        </Show>
    }
}
