//! Adam exactly as Keras 3 does it (`tf.optimizers.Adam()` in the seed), in f32.
//!
//! With t the step number (1-based) and g the subgradient:
//!   m ← m + (g − m)(1 − β1),   v ← v + (g² − v)(1 − β2),
//!   α = lr·√(1 − β2ᵗ) / (1 − β1ᵗ),   z ← z − (m·α) / (√v + ε).
//! Keras computes 1 − β1 and 1 − β2 in f64 from the Python floats and casts them to f32, while
//! β1ᵗ = pow(f32(β1), f32(t)), β2ᵗ and α are f32; ε sits on the raw √v. Reproducing each
//! rounding step makes the trajectory equal TensorFlow's to the bit (see tests/keras_reference.rs).
//!
//! The step also measures the losses before it moves z: two loops over contiguous f32 chunks of
//! [`LANES`], which the compiler turns into SIMD, one measuring ([`measure_pass`], shared with
//! every optimizer, which says why two) and one stepping.
//!
//! An optional [`Decay`] sₜ multiplies α: z ← z − (m·αₜ·sₜ)/(√v + ε). With [`Decay::None`] (the
//! default) α is used untouched, bit for bit Keras'. Documented behaviour on the seed problem
//! (tests/optimizers.rs), lr = 0.03, 25 000 epochs, μ = 0.1 and μ = 1, checked at each of the
//! last 1000 epochs — the lecture's point:
//! * Without decay every in-band step is about α ≈ lr long (g/√v ≈ ±1), so z keeps dancing
//!   around each z0ᵢ: ‖z − z*‖∞ keeps coming back above **lr** (measured 0.055–0.17).
//! * With `Decay::InvSqrt` the dance shrinks with lr/√t: ‖z − z*‖∞ stays within **3e-3**
//!   (measured ≤ 2.4e-3), 30–70× closer.

use crate::core::optim::fit_term::FitTerm;
use crate::core::optim::measure::{fold, measure_pass, stats_of};
use crate::core::optim::schedule::Decay;
use crate::core::optim::stats::EpochStats;
use crate::core::problem::{Lanes, Problem, LANES};
use std::ops::ControlFlow;
use std::sync::Arc;
use wide::f32x8;

use crate::core::optim::step_size::StepSizes;

/// Re-exported from [`crate::core::optim::config`], its home (this path is kept for callers).
pub use crate::core::optim::config::AdamConfig;

/// Adam's state: first and second moments m, v (padded like the problem) and the step count t.
#[derive(Debug, Clone)]
pub struct Adam {
    config: AdamConfig,
    step_sizes: Arc<StepSizes>,
    decay: Decay,
    m: Lanes,
    v: Lanes,
    t: u64,
}

impl Adam {
    /// Fresh state (m = v = 0, t = 0) for `padded_len` coordinates (see [`Problem::padded_len`]).
    pub fn new(config: AdamConfig, padded_len: usize) -> Self {
        Self {
            config,
            step_sizes: StepSizes::shared(&config),
            decay: Decay::None,
            m: vec![f32x8::ZERO; padded_len / LANES],
            v: vec![f32x8::ZERO; padded_len / LANES],
            t: 0,
        }
    }

    /// The same state with learning-rate decay sₜ: the step uses αₜ·sₜ in place of αₜ (computed
    /// in f64 from the f32 αₜ, rounded once). With [`Decay::None`] α is untouched, so the run
    /// stays bit for bit Keras'.
    pub fn with_decay(mut self, decay: Decay) -> Self {
        self.decay = decay;
        self
    }

    /// The learning-rate decay.
    pub fn decay(&self) -> Decay {
        self.decay
    }

    /// The hyper-parameters.
    pub fn config(&self) -> &AdamConfig {
        &self.config
    }

    /// Steps taken so far (Keras' `iterations`).
    pub fn steps(&self) -> u64 {
        self.t
    }

    /// α for step t (1-based): lr·√(1 − β2ᵗ)/(1 − β1ᵗ), every operation in f32 as Keras.
    pub fn step_size(&self, t: u64) -> f32 {
        self.step_sizes.at(t)
    }

    /// One Adam step on `z` (padded storage), returning the losses measured at z before it.
    ///
    /// # Panics
    /// If `z` does not have the problem's padded length (a programming error, not user input).
    pub fn step(&mut self, problem: &Problem, z: &mut [f32x8]) -> EpochStats {
        let mut stats = None;
        self.run_steps(problem, z, 1, |s| {
            stats = Some(s);
            ControlFlow::Continue(())
        });
        stats.expect("one step ran")
    }

