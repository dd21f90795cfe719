//! Adam's step size α(t) = lr·√(1 − β2ᵗ)/(1 − β1ᵗ), tabulated once per hyper-parameter set.
//!
//! Keras evaluates two f32 `pow`s per step. They cost more than the rest of an n = 100 epoch in
//! wasm, yet α(t) depends only on (lr, β1, β2, t): every run with the same settings (all the μ
//! of a slider drag or a sweep) shares one table. Each entry is computed with exactly the Keras
//! formula, so results are bit-for-bit those of computing it per step. Once β1ᵗ and β2ᵗ are so
//! small that 1 − βᵗ rounds to 1 in f32, α(t) = lr for good (t ≈ 17 000 for β2 = 0.999), and
//! the table ends there.

use std::cell::RefCell;
use std::sync::Arc;

use crate::core::optim::config::AdamConfig;
use crate::core::optim::pow::powf;

/// Longest table kept (4 MB); a β2 so close to 1 that α is not constant by then is computed
/// per step beyond it.
const MAX_TABLE: usize = 1 << 20;

/// α(t) for one hyper-parameter set.
#[derive(Debug)]
pub struct StepSizes {
    config: AdamConfig,
    /// α(1), α(2), … up to the last t before α becomes constant (or [`MAX_TABLE`] entries).
    table: Vec<f32>,
    /// α(t) for every t beyond the table, if it has become constant there.
    tail: Option<f32>,
}

thread_local! {
    /// The last table built: consecutive runs almost always share their hyper-parameters.
    static LAST: RefCell<Option<Arc<StepSizes>>> = const { RefCell::new(None) };
}

impl StepSizes {
    /// The table for `config`, reused if the last one built on this thread has the same config.
    pub fn shared(config: &AdamConfig) -> Arc<Self> {
        LAST.with(|last| {
            let mut last = last.borrow_mut();
            match last.as_ref() {
                Some(t) if t.config == *config => t.clone(),
                _ => {
                    let table = Arc::new(Self::build(*config));
                    *last = Some(table.clone());
                    table
                }
            }
        })
    }

    /// Builds the table for `config`.
    pub fn build(config: AdamConfig) -> Self {
        let mut table = Vec::new();
        let mut tail = None;
        for t in 1..=MAX_TABLE as u64 {
            let (alpha, settled) = keras_step_size(&config, t);
            if settled {
                tail = Some(alpha);
                break;
            }
            table.push(alpha);
        }
        Self {
            config,
            table,
            tail,
        }
    }

    /// α(t) for step t ≥ 1.
    #[inline]
    pub fn at(&self, t: u64) -> f32 {
        match self.table.get((t - 1) as usize) {
            Some(&alpha) => alpha,
            None => self
                .tail
                .unwrap_or_else(|| keras_step_size(&self.config, t).0),
        }
    }
}

/// α(t) exactly as Keras computes it in f32, and whether both 1 − β1ᵗ and 1 − β2ᵗ have
/// rounded to 1 (then α(t') = α(t) for all t' ≥ t, since βᵗ only shrinks).
pub fn keras_step_size(config: &AdamConfig, t: u64) -> (f32, bool) {
    let local_step = t as f32;
    let beta1_power = powf(config.beta1 as f32, local_step);
    let beta2_power = powf(config.beta2 as f32, local_step);
    let (a, b) = (1.0 - beta1_power, 1.0 - beta2_power);
    (config.lr as f32 * b.sqrt() / a, a == 1.0 && b == 1.0)
}
