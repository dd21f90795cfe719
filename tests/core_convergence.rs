//! The seed's second experiment: 25 000 epochs of Keras-default Adam for each of the 10 seed μ
//! end within 2e-2 of the exact optimum z* = clamp(z0, 1 ± 1/(2μ)), and the documented edge
//! cases (μ = 0, μ = 1e6, n = 1, lr = 10) behave as documented, never with a panic.

use std::ops::ControlFlow;

use reglab::core::{linspace, logspace, run_sweep, AdamConfig, Problem, Run, StopReason};

const SEED_EPOCHS: u64 = 25_000;

fn all_finite(run: &Run) -> bool {
    let h = run.history();
    [
        &h.fit,
        &h.reg,
        &h.total,
        &h.grad_norm,
        &h.err_inf,
        &h.subopt,
    ]
    .iter()
    .all(|s| s.min.iter().chain(s.max()).all(|x| x.is_finite()))
}

#[test]
fn seed_sweep_converges_to_the_clamp() {
    let mus = logspace(0.02, 1.0, 10);
    let rows = run_sweep(
        &linspace(-10.0, 10.0, 100),
        1.0,
        &mus,
        AdamConfig::default(),
        SEED_EPOCHS,
    )
    .unwrap();
    assert_eq!(rows.len(), 10);
    for row in &rows {
        println!("mu = {:.4}: ||z - z*||_inf = {:.2e}", row.mu, row.err_inf);
        assert_eq!(row.reason, StopReason::EpochsDone);
        assert!(
            row.err_inf <= 2e-2,
            "mu = {}: err_inf {} > 2e-2",
            row.mu,
            row.err_inf
        );
    }
}

#[test]
fn logspace_matches_numpy() {
    // numpy.logspace(log10(0.02), log10(1), 10) = 0.02 · 50^(i/9).
    let mus = logspace(0.02, 1.0, 10);
    for (i, mu) in mus.iter().enumerate() {
        let want = 0.02 * 50f64.powf(i as f64 / 9.0);
        assert!((mu - want).abs() <= 1e-14 * want, "{i}: {mu} vs {want}");
    }
    assert_eq!(mus[9], 1.0);
    assert!((mus[0] - 0.02).abs() < 1e-17);
}

#[test]
fn a_sweep_row_is_exactly_a_single_run() {
    let mus = [0.05, 0.3];
    let z0 = linspace(-10.0, 10.0, 100);
    let rows = run_sweep(&z0, 1.0, &mus, AdamConfig::default(), 3_000).unwrap();
    for row in rows {
        let mut run = Run::new(
            Problem::new(&z0, row.mu, 1.0).unwrap(),
            AdamConfig::default(),
            3_000,
        );
        run.finish();
        assert_eq!(run.z(), &row.z[..]);
    }
}

#[test]
fn mu_zero_has_no_band_and_no_nan() {
    let problem = Problem::seed(0.0);
    assert_eq!(problem.band(), None);
    assert_eq!(problem.z_star(), problem.z0());
    let mut run = Run::new(problem, AdamConfig::default(), SEED_EPOCHS);
    assert_eq!(run.finish(), StopReason::EpochsDone);
    assert!(all_finite(&run));
    // Nothing pulls z: it walks to z0 (|z0| ≤ 10 takes ~10 000 steps of ≈ lr) and stays there.
    assert!(run.err_inf() <= 2e-2, "err_inf {}", run.err_inf());
}

#[test]
fn huge_mu_pins_z_to_the_centre() {
    let problem = Problem::seed(1e6);
    let band = problem.band().unwrap();
    assert!(band.half_width() < 1e-6);
    let mut run = Run::new(problem, AdamConfig::default(), SEED_EPOCHS);
    assert_eq!(run.finish(), StopReason::EpochsDone);
    assert!(all_finite(&run));
    // Adam's step is ≈ lr whatever the gradient's scale: z ends within a few lr of c = 1.
    assert!(run.err_inf() <= 2e-2, "err_inf {}", run.err_inf());
}

#[test]
fn one_coordinate() {
    let problem = Problem::new(&linspace(-10.0, 10.0, 1), 0.1, 1.0).unwrap();
    assert_eq!(problem.z0(), &[-10.0]);
    assert_eq!(problem.z_star(), &[-4.0]);
    let mut run = Run::new(problem, AdamConfig::default(), SEED_EPOCHS);
    assert_eq!(run.finish(), StopReason::EpochsDone);
    assert_eq!(run.z().len(), 1);
    assert!(run.err_inf() <= 2e-2);
}

