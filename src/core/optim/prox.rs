//! Proximal gradient (ISTA): a gradient step on the smooth part μ‖z − c‖², then the exact
//! proximal map of the non-smooth part ‖z − z0‖₁, which is soft-thresholding towards z0:
//!   y = z − η·2μ(z − c),
//!   z ← prox_{η‖· − z0‖₁}(y) = z0 + sign(y − z0)·max(|y − z0| − η, 0).
//!
//! Step size η: the smooth part's gradient is 2μ-Lipschitz (L = 2μ), and any η ≤ 1/L converges.
//! For μ > 0 this optimizer takes η = 1/(4μ), half of 1/L: then η·2μ = ½, so y = (z + c)/2
//! contracts every coordinate towards c by ½, and the prox (non-expansive) keeps the
//! contraction: ‖z − z*‖∞ halves every step, from ≤ 10 on the seed to ≤ 1e-6 in ~25 epochs —
//! slow enough for the lecture to watch. z* = clamp(z0, c ± 1/(2μ)) is its fixed point. For
//! μ = 0 there is no smooth part (y = z) and η = lr: z moves straight to z0 by lr per step and
//! stops exactly on it. The learning rate and its [`Decay`](crate::core::optim::Decay) are
//! ignored when μ > 0, and the decay is ignored always: the prox step needs neither.
//!
//! Variants: with weights the threshold is η·wᵢ; for the pseudo-Huber and L2 fits the prox is
//! the variant's own 1-D optimum ([`optimum`], with μ = 1/(2η) and centre y), so the fixed point
//! is again the variant's z*.
//!
//! Each step is computed in f64 from the f32 z and rounded once to f32, so on the seed's fit z
//! lands on f32(z*) (an in-band coordinate on z0 exactly) instead of dithering in the last f32
//! bits. For the variants the rounded ½-contraction can stop one f32 ulp from z* (every f32
//! within an ulp of z* is then a fixed point; tests/problem_variants.rs pins it).
//!
//! Documented behaviour on the seed problem (tests/optimizers.rs): at μ = 0.1 and μ = 1,
//! ‖z − z*‖∞ ≤ **1e-6** after 30 epochs and at every epoch after that, through 25 000 (it is
//! reached at epoch 23 and 21, and z equals f32(z*) exactly from epoch 25); at μ = 0 with
//! lr = 1e-3, z = z0 exactly after 10 000 epochs (the farthest z0ᵢ is 10 away).

use wide::f32x8;

use crate::core::fit::Fit;
use crate::core::optim::config::OptimizerConfig;
use crate::core::optim::measure::measure_and_update;
use crate::core::optim::stats::EpochStats;
use crate::core::problem::{Problem, LANES};
use crate::core::variants::optimum;

/// The proximal gradient's state: the μ = 0 step lr and the step count t.
#[derive(Debug, Clone)]
pub struct Prox {
    lr: f64,
    t: u64,
}

impl Prox {
    /// Fresh state (t = 0) with lr = `config.adam.lr` (used only when μ = 0); the decay is
    /// ignored. No per-coordinate state, so `padded_len` is only taken for a uniform constructor.
    pub fn new(config: &OptimizerConfig, _padded_len: usize) -> Self {
        Self {
            lr: config.adam.lr,
            t: 0,
        }
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u64 {
        self.t
    }

    /// The step η and the shrink factor η·2μ for `problem`: (1/(4μ), ½) for μ > 0, (lr, 0) for
    /// μ = 0. A μ so tiny that 1/(4μ) overflows gives η = ∞: z ← z0, which is then z*.
    pub fn eta(&self, problem: &Problem) -> (f64, f64) {
        let mu = problem.mu();
        if mu > 0.0 {
            (1.0 / (4.0 * mu), 0.5)
        } else {
            (self.lr, 0.0)
        }
    }

    /// One proximal-gradient step on `z` (padded storage); returns the measurements at z
    /// before it.
    pub fn step(&mut self, problem: &Problem, z: &mut [f32x8]) -> EpochStats {
        self.t += 1;
        let (eta, shrink) = self.eta(problem);
        let c = problem.centre();
        let (z0, w, fit) = (&problem.z0, &problem.w, problem.fit());
        measure_and_update(problem, z, |k, z, _| {
            let (z, a, w) = (z.to_array(), z0[k].to_array(), w[k].to_array());
            let mut out = [0.0f32; LANES];
            for (((o, &z), &a), &w) in out.iter_mut().zip(&z).zip(&a).zip(&w) {
                let (z, a, w) = (f64::from(z), f64::from(a), f64::from(w));
                let y = z - shrink * (z - c);
                *o = match fit {
                    Fit::L1 => {
                        let d = y - a;
                        // max(NaN, 0) would hide a NaN; |d| − ηw is NaN only if d is, and then
                        // sign is.
                        (a + d.signum() * (d.abs() - eta * w).max(0.0)) as f32
                    }
                    // The prox of ηw·φ(· − a) at y minimises w·φ(x − a) + (x − y)²/(2η): the
                    // variant's own 1-D optimum with μ = 1/(2η) and centre y.
                    _ if y.is_finite() => optimum(fit, a, w, 1.0 / (2.0 * eta), y) as f32,
                    _ => y as f32,
                };
            }
            f32x8::from(out)
        })
    }
}
