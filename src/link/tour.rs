//! The guided tour: each step is a link state (applied over the defaults) plus a caption. Pure
//! data, so every step's link is tested natively like any other link.

use crate::link::Params;

/// One step of the tour.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    /// The settings this step shows (a query string over the defaults).
    pub query: &'static str,
    /// What the lecturer says.
    pub caption: &'static str,
}

/// The tour, in order (steps are numbered from 1 in links: `tour=1` …).
pub const STEPS: [Step; crate::link::TOUR_STEPS as usize] = [
    Step {
        query: "mu=0.1",
        caption: "z0 is the data: 100 values spread evenly from −10 to 10 (the x axis). Adam starts every z at 0 and minimises |z − z0| summed, plus μ times the squared distance of z from 1.",
    },
    Step {
        query: "mu=0",
        caption: "μ = 0: nothing pulls towards 1, so the best z is z0 itself — every point lands on the diagonal z = z0. No band.",
    },
    Step {
        query: "mu=0.05",
        caption: "A small μ: the band [1 − 1/(2μ), 1 + 1/(2μ)] = [−9, 11] appears. Inside it z still follows z0; the few z0 below −9 stop at the band's edge.",
    },
    Step {
        query: "mu=10",
        caption: "A large μ: the band shrinks to [0.95, 1.05] and everything is pulled to about 1 — the fit term only decides which edge.",
    },
    Step {
        query: "mu=0.25&play=3",
        caption: "Why Adam jitters: at the kink the gradient flips between −1 and +1, Adam normalises it, so z keeps stepping about one learning rate around z0. The third chart shows that floor.",
    },
    Step {
        query: "view=sweep",
        caption: "The sweep: every μ from 0.02 to 1 at once. Each heatmap row is one μ; the learned z matches the analytic clamp, row by row.",
    },
    Step {
        query: crate::view::tournesol_story::PRESET_QUERY,
        caption: "Where it comes from: Tournesol scores a video with the same loss — contributors' scores as z0, a pull of μ = 5 towards 0, each contributor's uncertainty rounding the kink. One contributor moves a score by at most its weight over 2μ. The story and its sources open below.",
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
