//! What the sweep view shows: a finished sweep with everything its charts derive from it — z0,
//! z* per μ, the learned, analytic and difference maps and their shared colour ranges. Computed
//! once per sweep, shared by the sweep panels and the PNG export.

use std::sync::Arc;

use crate::protocol::SweepResult;

/// A finished sweep with everything the charts derive from it.
#[derive(Debug)]
pub struct SweepShown {
    /// The worker's answer.
    pub result: SweepResult,
    /// z0 of the sweep.
    pub z0: Vec<f32>,
    /// z* per row.
    pub z_stars: Vec<Vec<f32>>,
    /// Learned z, rows × n, row-major.
    pub learned: Vec<f32>,
    /// z*, rows × n.
    pub analytic: Vec<f32>,
    /// z − z*, rows × n.
    pub diff: Vec<f32>,
    /// Shared colour range of the learned and analytic maps.
    pub range: (f64, f64),
    /// Largest |z − z*|.
    pub diff_max: f64,
}

impl SweepShown {
    /// Derives the charts' data from a finished sweep.
    pub fn new(result: SweepResult) -> Arc<Self> {
        let base = &result.spec.base;
        let z0 = base.z0();
        let z_stars: Vec<Vec<f32>> = result
            .rows
            .iter()
            .map(|r| base.reference(r.mu).z_star)
            .collect();
        let learned: Vec<f32> = result
            .rows
            .iter()
            .flat_map(|r| r.z.iter().copied())
            .collect();
        let analytic: Vec<f32> = z_stars.iter().flatten().copied().collect();
        let diff: Vec<f32> = learned.iter().zip(&analytic).map(|(a, b)| a - b).collect();
        let finite = |v: &[f32]| {
            v.iter()
                .filter(|x| x.is_finite())
                .map(|&x| f64::from(x))
                .collect::<Vec<_>>()
        };
        let all = finite(&learned).into_iter().chain(finite(&analytic));
        let range = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
            (a.min(x), b.max(x))
        });
        let range = if range.0.is_finite() {
            range
        } else {
            (0.0, 1.0)
        };
        let diff_max = finite(&diff)
            .into_iter()
            .fold(0.0, |m: f64, x| m.max(x.abs()));
        Arc::new(Self {
            result,
            z0,
            z_stars,
            learned,
            analytic,
            diff,
            range,
            diff_max,
        })
    }

    /// μ values done.
    pub fn rows(&self) -> usize {
        self.result.rows.len()
    }

    /// The μ of each row, in grid order.
    pub fn mus(&self) -> Vec<f64> {
        self.result.rows.iter().map(|r| r.mu).collect()
    }
}
