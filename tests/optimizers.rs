//! Every optimizer of the core on the seed problem: each reaches z* = clamp(z0, 1 ± 1/(2μ))
//! within the tolerance its doc comment states, after the stated epochs and lr; each step does
//! what its formula says; μ = 0 never makes a NaN; a huge lr never panics; the decay formulas;
//! the kind's key round trip; and Adam without decay stays bit for bit the seed's Adam.
//! Run: `cargo test --release --test optimizers`.

use std::ops::ControlFlow;

use reglab::core::optim::measure::measure;
use reglab::core::problem::floats;
use reglab::core::{AdamConfig, Decay, Optimizer, OptimizerConfig, OptimizerKind as K};
use reglab::core::{Problem, Run, StopReason};

const SEED_EPOCHS: u64 = 25_000;
const STEP: Decay = Decay::Step {
    every: 2500,
    factor: 0.5,
};

fn config(kind: K, lr: f64, decay: Decay) -> OptimizerConfig {
    let mut c = OptimizerConfig {
        kind,
        decay,
        ..OptimizerConfig::default()
    };
    c.adam.lr = lr;
    c
}

fn run(kind: K, lr: f64, decay: Decay, mu: f64, epochs: u64) -> Run {
    let mut run = Run::with_optimizer(Problem::seed(mu), config(kind, lr, decay), epochs);
    assert_eq!(run.finish(), StopReason::EpochsDone, "{kind:?} μ = {mu}");
    run
}

/// The largest ‖z − z*‖∞ after each of the last 1000 of 25 000 epochs (the history's value at
/// epoch k is measured before step k, i.e. after step k − 1; then the final z).
fn worst_of_last_1000(kind: K, lr: f64, decay: Decay, mu: f64) -> f32 {
    let run = run(kind, lr, decay, mu, SEED_EPOCHS);
    let series = &run.history().err_inf;
    assert_eq!(series.width, 1, "every epoch is kept for ≤ 32 768 epochs");
    let tail = &series.max()[series.len() - 999..];
    let worst = tail.iter().fold(run.err_inf(), |m, &e| m.max(e));
    let (key, last) = (kind.key(), run.err_inf());
    println!("{key:>9} lr {lr:<4} {decay:?} μ {mu}: worst {worst:.2e}, final {last:.2e}");
    assert!(worst.is_finite());
    worst
}

/// Each optimizer's documented (lr, decay, tolerance) at μ = 0.1 and μ = 1, and, where the
/// doc says so, the floor the same lr leaves without decay (the error keeps coming back above
/// it). Adam's floor is lr itself, 10× its decayed tolerance: the lecture's point.
#[test]
fn each_optimizer_reaches_z_star_within_its_documented_tolerance() {
    let cases = [
        (K::Adam, 0.03, Decay::InvSqrt, 3e-3, Some(0.03)),
        (K::Sgd, 0.1, STEP, 1e-3, Some(1e-2)),
        (K::Momentum, 0.01, STEP, 1e-3, Some(1e-2)),
        (K::Nesterov, 0.01, STEP, 1e-3, Some(1e-2)),
        (K::RmsProp, 0.03, Decay::InvSqrt, 2e-3, Some(1e-2)),
        (K::Adagrad, 0.1, Decay::None, 1e-2, None),
    ];
    for (kind, lr, decay, tol, floor) in cases {
        for mu in [0.1, 1.0] {
            let worst = worst_of_last_1000(kind, lr, decay, mu);
            assert!(worst <= tol, "{kind:?} μ = {mu}: {worst:e} > {tol:e}");
            if let Some(floor) = floor {
                let plain = worst_of_last_1000(kind, lr, Decay::None, mu);
                assert!(plain >= floor, "{kind:?} μ = {mu} no decay: {plain:e}");
            }
        }
    }
}

/// Prox: ≤ 1e-6 after 30 epochs and after every later one, through 25 000; at μ = 0, z = z0
/// exactly after 10 000 epochs of lr = 1e-3 (the decay is ignored).
#[test]
fn prox_lands_on_z_star() {
    for mu in [0.1, 1.0, 0.5, 1e6] {
        let config = config(K::Prox, 1e-3, Decay::None);
        let mut run = Run::with_optimizer(Problem::seed(mu), config, SEED_EPOCHS);
        run.advance(30, 0, |_, _| ControlFlow::Continue(()));
        let at_30 = run.err_inf();
        assert!(at_30 <= 1e-6, "μ = {mu}: {at_30:e} after 30 epochs");
        assert_eq!(run.finish(), StopReason::EpochsDone);
        let later = &run.history().err_inf.max()[30..];
        let worst = later.iter().fold(run.err_inf(), |m, &e| m.max(e));
        println!("prox μ = {mu}: after 30 epochs {at_30:.2e}, worst later {worst:.2e}");
        assert!(worst <= 1e-6, "μ = {mu}: {worst:e}");
    }
    let run = run(K::Prox, 1e-3, Decay::InvSqrt, 0.0, 10_000);
    assert_eq!(run.z(), run.problem().z0(), "μ = 0: z = z0 exactly");
}

