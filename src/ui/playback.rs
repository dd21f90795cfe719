//! "Watch it learn": replays a computed run's snapshots over a few seconds, one picture per
//! animation frame. The run is computed in full first, so the last picture is exactly the
//! Instant one; pausing, stepping and rewinding only move a clock.

use std::sync::Arc;

use leptos::prelude::*;

use crate::link::Playback;
use crate::view::run_state::RunState;
use crate::view::shown::{Frame, Shown};
use crate::worker::job::SCRUB_SNAPSHOTS;

/// Snapshots per second of playback (one per frame at 60 Hz).
const PLAYBACK_FPS: u32 = 60;

/// Snapshots a run keeps for playing back over `play` and scrubbing.
pub fn snapshots_for(play: Playback) -> u32 {
    match play {
        Playback::Instant => SCRUB_SNAPSHOTS,
        Playback::Seconds(s) => (u32::from(s) * PLAYBACK_FPS).max(SCRUB_SNAPSHOTS),
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Clock {
    duration_ms: f64,
    /// Performance-clock time when playing last (re)started.
    started_at: f64,
    /// Playback time accumulated before that.
    offset_ms: f64,
    playing: bool,
    /// Bumped by every stop, so a stale animation-frame callback ends itself.
    generation: u64,
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The playback controller (cheap to copy into event handlers).
#[derive(Clone, Copy)]
pub struct Player {
    frame: RwSignal<Option<Frame>>,
    state: RwSignal<RunState>,
    clock: StoredValue<Clock>,
}

impl Player {
    /// A controller that drives `frame` and `state`.
    pub fn new(frame: RwSignal<Option<Frame>>, state: RwSignal<RunState>) -> Self {
        Self {
            frame,
            state,
            clock: StoredValue::new(Clock::default()),
        }
    }

    /// Shows `shown` from its first snapshot and plays it over `duration_ms`.
    pub fn play(&self, shown: Arc<Shown>, duration_ms: f64) {
        self.frame.set(Some(Frame {
            shown,
            step: Some(0),
        }));
        self.clock.update_value(|c| {
            c.generation += 1;
            *c = Clock {
                duration_ms,
                started_at: now(),
                offset_ms: 0.0,
                playing: true,
                generation: c.generation,
            };
        });
        self.state.set(RunState::Running);
        self.schedule();
    }

    /// Ends any playback (the picture stays where it is).
    pub fn stop(&self) {
        self.clock.update_value(|c| {
            c.playing = false;
            c.generation += 1;
        });
    }

    fn steps(&self) -> usize {
        self.frame.get_untracked().map_or(0, |f| f.steps())
    }

    fn schedule(&self) {
        let player = *self;
        let generation = self.clock.get_value().generation;
        request_animation_frame(move || player.tick(generation));
    }

    fn tick(&self, generation: u64) {
        let c = self.clock.get_value();
        if !c.playing || c.generation != generation {
            return;
        }
        let elapsed = c.offset_ms + now() - c.started_at;
        let last = self.steps().saturating_sub(1);
        let k = ((elapsed / c.duration_ms.max(1.0)) * last as f64).floor() as usize;
        if k >= last {
            self.finish();
            return;
        }
        if self.frame.get_untracked().and_then(|f| f.step) != Some(k) {
            self.frame.update(|f| {
                if let Some(f) = f {
                    f.step = Some(k);
                }
            });
        }
        self.schedule();
    }

    fn finish(&self) {
        self.stop();
        self.frame.update(|f| {
            if let Some(f) = f {
                f.step = None;
            }
        });
        self.state.set(RunState::Done);
    }

    /// Pause, or resume (from the start if the playback had finished).
    pub fn toggle(&self) {
        let c = self.clock.get_value();
        if c.playing {
            self.clock.update_value(|c| {
                c.offset_ms += now() - c.started_at;
                c.playing = false;
                c.generation += 1;
            });
            self.state.set(RunState::Paused);
            return;
        }
        if self.steps() < 2 {
            return;
        }
        let at_end = self.frame.get_untracked().is_some_and(|f| f.step.is_none());
        if at_end {
            self.frame.update(|f| {
                if let Some(f) = f {
                    f.step = Some(0);
                }
            });
        }
        self.clock.update_value(|c| {
            if at_end {
                c.offset_ms = 0.0;
            }
            c.started_at = now();
            c.playing = true;
            c.generation += 1;
        });
        self.state.set(RunState::Running);
        self.schedule();
    }

    /// One snapshot forward (pauses first).
    pub fn step(&self) {
        let last = self.steps().saturating_sub(1);
        if last == 0 {
            return;
        }
        self.stop();
        let next = match self.frame.get_untracked().map(|f| f.step) {
            Some(Some(k)) => k + 1,
            _ => 0, // at the final picture: Step starts over from epoch 0
        };
        if next >= last {
            self.finish();
            return;
        }
        let duration = self.clock.get_value().duration_ms;
        self.clock
            .update_value(|c| c.offset_ms = duration * next as f64 / last as f64);
        self.frame.update(|f| {
            if let Some(f) = f {
                f.step = Some(next);
            }
        });
        self.state.set(RunState::Paused);
    }

    /// Shows snapshot `k` (the scrubber), paused; the last snapshot is the final picture.
    pub fn show_step(&self, k: usize) {
        let steps = self.steps();
        if steps < 2 {
            return;
        }
        self.stop();
        let last = steps - 1;
        let k = k.min(last);
        let duration = self.clock.get_value().duration_ms;
        self.clock
            .update_value(|c| c.offset_ms = duration * k as f64 / last as f64);
        self.frame.update(|f| {
            if let Some(f) = f {
                f.step = (k < last).then_some(k);
            }
        });
        let ended = self.state.get_untracked();
        self.state.set(match ended {
            RunState::Diverged if k == last => RunState::Diverged,
            _ if k == last => RunState::Done,
            _ => RunState::Paused,
        });
    }

    /// One snapshot back (`delta` < 0) or forward from the picture shown (the scrubber's keys).
    pub fn nudge(&self, delta: i64) {
        let last = self.steps().saturating_sub(1);
        let at = self
            .frame
            .get_untracked()
            .map_or(last, |f| f.step.unwrap_or(last));
        let k = (at as i64 + delta).clamp(0, last as i64) as usize;
        self.show_step(k);
    }

    /// Back to epoch 0, paused.
    pub fn reset(&self) {
        if self.steps() < 2 {
            return;
        }
        self.stop();
        self.clock.update_value(|c| c.offset_ms = 0.0);
        self.frame.update(|f| {
            if let Some(f) = f {
                f.step = Some(0);
            }
        });
        self.state.set(RunState::Paused);
    }
}
