//! Where the live view's run stands, as the status line and its `data-state` say it.

/// Where a run stands. `data-state` on the status says it as idle / running / paused / done /
/// diverged / error (computing and playing back are both "running").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunState {
    /// Nothing computed yet.
    Idle,
    /// The worker is computing.
    Computing,
    /// A computed run is being played back.
    Running,
    /// Playback paused.
    Paused,
    /// The run on screen is finished.
    Done,
    /// The run diverged.
    Diverged,
    /// Something went wrong (see the message).
    Error,
}

impl RunState {
    /// The `data-state` value.
    pub fn key(self) -> &'static str {
        match self {
            RunState::Idle => "idle",
            RunState::Computing | RunState::Running => "running",
            RunState::Paused => "paused",
            RunState::Done => "done",
            RunState::Diverged => "diverged",
            RunState::Error => "error",
        }
    }

    /// What the status line says.
    pub fn label(self) -> &'static str {
        let m = &crate::i18n::t().lab;
        match self {
            RunState::Idle => m.state_idle,
            RunState::Computing => m.state_computing,
            RunState::Running => m.state_playing,
            RunState::Paused => m.state_paused,
            RunState::Done => m.state_done,
            RunState::Diverged => m.state_diverged,
            RunState::Error => m.state_error,
        }
    }
}
