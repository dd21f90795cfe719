//! The analytic tier of the picture (issue 17): what the page can show of a μ the moment it is
//! chosen, with no optimizer — the band, z* and how many coordinates it clamps. While the worker
//! computes the learned z for a new μ, the charts and readouts draw this over the shown run, so
//! the band moves with the slider's thumb; the learned z follows when the worker answers.

use std::sync::Arc;

use crate::core::Band;
use crate::spec::RunSpec;
use crate::view::shown::Shown;

/// The analytic answer for one μ of the shown problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The μ it is for (the slider's, not yet the shown run's).
    pub mu: f64,
    /// z* for that μ.
    pub z_star: Vec<f32>,
    /// The band (the seed's fit with μ > 0).
    pub band: Option<Band>,
    /// Per-coordinate bands (a weighted L1 fit).
    pub bands: Option<Vec<(f64, f64)>>,
    /// Coordinates held away from z0.
    pub clamped: usize,
}

impl Preview {
    /// The analytic answer of `spec`.
    pub fn of(spec: &RunSpec) -> Self {
        let reference = spec.reference(spec.mu);
        Self {
            mu: spec.mu,
            z_star: reference.z_star,
            band: spec.band(),
            bands: reference.bands,
            clamped: reference.moved,
        }
    }

    /// The preview to draw over `shown` when the settings now ask for `wanted`: `Some` when
    /// `wanted` is `shown`'s problem at another μ (a slider move), `None` when they agree or
    /// when anything else changed (z0, n, the fit…: the shown run's points would not match the
    /// new problem, so the page waits for the worker).
    pub fn over(shown: &Shown, wanted: &RunSpec) -> Option<Arc<Self>> {
        let spec = &shown.result.spec;
        if wanted.mu == spec.mu {
            return None;
        }
        let same_problem = RunSpec {
            mu: spec.mu,
            snapshots: spec.snapshots,
            ..wanted.clone()
        } == *spec;
        same_problem.then(|| Arc::new(Self::of(wanted)))
    }
}
