//! Where the live view's run stands, as the status line and its `data-state` say it.

/// Where a run stands. `data-state` on the status says it as idle / running / paused / done /
/// diverged / error (computing and playing back are both "running").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunState {
    /// Nothing computed yet.
    Idle,
    /// The worker is computing.
    Computing,
    /// The worker is computing a new answer while the last finished one is on screen, and has not
    /// reported progress yet (it does after 100 ms of compute): the status line keeps the shown
    /// answer's words (see [`RunState::words`]), while `data-state` says "running".
    Updating,
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
            RunState::Computing | RunState::Updating | RunState::Running => "running",
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
            RunState::Updating => m.state_done,
            RunState::Running => m.state_playing,
            RunState::Paused => m.state_paused,
            RunState::Done => m.state_done,
            RunState::Diverged => m.state_diverged,
            RunState::Error => m.state_error,
        }
    }

    /// The state once a new run is asked for: [`RunState::Updating`] while a finished answer is
    /// shown (its words stay until the worker reports progress), else [`RunState::Computing`].
    pub fn asked(self) -> RunState {
        match self {
            RunState::Done | RunState::Updating => RunState::Updating,
            _ => RunState::Computing,
        }
    }

    /// The state once the worker reports progress (after 100 ms of compute): now the words say
    /// the run is computing.
    pub fn progressed(self) -> RunState {
        match self {
            RunState::Updating => RunState::Computing,
            s => s,
        }
    }

    /// Whether the worker is computing the run (said or not).
    pub fn computing(self) -> bool {
        matches!(self, RunState::Computing | RunState::Updating)
    }

    /// The state whose words the status line shows: an answer being updated keeps the shown
    /// answer's. A run that answers within 100 ms (the seed run takes ≈ 5 ms, each step of a
    /// slider drag ≈ 15) so goes from one answer's words straight to the next: no "Computing"
    /// flashing between them up to 60 times a second, on the projector or in a screen reader's
    /// live region, and no frame laid out and painted while the worker computes, which on a
    /// 2-core machine took CPU from it (README "Benchmarks").
    pub fn words(self) -> RunState {
        match self {
            RunState::Updating => RunState::Done,
            s => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RunState::{self, *};

    const ALL: [RunState; 8] = [
        Idle, Computing, Updating, Running, Paused, Done, Diverged, Error,
    ];

    #[test]
    fn a_new_run_keeps_a_finished_answers_words_until_progress() {
        for s in ALL {
            let asked = s.asked();
            assert!(asked.computing(), "{s:?}");
            assert_eq!(asked.key(), "running", "{s:?}: data-state says it at once");
            let keeps = matches!(s, Done | Updating);
            assert_eq!(asked == Updating, keeps, "{s:?}");
            assert_eq!(asked.words(), if keeps { Done } else { Computing }, "{s:?}");
            assert_eq!(asked.progressed(), Computing, "{s:?}");
        }
        for s in ALL.into_iter().filter(|s| *s != Updating) {
            assert_eq!(s.progressed(), s, "progress changes nothing but Updating");
            assert_eq!(s.words(), s);
        }
        assert_eq!(Updating.label(), Done.label());
    }
}
