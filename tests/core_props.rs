//! Property tests of the maths: the analytic optimum is optimal, the subgradient is the
//! derivative away from kinks, and the fused measurements of the optimizer's hot loop equal the
//! plain reference formulas.

use proptest::prelude::*;
use reglab::core::analytic::{clamped_count, optimal_loss};
use reglab::core::problem::sign0;
use reglab::core::{Adam, AdamConfig, Problem};

fn problem_strategy() -> impl Strategy<Value = Problem> {
    (
        prop::collection::vec(-50.0f32..50.0, 1..40),
        // μ log-uniform over 1e-3 … 1e2 (the slider's range).
        -3.0f64..2.0,
        -5.0f64..5.0,
    )
        .prop_map(|(z0, log_mu, c)| Problem::new(&z0, 10f64.powf(log_mu), c).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// 0 ∈ ∂L(z*): where z*ᵢ = z0ᵢ the subdifferential is [−1, 1] + 2μ(z*ᵢ − c), which must
    /// contain 0; elsewhere it is the single value sign(z*ᵢ − z0ᵢ) + 2μ(z*ᵢ − c), which must be 0
    /// (up to z* being rounded to f32).
    #[test]
    fn zero_is_in_the_subdifferential_at_z_star(p in problem_strategy()) {
        let (mu, c) = (p.mu(), p.centre());
        for (&s, &a) in p.z_star().iter().zip(p.z0()) {
            let (s, a) = (f64::from(s), f64::from(a));
            let pull = 2.0 * mu * (s - c);
            let tol = 2.0 * mu * (s.abs() + c.abs() + 1.0) * f64::from(f32::EPSILON) + 1e-12;
            if s == a {
                prop_assert!(pull.abs() <= 1.0 + tol, "z*=z0={a}: |2μ(z*−c)| = {}", pull.abs());
            } else {
                prop_assert!((sign0(s - a) + pull).abs() <= tol, "z*={s}, z0={a}: g = {}", sign0(s - a) + pull);
            }
        }
    }

    /// L(z*) ≤ L(z* + δ) for random perturbations δ, small and large.
    #[test]
    fn z_star_minimises_the_loss(p in problem_strategy(), seed in prop::collection::vec(-1.0f64..1.0, 40), scale in -6.0f64..1.0) {
        let eval = |z: &[f64]| -> f64 {
            z.iter().zip(p.z0()).map(|(z, &a)| (z - f64::from(a)).abs() + p.mu() * (z - p.centre()).powi(2)).sum()
        };
        let z_star: Vec<f64> = p.z_star().iter().map(|&x| f64::from(x)).collect();
        let l_star = eval(&z_star);
        prop_assert!((l_star - optimal_loss(p.z0(), p.mu(), p.centre())).abs() <= 1e-9 * (1.0 + l_star));
        let h = 10f64.powf(scale);
        let moved: Vec<f64> = z_star.iter().zip(&seed).map(|(z, d)| z + h * d).collect();
        prop_assert!(l_star <= eval(&moved) + 1e-9 * (1.0 + l_star), "L(z*) = {l_star} > L(z*+δ) = {}", eval(&moved));
    }

    /// Away from kinks the subgradient is the gradient: it equals a central finite difference.
    /// z lives on a grid of 1/64 so z ± h is exact in f32 and the difference quotient is exact
    /// up to f64 rounding (|·| is linear and (·)² is reproduced exactly by central differences).
    #[test]
    fn subgradient_equals_finite_difference_off_kinks(
        p in problem_strategy(),
        grid in prop::collection::vec(-3200i32..3200, 40),
    ) {
        let h = 1.0f32 / 64.0;
        let z: Vec<f32> = grid.iter().take(p.n()).map(|&k| k as f32 / 64.0).collect();
        let g = p.subgradient(&z);
        for i in 0..p.n() {
            if (z[i] - p.z0()[i]).abs() <= h {
                continue; // a kink lies within reach of the difference
            }
            let (mut up, mut down) = (z.clone(), z.clone());
            up[i] += h;
            down[i] -= h;
            let fd = (p.total_loss(&up) - p.total_loss(&down)) / (2.0 * f64::from(h));
            prop_assert!((fd - g[i]).abs() <= 1e-6 * (1.0 + g[i].abs()), "i={i}: fd {fd} vs g {}", g[i]);
        }
    }

    /// The hot loop's fused measurements equal the reference formulas (to f32 summation error).
    #[test]
    fn fused_measurements_match_reference(p in problem_strategy(), grid in prop::collection::vec(-60.0f32..60.0, 40)) {
        let mut z = p.initial_z();
        reglab::core::problem::floats_mut(&mut z)[..p.n()].copy_from_slice(&grid[..p.n()]);
        let zn = grid[..p.n()].to_vec();
        let stats = Adam::new(AdamConfig::default(), p.padded_len()).step(&p, &mut z);
        let close = |a: f32, b: f64, scale: f64| (f64::from(a) - b).abs() <= 1e-5 * (scale + b.abs()) + 1e-4;
        let fit = p.fit_loss(&zn);
        let reg = p.reg_loss(&zn);
        prop_assert!(close(stats.fit, fit, fit));
        prop_assert!(close(stats.reg, reg, reg));
        prop_assert!(close(stats.total, p.total_loss(&zn), fit + p.mu() * reg));
        let gn = p.subgradient(&zn).iter().map(|g| g * g).sum::<f64>().sqrt();
        prop_assert!(close(stats.grad_norm, gn, gn));
        let err = zn.iter().zip(p.z_star()).map(|(a, b)| f64::from((a - b).abs())).fold(0.0, f64::max);
        prop_assert!(close(stats.err_inf, err, err));
        let subopt = p.total_loss(&zn) - optimal_loss(p.z0(), p.mu(), p.centre());
        prop_assert!(subopt >= -1e-6 * (1.0 + fit));
        prop_assert!(close(stats.subopt, subopt, fit + p.mu() * reg), "subopt {} vs {subopt}", stats.subopt);
    }

    /// "k of n clamped" counts exactly the coordinates where z* ≠ z0.
    #[test]
    fn clamped_count_counts_moved_coordinates(p in problem_strategy()) {
        let moved = p.z_star().iter().zip(p.z0()).filter(|(s, a)| s != a).count();
        prop_assert_eq!(clamped_count(p.z0(), p.band()), moved);
    }
}
