//! The scrubber: a time slider over a finished run's epochs. Every run keeps z at round epochs
//! (at least 256 snapshots: every 100 epochs of the seed's 25 000, see
//! `crate::worker::job::snapshot_every`); the slider stops at exactly those epochs, the z chart
//! shows z there and the loss charts a cursor. Its arrow keys step one snapshot; in lecture mode
//! `,` and `.` do the same from anywhere on the page (and bring the scrubber, which the stage
//! shows only while paused).

use leptos::prelude::*;

use crate::i18n::grouped;
use crate::ui::playback::Player;
use crate::view::run_state::RunState;
use crate::view::shown::Frame;

/// The time slider under the z chart (shown once a run with snapshots is on screen).
#[component]
pub fn Scrubber(
    /// The picture (its run's snapshots are the slider's stops).
    frame: RwSignal<Option<Frame>>,
    /// Moves the picture to a snapshot.
    player: Player,
    /// Where the run stands (the stage shows the scrubber only while paused).
    state: RwSignal<RunState>,
) -> impl IntoView {
    let steps = move || frame.with(|f| f.as_ref().map_or(0, Frame::steps));
    let at = move || {
        frame.with(|f| {
            f.as_ref()
                .map_or(0, |f| f.step.unwrap_or(f.steps().saturating_sub(1)))
        })
    };
    let epoch = move || frame.with(|f| f.as_ref().map_or(0, Frame::epoch));
    let epochs = move || frame.with(|f| f.as_ref().map_or(0, |f| f.shown.result.epoch));
    let text = move || {
        crate::i18n::fill(
            crate::i18n::t().teach.scrub_text,
            &[("epoch", &grouped(epoch())), ("epochs", &grouped(epochs()))],
        )
    };
    view! {
        <Show when=move || { steps() > 1 }>
            <div class="scrubber" class:scrubbing=move || state.get() == RunState::Paused>
                <label for="scrubber">{crate::i18n::t().teach.scrub_label}</label>
                <input id="scrubber" type="range" data-testid="scrubber" min="0" step="1"
                    max=move || steps().saturating_sub(1).to_string()
                    prop:value=move || at().to_string()
                    data-epoch=move || epoch().to_string()
                    aria-valuetext=text
                    on:input=move |ev| {
                        if let Ok(k) = event_target_value(&ev).parse::<usize>() {
                            player.show_step(k);
                        }
                    } />
                <output for="scrubber" data-testid="scrubber-epoch">{text}</output>
            </div>
        </Show>
    }
}
