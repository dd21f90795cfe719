//! The seed run as the worker computes it (`Run::finish` with the history recorded), exported
//! with the C ABI so a blank page can call it without the app's glue.

use reglab::core::{AdamConfig, Problem, Run};

/// Epochs of the seed run.
const SEED_EPOCHS: u64 = 25_000;

/// Runs the seed problem (n = 100, z0 = linspace(−10, 10), Keras-default Adam) at `mu` and
/// returns Σz, so the caller can check the run against another of the same μ.
#[no_mangle]
pub extern "C" fn seed_run(mu: f64) -> f32 {
    let mut run = Run::new(Problem::seed(mu), AdamConfig::default(), SEED_EPOCHS);
    run.finish();
    run.z().iter().sum()
}
