//! Record: the run on screen played back into a video file for slides — the caption, the z chart
//! and the loss chart composed at 1280×720 or 1920×1080, 30 frames a second over the chosen
//! playback length (3 s for Instant), MP4 (H.264) where MediaRecorder writes it, WebM otherwise
//! (with its duration written in). Every frame is drawn from the recorded run (frame k at epoch
//! k·E/(F − 1)), off screen: the live page goes on undisturbed. The bar's data attributes say
//! where a recording stands and what it still holds, for tests.

mod clock;
mod compose;
mod recorder;

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use web_sys::MediaRecorder;

use crate::i18n::{fill, t};
use crate::link::{fmt_real, Playback};
use crate::ui::download::download_bytes;
use crate::ui::lab::Lab;
use crate::ui::palette::Palette;
use crate::view::shown::Shown;
use crate::view::video::{extension, file_name, frame_count, frame_due_ms, still_name, SIZES};
use clock::now;
use compose::Composer;
use recorder::{supported_type, Recorder};

/// Where a recording stands (`data-record-state`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    Idle,
    Recording,
    Saving,
    Done,
    Cancelled,
    Failed,
}

impl Phase {
    fn word(self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Recording => "recording",
            Phase::Saving => "saving",
            Phase::Done => "done",
            Phase::Cancelled => "cancelled",
            Phase::Failed => "failed",
        }
    }
}

/// What Cancel reaches while a recording runs.
struct Control {
    /// When Cancel was pressed (page clock).
    cancel_at: Cell<Option<f64>>,
    /// Stops the recorder at once (its stop event ends the recording).
    stopper: MediaRecorder,
}

/// The bar's state (cheap to copy into handlers and the recording task).
#[derive(Clone, Copy)]
struct Ui {
    phase: RwSignal<Phase>,
    done: RwSignal<u32>,
    frames: RwSignal<u32>,
    note: RwSignal<String>,
    /// What the recording holds: "recorder stream canvas" while it runs, "none" once released.
    held: RwSignal<&'static str>,
    cancel_ms: RwSignal<Option<f64>>,
    duration_ms: RwSignal<Option<f64>>,
    /// How the saved file's frames are timed: "plan" (restamped, 1/FPS s each), "clock" (as the
    /// recorder stamped them: a file this cannot restamp).
    stamped: RwSignal<&'static str>,
    mime: RwSignal<String>,
    bytes: RwSignal<usize>,
    control: StoredValue<Option<Rc<Control>>, LocalStorage>,
    /// Why this browser cannot record (found before, or by a recording that came back empty).
    unable: RwSignal<Option<&'static str>>,
}

impl Ui {
    /// An idle bar; `unable`: why this browser cannot record, shown at once.
    fn new(unable: Option<&'static str>) -> Self {
        Self {
            phase: RwSignal::new(Phase::Idle),
            done: RwSignal::new(0),
            frames: RwSignal::new(0),
            note: RwSignal::new(unable.unwrap_or_default().to_string()),
            held: RwSignal::new("none"),
            cancel_ms: RwSignal::new(None),
            duration_ms: RwSignal::new(None),
            stamped: RwSignal::new(""),
            mime: RwSignal::new(String::new()),
            bytes: RwSignal::new(0),
            control: StoredValue::new_local(None),
            unable: RwSignal::new(unable),
        }
    }
}

/// One recording's inputs, fixed when Record is pressed.
struct Job {
    shown: Arc<Shown>,
    palette: Palette,
    size: (u32, u32),
    seconds: u32,
    mime: &'static str,
}