#[test]
fn huge_learning_rate_is_reported_not_a_panic() {
    // lr = 10: Adam's steps are ≈ 10, far larger than the band: z oscillates with an amplitude of
    // about lr and never converges. It cannot diverge, so the run must end with every epoch done:
    // a step moves z by at most α·|m|/(√v + ε), and for β1 < √β2 the ratio |m|/√v stays bounded
    // (below (1 − β1)/√(1 − β2)/(1 − β1/√β2) ≈ 32), so a step is at most a few hundred, while
    // the pull 2μ(z − c) grows with |z − c| and drags z back: z, the losses and the subgradient
    // (|g| ≤ 1 + 2μ|z − c|) stay orders of magnitude below f32's overflow (measured: total loss
    // ≤ 1.6e3, ‖g‖₂ ≤ 30, |z| ≤ 8 at the end, ‖z − z*‖∞ ≈ 3.3). `Run::advance` reports
    // `Diverged` only when a measurement is not finite and `Stopped` only when an observer asks
    // (`finish` has none), so `EpochsDone` is the one possible outcome. The run is deterministic
    // (bit for bit, natively and in wasm up to powf's last bit), so this is not a flaky bound.
    let config = AdamConfig {
        lr: 10.0,
        ..AdamConfig::default()
    };
    let mut run = Run::new(Problem::seed(0.1), config, SEED_EPOCHS);
    assert_eq!(run.finish(), StopReason::EpochsDone);
    assert_eq!(run.epoch(), SEED_EPOCHS);
    assert!(all_finite(&run), "every recorded loss is a finite number");
    let peak = |s: &reglab::core::Series| s.max().iter().fold(0.0f32, |m, &x| m.max(x));
    let h = run.history();
    assert!(
        peak(&h.total) < 1e4,
        "total loss peaked at {}",
        peak(&h.total)
    );
    assert!(
        peak(&h.grad_norm) < 1e3,
        "‖g‖₂ peaked at {}",
        peak(&h.grad_norm)
    );
    assert!(
        run.err_inf() > 1e-1,
        "lr = 10 cannot converge to 2e-2, got {}",
        run.err_inf()
    );
}

#[test]
fn overflowing_learning_rate_diverges_with_the_epoch() {
    // lr = 1e38: the very first step throws z past f32's range; the run says so and stops.
    let config = AdamConfig {
        lr: 1e38,
        ..AdamConfig::default()
    };
    let mut run = Run::new(Problem::seed(0.1), config, 100);
    match run.finish() {
        StopReason::Diverged { epoch } => assert!(epoch <= 3, "diverged late, at {epoch}"),
        other => panic!("expected divergence, got {other:?}"),
    }
}

#[test]
fn observers_fire_every_k_and_can_stop_the_run() {
    let mut run = Run::new(Problem::seed(0.1), AdamConfig::default(), 1_000);
    let mut seen = Vec::new();
    let reason = run.advance(u64::MAX, 100, |epoch, z| {
        assert_eq!(z.len(), 100);
        seen.push(epoch);
        if epoch == 500 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    assert_eq!(seen, vec![100, 200, 300, 400, 500]);
    assert_eq!(reason, Some(StopReason::Stopped));
    assert_eq!(run.epoch(), 500);
}

#[test]
fn chunks_add_up_to_one_run() {
    let mut whole = Run::new(Problem::seed(0.2), AdamConfig::default(), 5_000);
    whole.finish();
    let mut chunked = Run::new(Problem::seed(0.2), AdamConfig::default(), 5_000);
    let mut reason = None;
    while reason.is_none() {
        reason = chunked.advance(777, 0, |_, _| ControlFlow::Continue(()));
    }
    assert_eq!(reason, Some(StopReason::EpochsDone));
    assert_eq!(whole.z(), chunked.z());
    assert_eq!(whole.history(), chunked.history());
}

#[test]
fn invalid_problems_are_errors() {
    assert!(Problem::new(&[], 0.1, 1.0).is_err());
    assert!(Problem::new(&[1.0], -0.1, 1.0).is_err());
    assert!(Problem::new(&[1.0], f64::NAN, 1.0).is_err());
    assert!(Problem::new(&[f32::INFINITY], 0.1, 1.0).is_err());
    assert!(Problem::new(&[1.0], 0.1, f64::NAN).is_err());
}

#[test]
fn tabulated_step_sizes_equal_the_keras_formula() {
    use reglab::core::optim::step_size::{keras_step_size, StepSizes};
    for config in [
        AdamConfig::default(),
        AdamConfig {
            lr: 0.01,
            beta1: 0.5,
            beta2: 0.99,
            eps: 1e-8,
        },
        AdamConfig {
            lr: 3e-4,
            beta1: 0.0,
            beta2: 0.0,
            eps: 1e-7,
        },
    ] {
        let table = StepSizes::build(config);
        for t in (1..=40_000u64).chain([100_000, 10_000_000]) {
            assert_eq!(
                table.at(t).to_bits(),
                keras_step_size(&config, t).0.to_bits(),
                "{config:?} t={t}"
            );
        }
    }
}
