//! Adam exactly as Keras 3 does it (`tf.optimizers.Adam()` in the seed), in f32.
//!
//! With t the step number (1-based) and g the subgradient:
//!   m ← m + (g − m)(1 − β1),   v ← v + (g² − v)(1 − β2),
//!   α = lr·√(1 − β2ᵗ) / (1 − β1ᵗ),   z ← z − (m·α) / (√v + ε).
//! Keras computes 1 − β1 and 1 − β2 in f64 from the Python floats and casts them to f32, while
//! β1ᵗ = pow(f32(β1), f32(t)), β2ᵗ and α are f32; ε sits on the raw √v. Reproducing each
//! rounding step makes the trajectory equal TensorFlow's to the bit (see tests/keras_reference.rs).
//!
//! The step also measures the losses before it moves z, in the same pass over memory: one
//! fused loop over contiguous f32 chunks of [`LANES`], which the compiler turns into SIMD.

use crate::core::optim::EpochStats;
use crate::core::problem::{Problem, LANES};
use serde::{Deserialize, Serialize};
use wide::f32x8;

/// Adam's hyper-parameters, as the Python floats Keras receives (defaults = Keras defaults).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AdamConfig {
    /// Learning rate lr (Keras default 1e-3).
    pub lr: f64,
    /// Decay of the first moment β1 (0.9).
    pub beta1: f64,
    /// Decay of the second moment β2 (0.999).
    pub beta2: f64,
    /// ε added to √v (1e-7, Keras' default; PyTorch uses 1e-8).
    pub eps: f64,
}

impl Default for AdamConfig {
    fn default() -> Self {
        Self {
            lr: 1e-3,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-7,
        }
    }
}

/// Adam's state: first and second moments m, v (padded like the problem) and the step count t.
#[derive(Debug, Clone)]
pub struct Adam {
    config: AdamConfig,
    m: Vec<f32>,
    v: Vec<f32>,
    t: u64,
}

impl Adam {
    /// Fresh state (m = v = 0, t = 0) for `padded_len` coordinates (see [`Problem::padded_len`]).
    pub fn new(config: AdamConfig, padded_len: usize) -> Self {
        Self {
            config,
            m: vec![0.0; padded_len],
            v: vec![0.0; padded_len],
            t: 0,
        }
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
        let local_step = t as f32;
        let beta1_power = (self.config.beta1 as f32).powf(local_step);
        let beta2_power = (self.config.beta2 as f32).powf(local_step);
        self.config.lr as f32 * (1.0 - beta2_power).sqrt() / (1.0 - beta1_power)
    }

    /// One Adam step on `z` (padded storage), returning the losses measured at z before it.
    ///
    /// # Panics
    /// If `z` does not have the problem's padded length (a programming error, not user input).
    pub fn step(&mut self, problem: &Problem, z: &mut [f32]) -> EpochStats {
        let len = problem.padded_len();
        assert!(
            z.len() == len && self.m.len() == len,
            "z, m, v must match the problem's padded length"
        );
        self.t += 1;
        let alpha = self.step_size(self.t);
        let one_minus_beta1 = (1.0 - self.config.beta1) as f32;
        let one_minus_beta2 = (1.0 - self.config.beta2) as f32;
        let eps = self.config.eps as f32;
        let mu = problem.mu() as f32;
        let c = problem.centre() as f32;

        let splat = f32x8::splat;
        let (one, zero, two) = (splat(1.0), splat(0.0), splat(2.0));
        let (mu_v, c_v, b1_v, b2_v, alpha_v, eps_v) = (
            splat(mu),
            splat(c),
            splat(one_minus_beta1),
            splat(one_minus_beta2),
            splat(alpha),
            splat(eps),
        );
        let tiny = splat(f32::MIN_POSITIVE);
        let (mut fit, mut reg, mut grad_sq, mut err_inf, mut subopt) =
            (zero, zero, zero, zero, zero);

        let chunks = z
            .chunks_exact_mut(LANES)
            .zip(self.m.chunks_exact_mut(LANES))
            .zip(self.v.chunks_exact_mut(LANES))
            .zip(problem.z0.chunks_exact(LANES))
            .zip(problem.z_star.chunks_exact(LANES))
            .zip(
                problem
                    .fit_star
                    .chunks_exact(LANES)
                    .zip(problem.reg_star.chunks_exact(LANES)),
            );
        for (((((z_c, m_c), v_c), z0_c), z_star_c), (fit_star_c, reg_star_c)) in chunks {
            let (z, m, v) = (load(z_c), load(m_c), load(v_c));
            let d = z - load(z0_c);
            let abs_d = d.abs();
            let r = z - c_v;
            let r2 = r * r;
            // tf.sign with sign(0) = 0, branch-free: comparison masks are all-ones bit patterns.
            let sign = (d.simd_gt(zero) & one) - (d.simd_lt(zero) & one);
            // TF's gradient of mu * reduce_sum(square(z - 1)) is mu * ((z - 1) * 2).
            let g = sign + mu_v * (r * two);
            let g2 = g * g;
            fit += abs_d;
            reg += r2;
            grad_sq += g2;
            err_inf = err_inf.fast_max((z - load(z_star_c)).abs());
            subopt += (abs_d - load(fit_star_c)) + mu_v * (r2 - load(reg_star_c));

            let m = m + (g - m) * b1_v;
            let v = v + (g2 - v) * b2_v;
            // A moment that decays towards 0 (g = 0 exactly, e.g. z sitting on a band edge)
            // would go subnormal, and subnormal arithmetic is up to 100x slower. Flushing it
            // changes z by < 1e-38·α/ε: never a visible bit for |z| > 1e-30.
            let m = m.abs().simd_ge(tiny) & m;
            let v = v.simd_ge(tiny) & v;
            let z = z - (m * alpha_v) / (v.sqrt() + eps_v);
            store(z_c, z);
            store(m_c, m);
            store(v_c, v);
        }
        EpochStats {
            fit: lane_sum(fit),
            reg: lane_sum(reg),
            total: lane_sum(fit) + mu * lane_sum(reg),
            grad_norm: lane_sum(grad_sq).sqrt(),
            err_inf: err_inf.to_array().into_iter().fold(0.0, f32::max),
            subopt: lane_sum(subopt),
        }
    }
}

#[inline(always)]
fn load(chunk: &[f32]) -> f32x8 {
    let lanes: [f32; LANES] = chunk.try_into().expect("chunks_exact yields LANES values");
    f32x8::from(lanes)
}

#[inline(always)]
fn store(chunk: &mut [f32], x: f32x8) {
    chunk.copy_from_slice(&x.to_array());
}

/// Pairwise sum of the lanes (the order a SIMD horizontal add uses).
fn lane_sum(x: f32x8) -> f32 {
    let x = x.to_array();
    let a = [x[0] + x[4], x[1] + x[5], x[2] + x[6], x[3] + x[7]];
    (a[0] + a[2]) + (a[1] + a[3])
}