/// Record, the size menu, the progress bar with Cancel and the last frame as PNG.
#[component]
pub fn RecordBar(
    /// The live lab (its run on screen and the playback length).
    lab: Lab,
    /// The colours the video is drawn in.
    theme: Signal<Palette>,
) -> impl IntoView {
    let support = supported_type();
    let ui = Ui::new(support.err());
    let size = RwSignal::new(0usize);
    let job = move || -> Option<Job> {
        let shown = lab.frame.get_untracked()?.shown;
        let seconds = match lab.params.get_untracked().play {
            Playback::Seconds(s) => u32::from(s),
            Playback::Instant => 3,
        };
        let (w, h, _) = SIZES[size.get_untracked().min(SIZES.len() - 1)];
        Some(Job {
            shown,
            palette: theme.get_untracked(),
            size: (w, h),
            seconds,
            mime: support.ok()?,
        })
    };
    let has_run = move || {
        lab.frame
            .with(|f| f.as_ref().is_some_and(|f| f.steps() > 1))
    };
    let busy = move || matches!(ui.phase.get(), Phase::Recording | Phase::Saving);
    let start = move |_| match job() {
        Some(job) => leptos::task::spawn_local(record(ui, job)),
        None => ui.note.set(t().record.no_run.into()),
    };
    let still = move |_| {
        if let Some(job) = job() {
            if let Err(e) = save_still(job) {
                ui.note.set(fill(t().record.failed, &[("why", &e)]));
            }
        }
    };
    let title = move || ui.unable.get().unwrap_or(t().record.record_title);
    view! {
        <fieldset class="record-bar" data-testid="record-bar"
            data-record-state=move || ui.phase.get().word()
            data-record-held=move || ui.held.get()
            data-record-cancel-ms=move || ui.cancel_ms.get().map(|m| format!("{m:.1}"))
            data-record-duration-ms=move || ui.duration_ms.get().map(|m| format!("{m:.1}"))
            data-record-stamped=move || ui.stamped.get()
            data-record-type=move || ui.mime.get()
            data-record-bytes=move || ui.bytes.get().to_string()>
            <legend>{t().record.legend}</legend>
            <label class="record-size">{t().record.size}
                <select data-testid="record-size" disabled=busy
                    on:change=move |ev| size.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {SIZES.iter().enumerate().map(|(i, (_, _, label))| view! {
                        <option value=i.to_string() selected=move || size.get() == i>{*label}</option>
                    }).collect_view()}
                </select>
            </label>
            <div class="buttons">
                <button type="button" data-testid="record" title=title on:click=start
                    disabled=move || ui.unable.get().is_some() || busy() || !has_run()>{t().record.record}</button>
                <Show when=busy>
                    <button type="button" data-testid="record-cancel" on:click=move |_| cancel(ui)>{t().record.cancel}</button>
                </Show>
            </div>
            <Show when=busy>
                <progress data-testid="record-progress" max=move || ui.frames.get().to_string()
                    value=move || ui.done.get().to_string()
                    aria-label=move || fill(t().record.progress, &[("done", &ui.done.get().to_string()), ("frames", &ui.frames.get().to_string())])></progress>
            </Show>
            <p class="record-note" data-testid="record-message" role="status">{move || ui.note.get()}</p>
            <button type="button" class="link-button" data-testid="record-still" on:click=still
                disabled=move || support.is_err() || !has_run()>{t().record.still}</button>
        </fieldset>
    }
}

/// Cancel: stops the recorder at once; the recording task then releases everything.
fn cancel(ui: Ui) {
    ui.control.with_value(|c| {
        if let Some(c) = c {
            c.cancel_at.set(Some(now()));
            let _ = c.stopper.stop();
        }
    });
}

/// Runs one recording to its end (saved, cancelled or failed) and releases what it held.
async fn record(ui: Ui, job: Job) {
    ui.phase.set(Phase::Recording);
    ui.note.set(String::new());
    ui.cancel_ms.set(None);
    ui.duration_ms.set(None);
    ui.stamped.set("");
    ui.done.set(0);
    ui.frames.set(frame_count(job.seconds));
    let outcome = capture(ui, &job).await;
    // Everything the recording held is dropped by now (capture owns it); Cancel's handle too.
    ui.control.set_value(None);
    ui.held.set("none");
    match outcome {
        Ok(Some(name)) => {
            ui.phase.set(Phase::Done);
            ui.note.set(fill(t().record.saved, &[("name", &name)]));
        }
        Ok(None) => {
            ui.phase.set(Phase::Cancelled);
            ui.note.set(t().record.cancelled.into());
        }
        Err(e) => {
            ui.phase.set(Phase::Failed);
            match ui.unable.get_untracked() {
                Some(why) => ui.note.set(why.into()),
                None => ui.note.set(fill(t().record.failed, &[("why", &e)])),
            }
        }
    }
}

