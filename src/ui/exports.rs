//! The export panel (at the end of the page: used once, where the charts are used every second):
//! the run as CSV, its loss history as CSV, the sweep as CSV, any chart as PNG,
//! the state as JSON (the same keys as the link), and the state as a Jupyter notebook
//! (NumPy or TensorFlow: [`crate::view::notebook`] writes it).

mod png_charts;

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::panels::Panels;
use crate::i18n::{fill, t};

use crate::link::{fmt_real, Params};
use crate::protocol::{FromWorker, LossRow};
use crate::ui::client::{Event, Request, WorkerClient};
use crate::ui::download::{download, download_bytes};
use crate::ui::palette::Palette;
use crate::ui::png::render_png;
use crate::view::notebook::bundle::BUNDLE_FILE;
use crate::view::notebook::{file_name, render_notebook, Flavour, Templates};
use crate::view::shown::Frame;
use crate::view::sweep_shown::SweepShown;
use png_charts::draw_for_png;

/// A chart's name in the PNG menu, read from the page's catalogue.
type Label = fn(&Panels) -> &'static str;

/// The charts a PNG can be made of.
const PNG_CHOICES: [(&str, Label); 7] = [
    ("z", |m| m.png_z),
    ("loss", |m| m.png_loss),
    ("subopt", |m| m.png_subopt),
    ("overlay", |m| m.png_overlay),
    ("learned", |m| m.png_learned),
    ("analytic", |m| m.png_analytic),
    ("diff", |m| m.png_diff),
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
    let export_loss = move |_| request_loss_csv(exporter, params, message);
    let export_run = move |_| save_run_csv(frame, message);
    let export_sweep = move |_| save_sweep_csv(sweep, message);
    let export_json = move |_| save_state_json(params, message);
    // True while the notebook's templates are being fetched.
    let busy = RwSignal::new(false);
    let is_busy = move || busy.get();
    let export_numpy = move |_| save_notebook(Flavour::NumPy, params, message, busy);
    let export_tf = move |_| save_notebook(Flavour::TensorFlow, params, message, busy);
    let png_choice = RwSignal::new("z".to_string());
    let export_png = move |_| save_png(&png_choice.get_untracked(), params, frame, sweep, message);
    view! {
        <section class="exports" aria-labelledby="exports-title">
            <h2 id="exports-title">{t().panels.export}</h2>
            <button type="button" data-testid="export-csv" on:click=export_run disabled=move || frame.get().is_none()>{t().panels.run_csv}</button>
            <button type="button" data-testid="export-loss-csv" on:click=export_loss>{t().panels.loss_csv}</button>
            <button type="button" data-testid="export-sweep-csv" on:click=export_sweep disabled=move || sweep.get().is_none()>{t().panels.sweep_csv}</button>
            <span class="png-export">
                <label for="png-chart" class="visually-hidden">{t().panels.png_which}</label>
                <select id="png-chart" data-testid="png-chart" on:change=move |ev| png_choice.set(event_target_value(&ev))>
                    {PNG_CHOICES.iter().map(|(key, label)| view! { <option value=*key selected=move || png_choice.get() == *key>{label(&t().panels)}</option> }).collect_view()}
                </select>
                <button type="button" data-testid="export-png" on:click=export_png>{t().panels.png}</button>
            </span>
            <button type="button" data-testid="export-json" on:click=export_json>{t().panels.state_json}</button>
            <span class="notebook-export" role="group" aria-label=t().panels.notebook>
                {t().panels.notebook_label}
                <button type="button" data-testid="export-notebook-numpy" on:click=export_numpy disabled=is_busy>"NumPy"</button>
                <button type="button" data-testid="export-notebook-tf" on:click=export_tf disabled=is_busy>"TensorFlow"</button>
            </span>
        </section>
    }
}

/// Asks the export worker (started on first use) for the run's full loss history as CSV.
fn request_loss_csv(
    exporter: StoredValue<Option<WorkerClient>, LocalStorage>,
    params: RwSignal<Params>,
    message: RwSignal<String>,
) {
    let spec = params.get_untracked().run_spec(0);
    exporter.update_value(|slot| {
        let client = slot.get_or_insert_with(|| loss_worker(message));
        client.request(Request::LossCsv(spec));
    });
}

/// The worker of the loss-history export: it sends each history as numbers, saved here as CSV
/// (the page writes the text, so the worker needs no float printer); failures are reported.
fn loss_worker(message: RwSignal<String>) -> WorkerClient {
    WorkerClient::start(move |event| match event {
        Event::Message(FromWorker::File {
            mu, epochs, rows, ..
        }) => save_loss_csv(mu, epochs, &rows, message),
        Event::Message(FromWorker::Error { message: m, .. }) | Event::Failed(m) => message.set(m),
        _ => {}
    })
}

/// Saves a run's loss history (the worker's answer to the export) as CSV.
fn save_loss_csv(mu: f64, epochs: u64, rows: &[LossRow], message: RwSignal<String>) {
    use crate::view::csv::{loss_csv, loss_csv_name};
    if let Err(e) = download(&loss_csv_name(mu, epochs), "text/csv", &loss_csv(rows)) {
        message.set(fill(
            t().panels.save_loss_failed,
            &[("why", &e.to_string())],
        ));
    }
}

