//! μ sweeps: the seed's second experiment, one run per μ on a log-spaced grid.

use serde::{Deserialize, Serialize};

use crate::core::optim::config::AdamConfig;
use crate::core::problem::{Problem, ProblemError};
use crate::core::run::{Run, StopReason};

/// `numpy.logspace(log10(lo), log10(hi), count)`: count values whose logarithms are evenly
/// spaced from log10(lo) to log10(hi) (both > 0), computed in f64 as numpy does.
pub fn logspace(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let (a, b) = (lo.log10(), hi.log10());
    match count {
        0 => Vec::new(),
        1 => vec![lo],
        _ => {
            let step = (b - a) / (count - 1) as f64;
            (0..count)
                .map(|i| {
                    10f64.powf(if i == count - 1 {
                        b
                    } else {
                        a + i as f64 * step
                    })
                })
                .collect()
        }
    }
}

/// One μ of a sweep: the learned z after the run and why the run ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SweepRow {
    /// The weight μ of this row.
    pub mu: f64,
    /// z after the run (n values; a non-finite value travels as null and reads back as NaN).
    #[serde(with = "crate::core::floats")]
    pub z: Vec<f32>,
    /// ‖z − z*‖∞ at the end.
    #[serde(with = "crate::core::floats::scalar")]
    pub err_inf: f32,
    /// Why this row's run ended.
    pub reason: StopReason,
}

/// Runs `epochs` epochs of Adam for each μ in `mus`, one after another, on data `z0` with
/// centre `centre`. Each row is exactly what a single [`Run`] of that μ produces.
pub fn run_sweep(
    z0: &[f32],
    centre: f64,
    mus: &[f64],
    config: AdamConfig,
    epochs: u64,
) -> Result<Vec<SweepRow>, ProblemError> {
    mus.iter()
        .map(|&mu| {
            let mut run = Run::new(Problem::new(z0, mu, centre)?, config, epochs).without_history();
            let reason = run.finish();
            Ok(SweepRow {
                mu,
                z: run.z().to_vec(),
                err_inf: run.err_inf(),
                reason,
            })
        })
        .collect()
}