/// z after the first step from z = 0 (lr = 0.05, m = 0.9, μ = 0.3, c = 1) by each formula, in
/// f64. Adam: m = 0.1·g, v = 0.001·g², α = lr·√(1 − β2)/(1 − β1) with β rounded to f32 as
/// Keras does. Prox: y = (0 + c)/2, then soft-thresholding by η = 1/(4μ) towards z0.
fn first_step(kind: K, g: f64, z0: f64) -> f64 {
    let (lr, m, mu) = (0.05, 0.9, 0.3);
    match kind {
        K::Sgd | K::Momentum => -lr * g,
        K::Nesterov => m * (-lr * g) - lr * g,
        K::RmsProp => -lr * g / (0.1 * g * g + 1e-7).sqrt(),
        K::Adagrad => -lr * g / (0.1 + g * g + 1e-7).sqrt(),
        K::Adam => {
            let (b1, b2) = (f64::from(0.9f32), f64::from(0.999f32));
            let alpha = lr * (1.0 - b2).sqrt() / (1.0 - b1);
            -(0.1 * g) * alpha / ((0.001 * g * g).sqrt() + 1e-7)
        }
        K::Prox => z0 + (0.5 - z0).signum() * ((0.5 - z0).abs() - 1.0 / (4.0 * mu)).max(0.0),
    }
}

/// Each optimizer's first step matches its formula; it reports the measurement at z = 0; the
/// padding stays at c; Nesterov's second step differs from the heavy ball's (v ≠ 0 then).
#[test]
fn first_steps_follow_their_formulas() {
    let problem = Problem::seed(0.3);
    let g = problem.subgradient(&vec![0.0; problem.n()]);
    for kind in K::ALL {
        let mut opt = Optimizer::new(&config(kind, 0.05, Decay::None), problem.padded_len());
        assert_eq!(opt.kind(), kind);
        let mut z = problem.initial_z();
        let stats = opt.step(&problem, &mut z);
        assert_eq!(stats, measure(&problem, &problem.initial_z()), "{kind:?}");
        let coords = floats(&z).iter().zip(g.iter().zip(problem.z0()));
        for (i, (&got, (&g, &z0))) in coords.enumerate() {
            let want = first_step(kind, g, f64::from(z0));
            let err = (f64::from(got) - want).abs();
            assert!(
                err <= 1e-6 * want.abs().max(1e-3),
                "{kind:?} z[{i}] = {got} ≠ {want}"
            );
        }
        assert!(
            floats(&z)[problem.n()..].iter().all(|&p| p == 1.0),
            "padding stays at c"
        );
    }
    let two = |kind| run(kind, 0.05, Decay::None, 0.3, 2).z().to_vec();
    assert_ne!(two(K::Momentum), two(K::Nesterov));
}

/// The shared measurement equals Adam's fused kernel bit for bit along a trajectory, and the
/// f64 reference losses to 1e-4.
#[test]
fn shared_measurement_matches_adams_kernel() {
    let problem = Problem::seed(0.1);
    let mut opt = Optimizer::new(&OptimizerConfig::default(), problem.padded_len());
    let mut z = problem.initial_z();
    for _ in 0..500 {
        let before = measure(&problem, &z);
        assert_eq!(opt.step(&problem, &mut z), before);
    }
    let (zs, got) = (&floats(&z)[..problem.n()], measure(&problem, &z));
    let (fit, total) = (problem.fit_loss(zs), problem.total_loss(zs));
    assert!((f64::from(got.fit) - fit).abs() <= 1e-4 * fit);
    assert!((f64::from(got.total) - total).abs() <= 1e-4 * total);
}

/// μ = 0 (no band, z* = z0) with every optimizer and every decay: no NaN, the run completes.
#[test]
fn mu_zero_never_makes_nan() {
    let exp = Decay::Exponential { rate: 0.999 };
    for kind in K::ALL {
        for decay in [Decay::None, STEP, exp, Decay::InvSqrt] {
            let run = run(kind, 0.01, decay, 0.0, 5000);
            let h = run.history();
            for s in [
                &h.fit,
                &h.reg,
                &h.total,
                &h.grad_norm,
                &h.err_inf,
                &h.subopt,
            ] {
                let finite = s.min.iter().chain(s.max()).all(|x| x.is_finite());
                assert!(finite, "{kind:?} {decay:?}");
            }
            assert!(run.z().iter().all(|x| x.is_finite()) && run.err_inf().is_finite());
        }
    }
}

