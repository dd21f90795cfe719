//! What the live view shows: a finished run, its analytic reference, and which snapshot of it (for
//! playback). Computed once per run, shared by every chart and readout.

use std::sync::Arc;

use crate::core::{Band, History};
use crate::protocol::RunResult;

/// A run with its reference solution.
#[derive(Debug)]
pub struct Shown {
    /// The worker's result.
    pub result: RunResult,
    /// z0 of the run.
    pub z0: Vec<f32>,
    /// z*: clamp(z0, band) for the seed's fit, the variant's optimum otherwise.
    pub z_star: Vec<f32>,
    /// The band (None for μ = 0 and for the variants, which have per-coordinate bands or none).
    pub band: Option<Band>,
    /// Per-coordinate bands of a weighted L1 fit.
    pub bands: Option<Vec<(f64, f64)>>,
    /// The weights wᵢ (empty: all 1).
    pub weights: Vec<f32>,
    /// Coordinates the pull holds away from z0, k (the seed: those clamped to the band).
    pub clamped: usize,
    /// The runs this one continues (a warm start after μ changed), oldest first: their loss
    /// curves are drawn before this run's, with a mark where μ changed. Empty for a cold start.
    pub earlier: Vec<Earlier>,
}

/// A run that a warm-started run continues: what the loss charts draw before it.
#[derive(Debug, Clone)]
pub struct Earlier {
    /// Its μ.
    pub mu: f64,
    /// Its epochs done.
    pub epochs: u64,
    /// Its loss history.
    pub history: History,
}

/// Most earlier runs a warm-started run keeps (each holds a decimated history of ≤ 4 096
/// points per series), so a long session of μ changes stays bounded in memory.
pub const MAX_EARLIER: usize = 7;

impl Shown {
    /// Wraps a result.
    pub fn new(result: RunResult) -> Arc<Self> {
        Arc::new(Self::build(result))
    }

    fn build(result: RunResult) -> Self {
        let spec = &result.spec;
        let z0 = spec.z0();
        let reference = spec.reference(spec.mu);
        let band = spec.band();
        Self {
            z0,
            z_star: reference.z_star,
            band,
            bands: reference.bands,
            weights: reference.weights,
            clamped: reference.moved,
            earlier: Vec::new(),
            result,
        }
    }

    /// Wraps a result that continues `prior` (a warm start): its loss curves follow `prior`'s
    /// (and those `prior` continued, up to [`MAX_EARLIER`]).
    pub fn continuing(result: RunResult, prior: &Shown) -> Arc<Self> {
        let mut earlier = prior.earlier.clone();
        earlier.push(Earlier {
            mu: prior.result.spec.mu,
            epochs: prior.result.epoch,
            history: prior.result.history.clone(),
        });
        let drop = earlier.len().saturating_sub(MAX_EARLIER);
        earlier.drain(..drop);
        Arc::new(Self {
            earlier,
            ..Self::build(result)
        })
    }

    /// Epochs before this run on the loss charts' axis (the earlier runs' epochs).
    pub fn offset(&self) -> u64 {
        self.earlier.iter().map(|e| e.epochs).sum()
    }

    /// Where μ changed on the loss charts' axis: (epoch, the μ from there on), in order.
    pub fn mu_changes(&self) -> Vec<(u64, f64)> {
        let mus = self
            .earlier
            .iter()
            .skip(1)
            .map(|e| e.mu)
            .chain([self.result.spec.mu]);
        self.earlier
            .iter()
            .scan(0, |at, e| {
                *at += e.epochs;
                Some(*at)
            })
            .zip(mus)
            .collect()
    }
}

/// One picture: a run and the snapshot on screen (`None`: the final state).
#[derive(Debug, Clone)]
pub struct Frame {
    /// The run.
    pub shown: Arc<Shown>,
    /// Index into the run's snapshots while playing back.
    pub step: Option<usize>,
}

impl Frame {
    /// z on screen.
    pub fn z(&self) -> &[f32] {
        match self.step.and_then(|k| self.shown.result.snapshots.get(k)) {
            Some(s) => &s.z,
            None => &self.shown.result.z,
        }
    }

    /// Epochs done at the picture.
    pub fn epoch(&self) -> u64 {
        match self.step.and_then(|k| self.shown.result.snapshots.get(k)) {
            Some(s) => s.epoch,
            None => self.shown.result.epoch,
        }
    }

    /// ‖z − z*‖∞ of the picture: NaN when any coordinate is NaN (`f32::max` would drop it
    /// and show a diverged snapshot as converged).
    pub fn err_inf(&self) -> f32 {
        if self.step.is_none() {
            return self.shown.result.err_inf;
        }
        self.z()
            .iter()
            .zip(&self.shown.z_star)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, |m, d| {
                if m.is_nan() || d.is_nan() {
                    f32::NAN
                } else {
                    m.max(d)
                }
            })
    }

    /// Number of snapshots available for playback.
    pub fn steps(&self) -> usize {
        self.shown.result.snapshots.len()
    }
}
