//! The keyboard map of lecture mode, as plain data and functions (tested natively): P toggles
//! lecture mode, Q shows the link as a QR code, ? shows the keys, Esc closes both; in lecture
//! mode ←/→ step μ through the sweep grid (or the tour, while one runs), [ / ] multiply / divide
//! μ by 10^¼, Space plays or pauses, R replays, `,` / `.` step the run one snapshot back /
//! forward, V reveals the answer of a prediction, F toggles full screen.

use crate::i18n::teach::Teach;

/// Factor of one [ or ] press: four presses per decade.
pub const MU_FACTOR: f64 = 1.778_279_410_038_922_8; // 10^(1/4)

/// A text of the key list, read from the page's catalogue.
pub type Text = fn(&Teach) -> &'static str;

/// The key list (shown by ?): the key and what it does.
pub const KEYS: [(Text, Text); 13] = [
    (|_| "P", |m| m.key_p),
    (|_| "← / →", |m| m.key_arrows),
    (|_| "[", |m| m.key_up),
    (|_| "]", |m| m.key_down),
    (|m| m.key_space, |m| m.key_play),
    (|_| "R", |m| m.key_replay),
    (|_| ",", |m| m.key_back),
    (|_| ".", |m| m.key_forward),
    (|_| "V", |m| m.key_reveal),
    (|_| "F", |m| m.key_full),
    (|_| "Q", |m| m.key_qr),
    (|_| "?", |m| m.key_list),
    (|m| m.key_esc, |m| m.key_close),
];

/// The page's keys that still act while the μ slider has focus (the slider keeps its arrows).
pub const SLIDER_PASSES: [&str; 8] = ["[", "]", "p", "P", "q", "Q", "?", "Escape"];

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Lecture mode on/off.
    TogglePresent,
    /// The key list on/off.
    ToggleKeys,
    /// The QR code of the link on/off.
    ToggleQr,
    /// Close the key list and the QR code.
    Close,
    /// Previous grid μ or tour step.
    Back,
    /// Next grid μ or tour step.
    Forward,
    /// μ × factor.
    MuUp,
    /// μ ÷ factor.
    MuDown,
    /// Play / pause.
    PlayPause,
    /// Replay.
    Replay,
    /// Full screen.
    Fullscreen,
    /// The scrubber one snapshot back.
    ScrubBack,
    /// The scrubber one snapshot forward.
    ScrubForward,
    /// Reveal the answer of a prediction.
    Reveal,
}

/// The action for a key in a mode (lecture-only keys do nothing outside lecture mode).
pub fn action_for(key: &str, present: bool) -> Option<Action> {
    let any = match key {
        "p" | "P" => Some(Action::TogglePresent),
        "q" | "Q" => Some(Action::ToggleQr),
        "?" => Some(Action::ToggleKeys),
        "Escape" => Some(Action::Close),
        _ => None,
    };
    if any.is_some() || !present {
        return any;
    }
    match key {
        "ArrowLeft" => Some(Action::Back),
        "ArrowRight" => Some(Action::Forward),
        "[" => Some(Action::MuUp),
        "]" => Some(Action::MuDown),
        " " | "Spacebar" => Some(Action::PlayPause),
        "r" | "R" => Some(Action::Replay),
        "f" | "F" => Some(Action::Fullscreen),
        "," => Some(Action::ScrubBack),
        "." => Some(Action::ScrubForward),
        "v" | "V" => Some(Action::Reveal),
        _ => None,
    }
}

/// The action for a key while the QR code may be open: while it is, only Q and Esc act, so
/// the code on screen stays the link of the view behind it (the overlay is modal).
pub fn page_action(key: &str, present: bool, qr_open: bool) -> Option<Action> {
    action_for(key, present).filter(|a| !qr_open || matches!(a, Action::ToggleQr | Action::Close))
}

/// The next (`dir` = +1) or previous (−1) μ of the grid from `mu` (values not on the grid move
/// to the nearest grid value in that direction; the ends stay put).
pub fn step_grid(grid: &[f64], mu: f64, dir: i32) -> f64 {
    let tol = |g: f64| g * 1e-9;
    let next = if dir > 0 {
        grid.iter().copied().find(|&g| g > mu + tol(g))
    } else {
        grid.iter().rev().copied().find(|&g| g < mu - tol(g))
    };
    next.unwrap_or(mu)
}
