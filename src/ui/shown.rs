//! What the charts show: a finished run, its analytic reference, and which snapshot of it (for
//! playback). Computed once per run, shared by every chart and readout.

use std::sync::Arc;

use crate::core::analytic::{clamp_solution, clamped_count};
use crate::core::{linspace, Band};
use crate::protocol::RunResult;

/// A run with its reference solution.
#[derive(Debug)]
pub struct Shown {
    /// The worker's result.
    pub result: RunResult,
    /// z0 of the run.
    pub z0: Vec<f32>,
    /// z* = clamp(z0, band).
    pub z_star: Vec<f32>,
    /// The band (None for μ = 0).
    pub band: Option<Band>,
    /// Coordinates clamped, k.
    pub clamped: usize,
}

impl Shown {
    /// Wraps a result.
    pub fn new(result: RunResult) -> Arc<Self> {
        let z0 = linspace(result.spec.z0min, result.spec.z0max, result.spec.n);
        let band = Band::for_mu(result.spec.mu, result.spec.centre);
        let z_star = clamp_solution(&z0, band);
        let clamped = clamped_count(&z0, band);
        Arc::new(Self {
            result,
            z0,
            z_star,
            band,
            clamped,
        })
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

    /// ‖z − z*‖∞ of the picture.
    pub fn err_inf(&self) -> f32 {
        if self.step.is_none() {
            return self.shown.result.err_inf;
        }
        self.z()
            .iter()
            .zip(&self.shown.z_star)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f32::max)
    }

    /// Number of snapshots available for playback.
    pub fn steps(&self) -> usize {
        self.shown.result.snapshots.len()
    }
}
