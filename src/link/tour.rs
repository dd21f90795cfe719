//! The guided tour: each step is a link state (applied over the defaults) plus a caption. Pure
//! data, so every step's link is tested natively like any other link.

use crate::link::Params;

/// One step of the tour. What the lecturer says is its caption in the catalogue
/// (`crate::i18n::teach::Teach::tour_caption`).
#[derive(Debug, Clone, Copy)]
pub struct Step {
    /// The settings this step shows (a query string over the defaults).
    pub query: &'static str,
}

/// The tour, in order (steps are numbered from 1 in links: `tour=1` …).
pub const STEPS: [Step; crate::link::TOUR_STEPS as usize] = [
    Step { query: "mu=0.1" },
    Step { query: "mu=0" },
    Step { query: "mu=0.05" },
    Step { query: "mu=10" },
    Step {
        query: "mu=0.25&play=3",
    },
    Step {
        query: "view=sweep",
    },
    Step {
        query: crate::view::tournesol_story::PRESET_QUERY,
    },
];

/// The parameters of step `k` (1-based), keeping lecture mode and hidden panels as they are.
pub fn step_params(k: u64, current: &Params) -> Option<Params> {
    let step = STEPS.get(usize::try_from(k).ok()?.checked_sub(1)?)?;
    let mut p = Params::from_query(step.query).params;
    p.present = current.present;
    p.embed = current.embed;
    p.hide = current.hide.clone();
    p.tour = k;
    Some(p)
}
