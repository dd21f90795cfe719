//! `Adam::run_steps` (the epochs in one loop, as `Run::advance` runs them): against a plain
//! scalar Adam written here from Keras' formulas (z to the bit, with and without decay, through
//! `Run::advance` in uneven chunks with an observer), against one step per call (z, moments and
//! measurements to the bit, every fit term), and a sink that stops the loop stops it there.

use std::ops::ControlFlow;

use reglab::core::optim::step_size::keras_step_size;
use reglab::core::optim::EpochStats;
use reglab::core::variants::Fit;
use reglab::core::{linspace, Adam, AdamConfig, Decay, OptimizerConfig, Problem, Run};

/// Every measurement's bits, so that −0 against +0 or two NaNs would show.
fn bits(s: &EpochStats) -> [u32; 6] {
    [s.fit, s.reg, s.total, s.grad_norm, s.err_inf, s.subopt].map(f32::to_bits)
}

fn z_bits(z: &[wide::f32x8]) -> Vec<u32> {
    z.iter()
        .flat_map(|c| c.to_array())
        .map(f32::to_bits)
        .collect()
}

/// The problems: the seed and each variant of the fit term, weighted and not.
fn problems() -> Vec<Problem> {
    let z0: Vec<f32> = linspace(-10.0, 10.0, 37);
    let w: Vec<f32> = (0..37).map(|i| 0.5 + (i % 5) as f32 * 0.3).collect();
    let mut out = vec![Problem::seed(0.1), Problem::seed(1.0)];
    for fit in [Fit::L1, Fit::L2, Fit::PseudoHuber { delta: 1.0 }] {
        for weights in [&w[..], &[][..]] {
            out.push(Problem::variant(&z0, 0.3, 0.5, fit, weights).unwrap());
        }
    }
    out
}

#[test]
fn run_steps_has_the_bits_of_one_step_per_epoch() {
    let config = AdamConfig {
        lr: 0.03,
        ..AdamConfig::default()
    };
    for problem in problems() {
        for decay in [Decay::None, Decay::InvSqrt] {
            let mut one = Adam::new(config, problem.padded_len()).with_decay(decay);
            let mut loop_ = one.clone();
            let (mut z1, mut z2) = (problem.initial_z(), problem.initial_z());
            let by_step: Vec<[u32; 6]> = (0..1_500)
                .map(|_| bits(&one.step(&problem, &mut z1)))
                .collect();
            let mut by_loop = Vec::new();
            let taken = loop_.run_steps(&problem, &mut z2, 1_500, |s| {
                by_loop.push(bits(&s));
                ControlFlow::Continue(())
            });
            let what = format!("{:?}, decay {decay:?}", problem.term());
            assert_eq!(taken, 1_500, "{what}");
            assert_eq!(by_loop, by_step, "{what}: the measurements");
            assert_eq!(z_bits(&z2), z_bits(&z1), "{what}: z");
            assert_eq!(loop_.steps(), one.steps(), "{what}: the step count");
            // The moments too: one more step from each state gives the same bits.
            assert_eq!(
                bits(&loop_.step(&problem, &mut z2)),
                bits(&one.step(&problem, &mut z1)),
                "{what}"
            );
            assert_eq!(z_bits(&z2), z_bits(&z1), "{what}: z after one more step");
        }
    }
}

#[test]
fn a_sink_that_stops_ends_the_loop_after_that_epoch() {
    let problem = Problem::seed(0.1);
    let mut adam = Adam::new(AdamConfig::default(), problem.padded_len());
    let mut z = problem.initial_z();
    let mut seen = 0;
    let taken = adam.run_steps(&problem, &mut z, 100, |_| {
        seen += 1;
        if seen == 37 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    assert_eq!((taken, seen, adam.steps()), (37, 37, 37));
    // And nothing at all for no epochs.
    assert_eq!(
        adam.run_steps(&problem, &mut z, 0, |_| panic!("no epoch")),
        0
    );
    assert_eq!(adam.steps(), 37);
}

/// The seed's Adam one coordinate at a time, as Keras computes it in f32 (the plain-JS peer's
/// arithmetic, scripts/bench-peer-js.mjs), with reglab's flush of subnormal moments and its
/// decay (α(t)·sₜ in f64, rounded once). Shares no code with the optimizer but the α(t) formula.
fn scalar_adam(mu: f64, config: &AdamConfig, decay: Decay, epochs: u64) -> Vec<f32> {
    let z0 = linspace(-10.0, 10.0, 100);
    let (b1, b2, eps, mu) = (
        (1.0 - config.beta1) as f32,
        (1.0 - config.beta2) as f32,
        config.eps as f32,
        mu as f32,
    );
    let flush = |x: f32| if x.abs() >= f32::MIN_POSITIVE { x } else { 0.0 };
    let (mut z, mut m, mut v) = (vec![0.0f32; 100], vec![0.0f32; 100], vec![0.0f32; 100]);
    for t in 1..=epochs {
        let alpha = keras_step_size(config, t).0;
        let alpha = match decay {
            Decay::None => alpha,
            d => (f64::from(alpha) * d.factor(t)) as f32,
        };
        for i in 0..100 {
            let d = z[i] - z0[i];
            let sign = if d > 0.0 {
                1.0
            } else if d < 0.0 {
                -1.0
            } else {
                0.0
            };
            let g = sign + mu * ((z[i] - 1.0) * 2.0);
            m[i] = flush(m[i] + (g - m[i]) * b1);
            v[i] = flush(v[i] + (g * g - v[i]) * b2);
            z[i] -= (m[i] * alpha) / (v[i].sqrt() + eps);
        }
    }
    z
}

#[test]
fn run_advance_in_chunks_has_the_bits_of_a_scalar_keras_adam() {
    let adam = AdamConfig {
        lr: 0.03,
        ..AdamConfig::default()
    };
    for mu in [0.1, 0.5] {
        for decay in [Decay::None, Decay::InvSqrt] {
            let config = OptimizerConfig {
                adam,
                decay,
                ..OptimizerConfig::default()
            };
            let mut run = Run::with_optimizer(Problem::seed(mu), config, 3_000);
            let mut observed = 0;
            // Uneven chunks (the worker's slices) and an observer every 7 epochs.
            for chunk in [1, 6, 500, 93, u64::MAX] {
                run.advance(chunk, 7, |_, _| {
                    observed += 1;
                    ControlFlow::Continue(())
                });
            }
            assert_eq!(run.epoch(), 3_000);
            assert_eq!(observed, 3_000 / 7, "μ = {mu}, {decay:?}: observations");
            let want = scalar_adam(mu, &adam, decay, 3_000);
            let got: Vec<u32> = run.z().iter().map(|x| x.to_bits()).collect();
            let want: Vec<u32> = want.iter().map(|x| x.to_bits()).collect();
            assert_eq!(got, want, "μ = {mu}, {decay:?}: z");
        }
    }
}
