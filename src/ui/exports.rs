//! The export bar: the run as CSV, its loss history as CSV, the sweep as CSV, any chart as PNG,
//! and the state as JSON (the same keys as the link).

use std::sync::Arc;

use leptos::prelude::*;

use crate::link::{fmt_real, Params};
use crate::protocol::FromWorker;
use crate::ui::charts::heatmap::{draw_heatmap, Heatmap};
use crate::ui::charts::log_chart::{draw_log_chart, LogChart};
use crate::ui::charts::overlay::{draw_overlay, Overlay};
use crate::ui::charts::z_chart::{draw_z_chart, ZChart};
use crate::ui::client::{Event, Request, WorkerClient};
use crate::ui::download::{download, download_bytes};
use crate::ui::palette::Palette;
use crate::ui::png::render_png;
use crate::view::charts::{loss_chart, subopt_chart, MapKind};
use crate::view::shown::Frame;
use crate::view::sweep_shown::SweepShown;

/// The charts a PNG can be made of.
const PNG_CHOICES: [(&str, &str); 7] = [
    ("z", "z against z0"),
    ("loss", "losses"),
    ("subopt", "distance to z*"),
    ("overlay", "sweep overlay"),
    ("learned", "heatmap: learned z"),
    ("analytic", "heatmap: z*"),
    ("diff", "heatmap: z − z*"),
];

/// The export buttons.
#[component]
pub fn Exports(
    /// All parameters.
    params: RwSignal<Params>,
    /// The live picture.
    frame: Signal<Option<Frame>>,
    /// The latest sweep.
    sweep: RwSignal<Option<Arc<SweepShown>>>,
    /// Where to say that something failed.
    message: RwSignal<String>,
) -> impl IntoView {
    // Loss histories are recomputed at full resolution by a worker of their own, so an export
    // never cancels the live run or a sweep.
    let exporter = StoredValue::new_local(None::<WorkerClient>);
    let export_loss = move |_| {
        let spec = params.get_untracked().run_spec(0);
        exporter.update_value(|slot| {
            let client = slot.get_or_insert_with(|| {
                WorkerClient::start(move |event| match event {
                    Event::Message(FromWorker::File { name, text, .. }) => {
                        if let Err(e) = download(&name, "text/csv", &text) {
                            message.set(format!("Could not save the loss history: {e}"));
                        }
                    }
                    Event::Message(FromWorker::Error { message: m, .. }) | Event::Failed(m) => {
                        message.set(m)
                    }
                    _ => {}
                })
            });
            client.request(Request::LossCsv(spec));
        });
    };
    let export_run = move |_| {
        let Some(f) = frame.get_untracked() else {
            return;
        };
        let csv =
            crate::worker::export::run_csv(&f.shown.z0, f.z(), &f.shown.z_star, &f.shown.weights);
        let name = format!(
            "reglab-mu{}-epoch{}.csv",
            fmt_real(f.shown.result.spec.mu),
            f.epoch()
        );
        if let Err(e) = download(&name, "text/csv", &csv) {
            message.set(format!("Could not save the CSV: {e}"));
        }
    };
    let export_sweep = move |_| {
        let Some(s) = sweep.get_untracked() else {
            return;
        };
        let csv = crate::worker::export::sweep_csv(&s.result.spec.base, &s.result.rows);
        if let Err(e) = download("reglab-sweep.csv", "text/csv", &csv) {
            message.set(format!("Could not save the sweep: {e}"));
        }
    };
    let export_json = move |_| {
        if let Err(e) = download(
            "reglab-state.json",
            "application/json",
            &params.get_untracked().to_json(),
        ) {
            message.set(format!("Could not save the state: {e}"));
        }
    };
    let png_choice = RwSignal::new("z".to_string());
    let export_png = move |_| {
        let p = params.get_untracked();
        let palette = Palette::current();
        let which = png_choice.get_untracked();
        let bytes = render_png(&p, &palette, |canvas| {
            draw_for_png(
                &which,
                canvas,
                frame.get_untracked(),
                sweep.get_untracked(),
                &palette,
            )
        });
        match bytes.and_then(|b| {
            download_bytes(
                &format!("reglab-{which}-mu{}.png", fmt_real(p.mu)),
                "image/png",
                &b,
            )
        }) {
            Ok(()) => {}
            Err(e) => message.set(format!("Could not make the PNG: {e}")),
        }
    };
    view! {
        <section class="exports" aria-label="Export">
            <h2 class="visually-hidden">"Export"</h2>
            <button type="button" data-testid="export-csv" on:click=export_run disabled=move || frame.get().is_none()>"Run CSV"</button>
            <button type="button" data-testid="export-loss-csv" on:click=export_loss>"Loss history CSV"</button>
            <button type="button" data-testid="export-sweep-csv" on:click=export_sweep disabled=move || sweep.get().is_none()>"Sweep CSV"</button>
            <span class="png-export">
                <label for="png-chart" class="visually-hidden">"Chart to save as PNG"</label>
                <select id="png-chart" data-testid="png-chart" on:change=move |ev| png_choice.set(event_target_value(&ev))>
                    {PNG_CHOICES.iter().map(|(key, label)| view! { <option value=*key selected=move || png_choice.get() == *key>{*label}</option> }).collect_view()}
                </select>
                <button type="button" data-testid="export-png" on:click=export_png>"PNG"</button>
            </span>
            <button type="button" data-testid="export-json" on:click=export_json>"State JSON"</button>
        </section>
    }
}