/// A huge (even infinite or NaN) lr ends in a reported divergence or stays finite; no panic.
#[test]
fn huge_lr_diverges_or_stays_finite() {
    let lrs = [1e3, 1e30, 1e300, f64::MAX, f64::INFINITY, f64::NAN];
    for kind in K::ALL {
        for (lr, mu) in lrs
            .iter()
            .flat_map(|&lr| [(lr, 0.0), (lr, 0.1), (lr, 10.0)])
        {
            let config = config(kind, lr, Decay::None);
            let mut run = Run::with_optimizer(Problem::seed(mu), config, 200);
            match run.finish() {
                StopReason::Diverged { epoch } => assert!((1..=200).contains(&epoch)),
                StopReason::EpochsDone => assert!(
                    run.z().iter().all(|x| x.is_finite()) && run.last().unwrap().is_finite(),
                    "{kind:?} lr = {lr} μ = {mu}: finished with a non-finite z"
                ),
                StopReason::Stopped => panic!("nobody asked to stop"),
            }
        }
    }
    let config = config(K::Sgd, 1e30, Decay::None);
    let mut run = Run::with_optimizer(Problem::seed(0.1), config, 200);
    assert!(
        matches!(run.finish(), StopReason::Diverged { .. }),
        "reported"
    );
}

#[test]
fn decay_formulas() {
    let step = Decay::Step {
        every: 3,
        factor: 0.5,
    };
    let s: Vec<f64> = (1..=7).map(|t| step.factor(t)).collect();
    assert_eq!(s, [1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.25]);
    let every_0 = Decay::Step {
        every: 0,
        factor: 0.5,
    };
    assert_eq!(every_0.factor(3), 0.25, "every = 0 reads as 1");
    let exp = Decay::Exponential { rate: 0.9 };
    assert_eq!(exp.factor(1), 1.0);
    assert!((exp.factor(3) - 0.81).abs() < 1e-15);
    let inv: Vec<f64> = [1, 4, 100].map(|t| Decay::InvSqrt.factor(t)).to_vec();
    assert_eq!(inv, [1.0, 0.5, 0.1]);
    assert_eq!(Decay::None.factor(12345), 1.0);
    assert_eq!(Decay::InvSqrt.lr(0.3, 4), 0.15f32);
    assert_eq!(Decay::None.lr(0.1, 9), 0.1f32);
    assert_eq!(Decay::default(), Decay::None);
}

/// Adam through the common type is the seed's Adam, bit for bit; a decay that is always 1
/// changes nothing; InvSqrt leaves step 1 alone (s₁ = 1) and shrinks step 2.
#[test]
fn adam_without_decay_is_bit_exact() {
    let trajectory = |mut run: Run| -> Vec<u32> {
        let mut bits = Vec::new();
        while run
            .advance(1, 0, |_, _| ControlFlow::Continue(()))
            .is_none()
        {
            bits.extend(run.z().iter().map(|x| x.to_bits()));
        }
        bits
    };
    let with = |decay| {
        let config = config(K::Adam, 1e-3, decay);
        trajectory(Run::with_optimizer(Problem::seed(0.1), config, 3000))
    };
    let seed = trajectory(Run::new(Problem::seed(0.1), AdamConfig::default(), 3000));
    assert_eq!(seed.len(), 2999 * 100);
    assert_eq!(seed, with(Decay::None));
    let never = Decay::Step {
        every: u64::MAX,
        factor: 0.5,
    };
    assert_eq!(seed, with(never));
    let inv = with(Decay::InvSqrt);
    assert_eq!(seed[..100], inv[..100], "step 1 uses lr itself");
    assert_ne!(seed[100..200], inv[100..200], "step 2 uses lr/√2");
}

#[test]
fn optimizer_kind_keys_round_trip() {
    let keys = K::ALL.map(K::key);
    let want = [
        "adam", "sgd", "momentum", "nesterov", "rmsprop", "adagrad", "prox",
    ];
    assert_eq!(keys, want);
    for kind in K::ALL {
        assert_eq!(K::parse(kind.key()), Some(kind));
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(serde_json::from_str::<K>(&json).unwrap(), kind);
    }
    let mut labels = K::ALL.map(K::label).to_vec();
    labels.sort();
    labels.dedup();
    assert_eq!(labels.len(), 7, "labels are distinct");
    assert!(labels.iter().all(|l| !l.is_empty()));
    for bad in ["", "Adam", "ADAM", "sgd ", "lbfgs"] {
        assert_eq!(K::parse(bad), None, "{bad:?}");
    }
    assert_eq!(K::default(), K::Adam);
}

#[test]
fn optimizer_config_defaults_and_serde() {
    let d = OptimizerConfig::default();
    assert_eq!(
        (d.kind, d.adam, d.momentum),
        (K::Adam, AdamConfig::default(), 0.9)
    );
    assert_eq!(d.decay, Decay::None);
    assert_eq!(serde_json::from_str::<OptimizerConfig>("{}").unwrap(), d);
    let decays = [Decay::InvSqrt, Decay::Exponential { rate: 0.99 }, STEP];
    for (kind, decay) in K::ALL.into_iter().zip(decays.into_iter().cycle()) {
        let c = OptimizerConfig {
            kind,
            momentum: 0.5,
            decay,
            ..d
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<OptimizerConfig>(&json).unwrap(), c);
    }
}
