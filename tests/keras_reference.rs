//! The Adam implementation against TensorFlow/Keras itself: the seed experiment's first 1000
//! epochs at μ = 0.1 and μ = 0.5, recorded by TF 2.21 / Keras 3.15 (tests/data/, copied from
//! shared/reference). Losses must agree to 1e-5 relative, z to 1e-5 absolute; in practice the
//! f32 port reproduces z bit for bit, which the last test pins down.

use std::collections::BTreeMap;

use reglab::core::{AdamConfig, Problem, Run};
use serde::Deserialize;

#[derive(Deserialize)]
struct Reference {
    mu: f64,
    n: usize,
    epochs: u64,
    /// losses[k] = [fit, reg, total, grad_norm] at epoch k + 1, before its step.
    losses: Vec<[f64; 4]>,
    /// z after e steps.
    z_after: BTreeMap<String, Vec<f64>>,
}

fn load(mu: &str) -> Reference {
    let path = format!(
        "{}/tests/data/keras_adam_mu{mu}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("reference JSON parses")
}

/// Replays the reference run step by step; returns (worst loss rel. error, worst z abs. error,
/// number of z values that differ from TensorFlow's in any bit).
fn compare(reference: &Reference) -> (f64, f64, usize) {
    assert_eq!(reference.n, 100);
    let mut run = Run::new(
        Problem::seed(reference.mu),
        AdamConfig::default(),
        reference.epochs,
    );
    let (mut worst_loss, mut worst_z, mut bit_diffs) = (0.0f64, 0.0f64, 0);
    for (k, want) in reference.losses.iter().enumerate() {
        let reason = run.advance(1, 0, |_, _| std::ops::ControlFlow::Continue(()));
        assert!(
            reason.is_none() || k + 1 == reference.losses.len(),
            "run ended early: {reason:?}"
        );
        let got = run.last().expect("one epoch ran");
        for (g, w) in [got.fit, got.reg, got.total, got.grad_norm]
            .iter()
            .zip(want)
        {
            let rel = (f64::from(*g) - w).abs() / w.abs().max(1e-30);
            worst_loss = worst_loss.max(rel);
        }
        if let Some(z_ref) = reference.z_after.get(&(k + 1).to_string()) {
            for (g, w) in run.z().iter().zip(z_ref) {
                worst_z = worst_z.max((f64::from(*g) - w).abs());
                bit_diffs += usize::from(*g != *w as f32);
            }
        }
    }
    (worst_loss, worst_z, bit_diffs)
}

fn check(mu: &str) {
    let reference = load(mu);
    assert_eq!(
        reference.z_after.len(),
        6,
        "snapshots at epochs 1, 2, 3, 10, 100, 1000"
    );
    let (loss_rel, z_abs, bit_diffs) = compare(&reference);
    println!("mu={mu}: worst loss rel. error {loss_rel:.2e}, worst z abs. error {z_abs:.2e}, z values differing in any bit: {bit_diffs}");
    assert!(
        loss_rel <= 1e-5,
        "losses differ from Keras by {loss_rel:e} relative"
    );
    assert!(z_abs <= 1e-5, "z differs from Keras by {z_abs:e}");
    // β^t has glibc's bits (core::optim::pow), as in TensorFlow's CPU kernels: exact to the bit.
    assert_eq!(bit_diffs, 0, "z should equal TensorFlow's bit for bit");
}

#[test]
fn matches_keras_at_mu_0_1() {
    check("0.1");
}

#[test]
fn matches_keras_at_mu_0_5() {
    check("0.5");
}