/// Draws chart `which` with its annotations, for a PNG.
fn draw_for_png(
    which: &str,
    canvas: &web_sys::HtmlCanvasElement,
    frame: Option<Frame>,
    sweep: Option<Arc<SweepShown>>,
    palette: &Palette,
) -> Result<(), String> {
    let need_run = || {
        frame
            .clone()
            .ok_or_else(|| "no run to draw yet".to_string())
    };
    let need_sweep = || {
        sweep
            .clone()
            .ok_or_else(|| "run the sweep first".to_string())
    };
    match which {
        "z" => {
            let f = need_run()?;
            let s = &f.shown;
            draw_z_chart(
                canvas,
                &ZChart {
                    z0: &s.z0,
                    z: f.z(),
                    z_star: &s.z_star,
                    band: s.band,
                    bands: s.bands.as_deref(),
                    star_label: s.result.spec.star_label(),
                    mu: s.result.spec.mu,
                    compare: None,
                    annotate: true,
                },
                palette,
            )
        }
        "loss" | "subopt" => {
            let f = need_run()?;
            let spec = &f.shown.result.spec;
            let chart = if which == "loss" {
                loss_chart(spec, None)
            } else {
                subopt_chart(spec, None)
            };
            draw_log_chart(
                canvas,
                &LogChart::of(&chart, &f, None, 1600, palette, true),
                palette,
            )
        }
        "overlay" => {
            let s = need_sweep()?;
            let data = Overlay {
                z0: &s.z0,
                rows: s
                    .result
                    .rows
                    .iter()
                    .map(|r| (r.mu, r.z.as_slice()))
                    .collect(),
                z_stars: Some(s.z_stars.clone()),
                annotate: true,
            };
            draw_overlay(canvas, &data, palette)
        }
        kind => {
            let s = need_sweep()?;
            let mus = s.mus();
            let kind = match kind {
                "learned" => MapKind::Learned,
                "analytic" => MapKind::Analytic,
                _ => MapKind::Diff,
            };
            let (values, range, diverging) = kind.values(&s);
            let title = kind.title(&s.result.spec.base);
            draw_heatmap(
                canvas,
                &Heatmap {
                    values,
                    mus: &mus,
                    cols: s.z0.len(),
                    range,
                    diverging,
                    title: &title,
                    annotate: true,
                },
                palette,
            )
            .map(|_| ())
        }
    }
}
