//! reglab's `powf` against the system's, which on Linux is glibc's: TensorFlow computes Adam's
//! β^t with it, so the page (which has no system libm in wasm) equals TensorFlow only if every
//! β^t the app ever asks for has glibc's bits.
#![cfg(all(target_os = "linux", target_env = "gnu"))]

use proptest::prelude::*;
use reglab::core::optim::pow::powf;

fn same(x: f32, y: f32) -> Result<(), String> {
    let (want, got) = (x.powf(y), powf(x, y));
    if want.to_bits() == got.to_bits() || (want.is_nan() && got.is_nan()) {
        Ok(())
    } else {
        Err(format!(
            "powf({x:e} [{:#010x}], {y:e} [{:#010x}]): glibc {want:e} [{:#010x}], reglab {got:e} [{:#010x}]",
            x.to_bits(),
            y.to_bits(),
            want.to_bits(),
            got.to_bits()
        ))
    }
}

/// Every step t ≤ 2¹⁷ (the app allows 100 000 epochs) for the β the link can set: the defaults,
/// the round values a lecturer types, and values near 0 and 1.
#[test]
fn every_adam_step_has_glibcs_bits() {
    let betas = [
        0.9f32, 0.999, 0.0, 0.5, 0.8, 0.85, 0.95, 0.99, 0.995, 0.9999, 0.99999, 0.999999, 0.1,
        0.01, 0.3, 0.7, 0.75, 0.98, 0.9995,
    ];
    let mut checked = 0u64;
    for &beta in &betas {
        for t in 1..=(1u32 << 17) {
            if let Err(e) = same(beta, t as f32) {
                panic!("{e}");
            }
            checked += 1;
        }
    }
    println!("{checked} β^t equal to glibc's bit for bit");
}

/// A β just below 1 step by step down to 0.5: each f32 in turn, with the first steps.
#[test]
fn every_f32_beta_near_one_has_glibcs_bits() {
    let mut beta = 1.0f32;
    for _ in 0..200_000 {
        beta = f32::from_bits(beta.to_bits() - 37);
        for t in [1.0f32, 2.0, 3.0, 7.0, 100.0, 1000.0, 12_345.0, 25_000.0] {
            if let Err(e) = same(beta, t) {
                panic!("{e}");
            }
        }
    }
}

/// The special cases of C99 Annex F: zeros, infinities, NaN, negative bases, subnormals.
#[test]
fn special_values_are_glibcs() {
    let values = [
        0.0f32,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        2.0,
        -2.0,
        3.0,
        -3.0,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
        f32::MIN_POSITIVE,
        f32::from_bits(1),
        f32::from_bits(0x8000_0001),
        f32::MAX,
        f32::MIN,
        1e-30,
        1e30,
        126.0,
        -150.0,
        127.5,
        16_777_216.0,
        16_777_217.0,
        0.999_999_94,
        1.000_000_1,
    ];
    for &x in &values {
        for &y in &values {
            if let Err(e) = same(x, y) {
                panic!("{e}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200_000))]

    /// Any pair of f32 bit patterns.
    #[test]
    fn any_pair_has_glibcs_bits(x in any::<u32>(), y in any::<u32>()) {
        same(f32::from_bits(x), f32::from_bits(y)).map_err(TestCaseError::fail)?;
    }

    /// Bases in (0, 1) to positive powers, where Adam lives, more densely.
    #[test]
    fn bases_below_one_have_glibcs_bits(x in 1e-6f32..1.0, y in 1.0f32..1e6) {
        same(x, y).map_err(TestCaseError::fail)?;
    }
}