/// How long the last picture is held at least (page clock): time for a frame to reach the
/// encoder on a slow machine (at 8× CPU throttling it needed less than 300 ms).
const FINAL_HOLD_MS: f64 = 300.0;

/// Draws and records every frame on time, then saves the file; `None` when cancelled.
async fn capture(ui: Ui, job: &Job) -> Result<Option<String>, String> {
    let frames = frame_count(job.seconds);
    let composer = Composer::new(job.shown.clone(), job.palette, job.size, frames)?;
    let recorder = Recorder::start(composer.canvas(), job.mime)?;
    let control = Rc::new(Control {
        cancel_at: Cell::new(None),
        stopper: recorder.stopper(),
    });
    ui.control.set_value(Some(control.clone()));
    ui.held.set("recorder stream canvas");
    // The file's time so far: each frame is recorded until the next one is due, so even a file
    // that cannot be restamped afterwards lasts about frames / FPS seconds however long the
    // frames take to draw (self-correcting: a frame held a little long shortens the next).
    let mut recorded = 0.0;
    for k in 0..frames {
        if control.cancel_at.get().is_some() {
            break;
        }
        composer.draw(k)?;
        ui.done.set(k + 1);
        let due = frame_due_ms(k + 1) - recorded;
        if k + 1 < frames {
            recorded += recorder.frame(due, 1).await;
        } else {
            // The last picture is the one a slide ends on. On a slow machine a frame reaches the
            // encoder well after it is sent, and one still on its way when the recording stops
            // is lost (a 3× slower CPU lost it every time): it is sent thrice and held until the
            // encoder surely has it, then restamped to one frame's time below.
            recorded += recorder.frame(due.max(FINAL_HOLD_MS), 3).await;
        }
    }
    let stopped = recorder.stop().await;
    if let Some(at) = control.cancel_at.get() {
        ui.cancel_ms.set(Some(stopped - at));
        return Ok(None);
    }
    ui.phase.set(Phase::Saving);
    let duration = recorded;
    ui.duration_ms.set(Some(duration));
    let mime = recorder.mime();
    let bytes = recorder.bytes().await?;
    drop(recorder);
    drop(composer);
    if bytes.is_empty() {
        // WebKitGTK without an H.264 encoder says it records MP4, then hands back nothing: say
        // so, and offer Record no more.
        ui.unable.set(Some(t().record.no_output));
        return Err(t().record.no_output.into());
    }
    // Frames stamped on the plan (recorders stamp a late frame late, Firefox counts paused
    // time, the last picture was held), and the duration Chromium's WebM header lacks: see
    // view::webm and view::mp4.
    let period = frame_due_ms(1);
    let planned = frame_due_ms(frames);
    let restamped = match extension(&mime) {
        "webm" => crate::view::webm::retime(&bytes, frames, period)
            .ok()
            .map(|timed| crate::view::webm::with_duration(&timed, planned).unwrap_or(timed)),
        _ => crate::view::mp4::retime(&bytes, frames, period).ok(),
    };
    ui.stamped
        .set(if restamped.is_some() { "plan" } else { "clock" });
    let bytes = restamped.unwrap_or(bytes);
    let base = mime.split(';').next().unwrap_or("video/webm");
    let mu = fmt_real(job.shown.result.spec.mu);
    let name = file_name(&mu, job.seconds, job.size, base);
    ui.mime.set(mime.clone());
    ui.bytes.set(bytes.len());
    download_bytes(&name, base, &bytes)?;
    Ok(Some(name))
}

/// The recording's last frame (the finished run) as a PNG of the video's size.
fn save_still(job: Job) -> Result<(), String> {
    let composer = Composer::new(job.shown.clone(), job.palette, job.size, 2)?;
    composer.draw(1)?;
    let png = crate::ui::png::canvas_png(composer.canvas())?;
    let mu = fmt_real(job.shown.result.spec.mu);
    let name = still_name(&mu, job.size);
    download_bytes(&name, "image/png", &png)
}