/// Saves the shown run (z0, z, z*, weights) as CSV, named after its μ and epoch.
fn save_run_csv(frame: Signal<Option<Frame>>, message: RwSignal<String>) {
    let Some(f) = frame.get_untracked() else {
        return;
    };
    let csv = crate::view::csv::run_csv(&f.shown.z0, f.z(), &f.shown.z_star, &f.shown.weights);
    let name = format!(
        "reglab-mu{}-epoch{}.csv",
        fmt_real(f.shown.result.spec.mu),
        f.epoch()
    );
    if let Err(e) = download(&name, "text/csv", &csv) {
        message.set(fill(t().panels.save_csv_failed, &[("why", &e.to_string())]));
    }
}

/// Saves the latest sweep's rows as CSV.
fn save_sweep_csv(sweep: RwSignal<Option<Arc<SweepShown>>>, message: RwSignal<String>) {
    let Some(s) = sweep.get_untracked() else {
        return;
    };
    let csv = crate::view::csv::sweep_csv(&s.result.spec.base, &s.result.rows);
    if let Err(e) = download("reglab-sweep.csv", "text/csv", &csv) {
        message.set(fill(
            t().panels.save_sweep_failed,
            &[("why", &e.to_string())],
        ));
    }
}

/// Saves the parameters as JSON (the same keys as the link).
fn save_state_json(params: RwSignal<Params>, message: RwSignal<String>) {
    if let Err(e) = download(
        "reglab-state.json",
        "application/json",
        &params.get_untracked().to_json(),
    ) {
        message.set(fill(
            t().panels.save_state_failed,
            &[("why", &e.to_string())],
        ));
    }
}

/// Saves the state as a Jupyter notebook in `flavour`, with the page's link in its first cell
/// (typed application/json, as the state JSON: every engine saves it without asking). The
/// templates are fetched first (not in the wasm: [`BUNDLE_FILE`], next to the page and cached
/// by the service worker); the buttons are disabled meanwhile.
fn save_notebook(
    flavour: Flavour,
    params: RwSignal<Params>,
    message: RwSignal<String>,
    busy: RwSignal<bool>,
) {
    if busy.get_untracked() {
        return;
    }
    busy.set(true);
    fetch_text(&format!("./{BUNDLE_FILE}"), move |fetched| {
        busy.set(false);
        let saved =
            match fetched.and_then(|text| Templates::parse(&text).map_err(|e| e.to_string())) {
                Err(why) => Err(fill(t().panels.notebook_fetch_failed, &[("why", &why)])),
                Ok(templates) => write_notebook(&templates, flavour, &params.get_untracked())
                    .map_err(|why| fill(t().panels.notebook_failed, &[("why", &why)])),
            };
        if let Err(m) = saved {
            message.set(m);
        }
    });
}

/// Renders and downloads the notebook of state `p`.
fn write_notebook(templates: &Templates, flavour: Flavour, p: &Params) -> Result<(), String> {
    // The shared link (no `lang`), as Copy link gives it: a notebook opens the state, not the
    // exporter's language.
    let link = format!(
        "{}?{}",
        crate::ui::url::page_address(),
        p.shared().to_query()
    );
    let text = render_notebook(templates, p, &link, flavour)?;
    download(&file_name(p, flavour), "application/json", &text)
}

/// Fetches the text at `url` (relative to the page), then calls `done` with it or with why not
/// (offline, an HTTP error). Promise callbacks rather than an async executor: less wasm. The
/// callbacks live as long as the page (a few bytes per export).
fn fetch_text(url: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    use std::{cell::Cell, rc::Rc};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    type Callback = Closure<dyn FnMut(JsValue)>;
    let why = super::js_error::js_error;
    let slot = Rc::new(Cell::new(Some(done)));
    let finish = move |r: Result<String, String>| {
        if let Some(f) = slot.take() {
            f(r)
        }
    };
    let failed = |finish: Rc<dyn Fn(Result<String, String>)>| -> Callback {
        Closure::new(move |e: JsValue| finish(Err(why(&e))))
    };
    let finish: Rc<dyn Fn(Result<String, String>)> = Rc::new(finish);
    let Some(window) = web_sys::window() else {
        return finish(Err("no window".into()));
    };
    let on_text: Callback = {
        let finish = finish.clone();
        Closure::new(move |t: JsValue| finish(t.as_string().ok_or_else(|| "not text".into())))
    };
    let text_failed = failed(finish.clone());
    let on_response: Callback = {
        let finish = finish.clone();
        Closure::new(move |r: JsValue| {
            let r: web_sys::Response = r.unchecked_into();
            match r.text() {
                _ if !r.ok() => finish(Err(format!("HTTP {}", r.status()))),
                Ok(text) => drop(text.then2(&on_text, &text_failed)),
                Err(e) => finish(Err(why(&e))),
            }
        })
    };
    let fetch_failed = failed(finish);
    drop(
        window
            .fetch_with_str(url)
            .then2(&on_response, &fetch_failed),
    );
    on_response.forget();
    fetch_failed.forget();
}

/// Renders chart `which` off-screen with its annotations and saves it as a PNG.
fn save_png(
    which: &str,
    params: RwSignal<Params>,
    frame: Signal<Option<Frame>>,
    sweep: RwSignal<Option<Arc<SweepShown>>>,
    message: RwSignal<String>,
) {
    let p = params.get_untracked();
    let palette = Palette::current();
    let bytes = render_png(&p, &palette, |canvas| {
        draw_for_png(
            which,
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
        Err(e) => message.set(fill(t().panels.png_failed, &[("why", &e.to_string())])),
    }
}