    /// Up to `count` Adam steps on `z`, handing each epoch's measurements (taken before its step,
    /// as [`Adam::step`] returns them) to `sink`, which may stop the loop after any epoch.
    /// Returns the steps taken. The same operations as `count` calls of [`Adam::step`], so the
    /// same bits; but the fit term is matched once and the epochs run in one loop around the
    /// inlined kernel, with no call per epoch (in V8 the core's seed run took 5.2 ms this way
    /// against 5.6 ms with a call per epoch: README "Benchmarks").
    ///
    /// # Panics
    /// If `z` does not have the problem's padded length (a programming error, not user input).
    pub fn run_steps<F>(
        &mut self,
        problem: &Problem,
        z: &mut [f32x8],
        count: u64,
        mut sink: F,
    ) -> u64
    where
        F: FnMut(EpochStats) -> ControlFlow<()>,
    {
        let len = problem.padded_len() / LANES;
        assert!(
            z.len() == len && self.m.len() == len,
            "z, m, v must match the problem's padded length"
        );
        let (config, decay, step_sizes) = (self.config, self.decay, &self.step_sizes);
        let (m, v, t) = (&mut self.m, &mut self.v, &mut self.t);
        crate::with_fit_term!(problem, |term| {
            for k in 0..count {
                *t += 1;
                let coefficients = Coefficients::at(&config, decay, step_sizes, *t);
                if sink(kernel(problem, term, coefficients, z, m, v)).is_break() {
                    return k + 1;
                }
            }
            count
        })
    }
}

/// The per-step scalars of Adam's update.
#[derive(Clone, Copy)]
struct Coefficients {
    one_minus_beta1: f32,
    one_minus_beta2: f32,
    eps: f32,
    alpha: f32,
}

impl Coefficients {
    /// Step t's scalars: α(t) from the table, times the decay sₜ if any (computed in f64 from
    /// the f32 α(t), rounded once); 1 − β1 and 1 − β2 in f64, cast to f32 as Keras does.
    #[inline(always)]
    fn at(config: &AdamConfig, decay: Decay, step_sizes: &StepSizes, t: u64) -> Self {
        let alpha = match decay {
            Decay::None => step_sizes.at(t),
            d => (f64::from(step_sizes.at(t)) * d.factor(t)) as f32,
        };
        Self {
            one_minus_beta1: (1.0 - config.beta1) as f32,
            one_minus_beta2: (1.0 - config.beta2) as f32,
            eps: config.eps as f32,
            alpha,
        }
    }
}

/// The measure-and-step loops for fit term `T`.
#[inline(always)]
fn kernel<T: FitTerm>(
    problem: &Problem,
    term: T,
    k: Coefficients,
    z: &mut [f32x8],
    m: &mut [f32x8],
    v: &mut [f32x8],
) -> EpochStats {
    let mu = problem.mu() as f32;
    let c = problem.centre() as f32;
    let splat = f32x8::splat;
    let (two_mu_v, c_v, b1_v, b2_v, alpha_v, eps_v) = (
        splat(2.0 * mu),
        splat(c),
        splat(k.one_minus_beta1),
        splat(k.one_minus_beta2),
        splat(k.alpha),
        splat(k.eps),
    );
    // The flush threshold as a value the compilers cannot see through: as a constant, wasm-opt
    // copied it into each of its four uses and V8 rebuilt it there (3 instructions each, every
    // chunk); as a value it stays in a register. The core's seed run: 4.44 → 4.10 ms.
    let tiny = splat(std::hint::black_box(f32::MIN_POSITIVE));

    let [fit, reg, err_inf, subopt] = measure_pass(problem, term, z);
    let mut grad_sq = f32x8::ZERO;
    let stepped = z
        .iter_mut()
        .zip(m.iter_mut())
        .zip(v.iter_mut())
        .zip(problem.z0.iter())
        .zip(problem.w.iter());
    for ((((z_c, m_c), v_c), &z0), &w) in stepped {
        let (z, m, v) = (*z_c, *m_c, *v_c);
        // SeedL1: tf.sign(z − z0) with sign(0) = 0 (see fit_term).
        let fit_grad = term.grad(z, z0, w);
        let r = z - c_v;
        // TF's gradient of mu * reduce_sum(square(z - c)) is mu * ((z - c) * 2) (seed: c = 1).
        // (2μ)·r rounds the same exact product 2μr once, as μ·(2r) does (doubling is exact): the
        // same bits, one multiplication fewer (only an r beyond f32::MAX / 2 would differ).
        let g = fit_grad + two_mu_v * r;
        let g2 = g * g;
        grad_sq += g2;

        let m = m + (g - m) * b1_v;
        let v = v + (g2 - v) * b2_v;
        // A moment that decays towards 0 (g = 0 exactly, e.g. z sitting on a band edge)
        // would go subnormal, and subnormal arithmetic is up to 100x slower. Flushing it
        // changes z by < 1e-38·α/ε: never a visible bit for |z| > 1e-30.
        let m = m.abs().simd_ge(tiny) & m;
        let v = v.simd_ge(tiny) & v;
        *z_c = z - (m * alpha_v) / (v.sqrt() + eps_v);
        *m_c = m;
        *v_c = v;
    }
    stats_of([fit, reg, fold(grad_sq), err_inf, subopt], mu)
}
